package jp.muniflow.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import jp.muniflow.platform.internal.AdvisoryLock;
import org.springframework.stereotype.Component;

/**
 * Lets one node of an installation at a time do a piece of start-up work that writes shared rows, such as the
 * tenants' groups and authorizations: two nodes started at the same moment on an empty database would otherwise
 * insert the same rows and one of them die on a unique key (StartupRaceIT showed it). On PostgreSQL a session
 * advisory lock, held on a connection of its own while the work runs; PostgreSQL gives it back with the connection
 * if the node dies. H2, the embedded single-node default, needs none.
 */
@Component
public class OneNodeAtATime {

  /** "MFprovis" in ASCII; the schema migration's lock uses another key. */
  public static final long PROVISIONING = 0x4D4670726F766973L;

  private final DataSource dataSource;

  OneNodeAtATime(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public <T> T call(long key, String what, Supplier<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      if (!AdvisoryLock.isPostgres(connection)) {
        return work.get();
      }
      AdvisoryLock.take(connection, key, what);
      try {
        return work.get();
      } finally {
        AdvisoryLock.give(connection, key);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot take the lock for the " + what, e);
    }
  }
}
