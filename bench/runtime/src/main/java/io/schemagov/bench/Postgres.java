package io.schemagov.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Benchmark databases on the server that SCHEMAGOV_PG_URL names (its role may create databases). */
final class Postgres {
  private Postgres() {}

  static String withDatabase(String url, String database) {
    return url.replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + database);
  }

  static void recreate(String adminUrl, String database) throws SQLException {
    try (Connection connection = DriverManager.getConnection(adminUrl); Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      statement.execute("CREATE DATABASE " + database);
    }
  }

  /**
   * Drops the database. {@code FORCE} ends the sessions still on it, but an autovacuum worker that
   * has just started on the freshly filled database belongs to the superuser and cannot be ended by
   * this role: then it waits and tries again, as the worker is soon done.
   */
  static void drop(String adminUrl, String database) throws SQLException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try (Connection connection = DriverManager.getConnection(adminUrl); Statement statement = connection.createStatement()) {
        statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        return;
      } catch (SQLException e) {
        if (attempt == 10 || !"42501".equals(e.getSQLState())) {
          throw e;
        }
        Thread.sleep(1000);
      }
    }
  }
}
