package io.schemagov.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A blank database to migrate, made anew before every timed run (outside the timing). */
interface Target {
  String name();

  String dialect();

  /** The URL of a blank database. */
  String blank() throws Exception;

  /**
   * A SQLite file, deleted before each run, in {@code dir}: a tmpfs, where a commit's fsync is free. On
   * this VM's disk an fsync takes 5 to 80 ms at random, which swamps what the contenders do
   * differently; all three commit once per revision, so the fsyncs are the same for each.
   */
  static Target sqlite(Path dir) {
    return new Target() {
      public String name() {
        return "SQLite";
      }

      public String dialect() {
        return "sqlite";
      }

      public String blank() throws Exception {
        Path file = dir.resolve("p3.db");
        for (String suffix : new String[] {"", "-journal", "-wal", "-shm"}) {
          Files.deleteIfExists(Path.of(file + suffix));
        }
        return "jdbc:sqlite:" + file;
      }
    };
  }

  /**
   * A database of its own on the server of {@code adminUrl}, its public schema emptied before each run;
   * {@code synchronous_commit} is off there for the reason the SQLite file is on a tmpfs.
   */
  static Target postgres(String adminUrl, String database) throws SQLException {
    String url = Postgres.withDatabase(adminUrl, database);
    Postgres.recreate(adminUrl, database);
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
      statement.execute("ALTER DATABASE " + database + " SET synchronous_commit = off");
    }
    return new Target() {
      public String name() {
        return "PostgreSQL";
      }

      public String dialect() {
        return "postgresql";
      }

      public String blank() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
          statement.execute("DROP SCHEMA public CASCADE");
          statement.execute("CREATE SCHEMA public");
        }
        return url;
      }
    };
  }
}
