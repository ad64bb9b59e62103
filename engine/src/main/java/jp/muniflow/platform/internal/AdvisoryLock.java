package jp.muniflow.platform.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL session advisory lock on a connection of its own: taken (waiting for another node that holds it) and
 * given back on that connection; PostgreSQL gives it back with the connection if the node dies. Nothing on other
 * databases: H2, the embedded default, serves one node.
 */
public final class AdvisoryLock {

  private static final Logger log = LoggerFactory.getLogger(AdvisoryLock.class);

  private AdvisoryLock() {
  }

  public static boolean isPostgres(Connection connection) throws SQLException {
    return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
  }

  /** Takes the lock on the connection (auto-commit, so that no transaction holds it open), waiting if need be. */
  public static void take(Connection connection, long key, String what) throws SQLException {
    connection.setAutoCommit(true);
    try (Statement st = connection.createStatement()) {
      try (var rs = st.executeQuery("select pg_try_advisory_lock(" + key + ")")) {
        if (rs.next() && rs.getBoolean(1)) {
          return;
        }
      }
      log.info("Another node is doing the {}; waiting for it to finish", what);
      st.execute("select pg_advisory_lock(" + key + ")");
    }
  }

  public static void give(Connection connection, long key) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute("select pg_advisory_unlock(" + key + ")");
    }
  }
}
