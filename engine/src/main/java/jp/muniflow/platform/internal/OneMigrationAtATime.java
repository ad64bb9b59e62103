package jp.muniflow.platform.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Lets one node at a time run Liquibase on PostgreSQL. Liquibase's own lock is a row in a table that Liquibase
 * creates on the first start: two nodes starting at the same moment on an empty database both try to create
 * {@code databasechangelog} before either holds that lock, and one fails ("relation already exists"; StartupRaceIT
 * showed it). A PostgreSQL advisory lock needs no table: it is taken before Liquibase starts and given back when it
 * has finished; if the node dies meanwhile, PostgreSQL gives it back with the node's connection, so it can never be
 * left stuck as Liquibase's own lock can (docs/operations.md).
 *
 * <p>The lock is held between the two bean post-processing callbacks that enclose the Liquibase bean's
 * initialisation, which is where Spring Boot runs the migration. H2, the embedded single-node default, needs none.
 */
@Component
class OneMigrationAtATime implements BeanPostProcessor {

  /** "MuniFlow" in ASCII: the advisory lock's key, the same for every node of an installation. */
  static final long LOCK_KEY = 0x4D756E69466C6F77L;

  private static final Logger log = LoggerFactory.getLogger(OneMigrationAtATime.class);

  private final Map<String, Connection> held = new ConcurrentHashMap<>();

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) throws BeansException {
    if (bean instanceof SpringLiquibase liquibase && liquibase.getDataSource() != null) {
      lock(beanName, liquibase.getDataSource());
    }
    return bean;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
    Connection connection = held.remove(beanName);
    if (connection != null) {
      unlock(connection);
    }
    return bean;
  }

  private void lock(String beanName, DataSource dataSource) {
    Connection connection = null;
    try {
      connection = dataSource.getConnection();
      if (!AdvisoryLock.isPostgres(connection)) {
        connection.close();
        return;
      }
      AdvisoryLock.take(connection, LOCK_KEY, "schema migration");
      held.put(beanName, connection);
    } catch (SQLException e) {
      closeQuietly(connection);
      throw new IllegalStateException("cannot take the schema migration lock", e);
    }
  }

  private static void unlock(Connection connection) {
    try {
      AdvisoryLock.give(connection, LOCK_KEY);
    } catch (SQLException e) {
      log.warn("Could not give back the schema migration lock; closing its connection gives it back", e);
    } finally {
      closeQuietly(connection);
    }
  }

  private static void closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // closing gives the lock back; nothing else to do
      }
    }
  }
}
