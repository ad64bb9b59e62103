package jp.muniflow.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** A PostgreSQL database of its own for one run, created on the server given and dropped after the run. */
final class PgDatabase implements AutoCloseable {

  private final Options options;
  final String name;
  final String url;

  PgDatabase(Options options, String prefix) throws SQLException {
    this.options = options;
    String given = options.get("pg-database", "");
    this.name = given.isEmpty() ? prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10) : given;
    String admin = options.pgAdminUrl();
    this.url = admin.substring(0, admin.lastIndexOf('/') + 1) + name;
    if (given.isEmpty()) {
      admin("create database " + name);
    }
  }

  /** A database named with --pg-database is kept (a generated task list is reused); one made here is dropped. */
  boolean kept() {
    return !options.get("pg-database", "").isEmpty();
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url, options.pgUser(), options.pgPassword());
  }

  private void admin(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(options.pgAdminUrl(), options.pgUser(), options.pgPassword());
         Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  @Override
  public void close() throws SQLException {
    if (!kept()) {
      admin("drop database if exists " + name + " with (force)");
    }
  }
}
