package io.schemagov.dialect;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fresh, empty database of one engine for one test, dropped by {@link #close}: a SQLite file in a
 * temporary directory, or a uniquely named PostgreSQL database on the server at
 * {@link Databases#postgresUrl()}. A test parameterized over {@link Engine} runs on both:
 *
 * <pre>{@code
 * @ParameterizedTest
 * @EnumSource(TestDatabase.Engine.class)
 * void upgrades(TestDatabase.Engine engine, @TempDir Path dir) throws Exception {
 *   try (TestDatabase db = engine.create(dir)) {
 *     Migrator.builder().url(db.url())...
 *   }
 * }
 * }</pre>
 */
public interface TestDatabase extends AutoCloseable {
  /** The engines a test can run on. */
  enum Engine {
    SQLITE, POSTGRESQL;

    /** A fresh database; {@code dir} holds SQLite's file. */
    public TestDatabase create(Path dir) throws SQLException {
      return this == SQLITE ? sqlite(dir) : postgres();
    }
  }

  /** The JDBC URL, credentials included. */
  String url();

  Dialect dialect();

  default Connection connect() throws SQLException {
    return DriverManager.getConnection(url());
  }

  /** Drops the database. */
  @Override
  void close() throws SQLException;

  static TestDatabase sqlite(Path dir) {
    return new Sqlite(dir.resolve("test-" + UUID.randomUUID() + ".db"));
  }

  /** A new database on the PostgreSQL server; fails or skips as {@link Databases#postgresUrl()} says. */
  static TestDatabase postgres() throws SQLException {
    String adminUrl = Databases.postgresUrl();
    String name = "sg_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
    try (Connection admin = DriverManager.getConnection(adminUrl); Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    }
    return new Postgres(adminUrl, name);
  }

  /** A SQLite database file. */
  record Sqlite(Path file) implements TestDatabase {
    @Override
    public String url() {
      return "jdbc:sqlite:" + file;
    }

    @Override
    public Dialect dialect() {
      return new SqliteDialect();
    }

    @Override
    public void close() {
      file.toFile().delete();
    }
  }

  /** A database created for the test on the server of {@code adminUrl}. */
  record Postgres(String adminUrl, String name) implements TestDatabase {
    private static final Pattern DATABASE = Pattern.compile("(jdbc:postgresql://[^/?]*/)([^?]*)(.*)");

    @Override
    public String url() {
      Matcher m = DATABASE.matcher(adminUrl);
      if (!m.matches()) {
        throw new IllegalStateException(Databases.POSTGRES_URL_VARIABLE + " is not a "
            + "jdbc:postgresql://host:port/database URL: " + adminUrl);
      }
      return m.group(1) + name + m.group(3);
    }

    @Override
    public Dialect dialect() {
      return new PostgresDialect();
    }

    /**
     * Drops the database, ending any session a test left open on it. FORCE may not end an
     * autovacuum worker that happens to be on the database (it has no role, so the server asks for
     * pg_signal_backend, SQLState 42501); the worker is short-lived, so the drop is tried again.
     */
    @Override
    public void close() throws SQLException {
      try (Connection admin = DriverManager.getConnection(adminUrl); Statement statement = admin.createStatement()) {
        for (int attempt = 1; ; attempt++) {
          try {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            return;
          } catch (SQLException e) {
            if (!"42501".equals(e.getSQLState()) || attempt == 20) {
              throw e;
            }
            pause(250);
          }
        }
      }
    }

    private static void pause(long millis) throws SQLException {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SQLException("interrupted while dropping a test database", e);
      }
    }
  }
}
