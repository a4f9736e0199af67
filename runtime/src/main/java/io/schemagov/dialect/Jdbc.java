package io.schemagov.dialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The few plain-JDBC steps the dialects and the migrator share. */
public final class Jdbc {
  private Jdbc() {}

  /** Executes one statement that returns nothing the caller needs. */
  public static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** The first column of the first row of {@code sql}, or null when it returns no row. */
  public static String queryString(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      return rows.next() ? rows.getString(1) : null;
    }
  }

  /** The first column of the first row of {@code sql} as a long, or {@code absent} when it returns no row. */
  public static long queryLong(Connection connection, String sql, long absent) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      return rows.next() ? rows.getLong(1) : absent;
    }
  }

  /**
   * For cleanup steps that must all run: {@code next} when there was no failure yet, else
   * {@code first} with {@code next} added as suppressed.
   */
  public static SQLException collect(SQLException first, SQLException next) {
    if (first == null) {
      return next;
    }
    first.addSuppressed(next);
    return first;
  }
}
