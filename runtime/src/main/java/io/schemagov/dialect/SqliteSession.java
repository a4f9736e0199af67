package io.schemagov.dialect;

import static io.schemagov.dialect.Jdbc.execute;

import io.schemagov.revision.Step;
import io.schemagov.schema.Identifiers;
import io.schemagov.schema.Index;
import io.schemagov.schema.Table;
import io.schemagov.schema.TableName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A migration run on a SQLite connection. The lock is SQLite's own write lock, taken by
 * {@code BEGIN IMMEDIATE} before anything is read and released by the commit or rollback (or by the
 * process dying), so no lock row can go stale. Foreign key enforcement is switched off for the run
 * (a rebuild drops and renames tables) and back on at the end if it was on; every revision that
 * rebuilt a table must pass {@code PRAGMA foreign_key_check} of that table before it commits.
 */
final class SqliteSession implements Dialect.Session {
  private static final int SQLITE_BUSY = 5;

  private final SqliteDialect dialect;
  private final Connection connection;
  private final Duration lockTimeout;
  private final boolean wasAutoCommit;
  private final boolean foreignKeysWereOn;
  private final int previousBusyTimeout;
  private boolean inTransaction;
  /** {@code PRAGMA data_version} at the previous {@link #othersMayHaveWritten}, null before the first. */
  private Long dataVersion;

  private SqliteSession(SqliteDialect dialect, Connection connection, Duration lockTimeout,
      boolean wasAutoCommit, boolean foreignKeysWereOn, int previousBusyTimeout) {
    this.dialect = dialect;
    this.connection = connection;
    this.lockTimeout = lockTimeout;
    this.wasAutoCommit = wasAutoCommit;
    this.foreignKeysWereOn = foreignKeysWereOn;
    this.previousBusyTimeout = previousBusyTimeout;
  }

  static SqliteSession open(SqliteDialect dialect, Connection connection, Duration lockTimeout)
      throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    // Transactions are framed by explicit BEGIN IMMEDIATE / COMMIT, which the driver passes through.
    connection.setAutoCommit(true);
    boolean foreignKeys = Jdbc.queryLong(connection, "PRAGMA foreign_keys", 0) != 0;
    int busyTimeout = (int) Jdbc.queryLong(connection, "PRAGMA busy_timeout", 0);
    execute(connection, "PRAGMA foreign_keys=OFF");
    execute(connection, "PRAGMA busy_timeout=" + Math.max(0, Math.min(Integer.MAX_VALUE, lockTimeout.toMillis())));
    return new SqliteSession(dialect, connection, lockTimeout, autoCommit, foreignKeys, busyTimeout);
  }

  @Override
  public void begin() throws SQLException {
    try {
      execute(connection, dialect.beginTransaction());
      inTransaction = true;
    } catch (SQLException e) {
      if ((e.getErrorCode() & 0xff) == SQLITE_BUSY) {
        throw new LockTimeoutException(lockTimeout, e);
      }
      throw e;
    }
  }

  /**
   * {@code PRAGMA data_version} changes when another connection (of this process or another) commits
   * to the database, never for this connection's own commits, and costs no I/O. Read under
   * {@code BEGIN IMMEDIATE}'s write lock, nobody else can commit before this transaction ends.
   */
  @Override
  public boolean othersMayHaveWritten() throws SQLException {
    long now = Jdbc.queryLong(connection, "PRAGMA data_version", -1);
    boolean changed = dataVersion == null || now < 0 || dataVersion != now;
    dataVersion = now;
    return changed;
  }

  @Override
  public void apply(Step step) throws SQLException {
    Optional<TableName> rebuilt = dialect.rebuiltTable(step);
    List<String> kept = rebuilt.isPresent() ? keptThroughRebuild(rebuilt.get(), step) : List.of();
    for (String sql : dialect.render(step)) {
      execute(connection, sql);
    }
    for (String sql : kept) {
      execute(connection, sql);
    }
  }

  /**
   * The SQL of what dropping the table would lose and the model does not recreate: its triggers and
   * indexes made outside the chain (by a {@code sql} op). Views need nothing: they are kept as text
   * and name the rebuilt table once it has the old name.
   */
  private List<String> keptThroughRebuild(TableName table, Step step) throws SQLException {
    Table after = step.after().table(table).orElseThrow();
    String master = table.schema() == null ? "sqlite_master"
        : dialect.identifier(table.schema()) + ".sqlite_master";
    List<String> kept = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement("SELECT type, name, sql FROM " + master
        + " WHERE type IN ('trigger', 'index') AND tbl_name = ? COLLATE NOCASE AND sql IS NOT NULL"
        + " ORDER BY rowid")) {
      query.setString(1, Identifiers.unquoted(table.name()));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          String name = rows.getString(2);
          boolean modelIndex = rows.getString(1).equals("index") && after.indexes().stream()
              .map(Index::name).anyMatch(n -> Identifiers.unquoted(n).equalsIgnoreCase(name));
          if (!modelIndex) {
            kept.add(rows.getString(3));
          }
        }
      }
    }
    return kept;
  }

  /**
   * Every revision that rebuilt a table must leave no row of it referencing a missing parent row,
   * whether or not the connection enforces foreign keys (sqlite-jdbc does not by default). Rows whose
   * parent table does not exist at all are not counted: those are references to tables outside the
   * chain (the ORM's, not created on a blank SQLite database), which SQLite accepts.
   */
  @Override
  public void commit(List<Step> steps) throws SQLException {
    List<String> violations = new ArrayList<>();
    for (TableName table : dialect.rebuiltTables(steps)) {
      violations.addAll(violations(table));
    }
    if (!violations.isEmpty()) {
      throw new SQLException("foreign key check failed after rebuilding: " + String.join("; ", violations)
          + "; fix those rows (or the revision) and run again");
    }
    execute(connection, "COMMIT");
    inTransaction = false;
  }

  /** Per parent table: how many rows of {@code table} reference a missing row of it, and the first rowids. */
  private List<String> violations(TableName table) throws SQLException {
    Map<String, List<String>> rowsByParent = new LinkedHashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(SqliteDialect.foreignKeyCheck(table))) {
      while (rows.next()) {
        rowsByParent.computeIfAbsent(rows.getString(3), p -> new ArrayList<>()).add(rows.getString(2));
      }
    }
    List<String> violations = new ArrayList<>();
    for (Map.Entry<String, List<String>> parent : rowsByParent.entrySet()) {
      if (!tableExists(table.schema(), parent.getKey())) {
        continue; // a reference outside the chain: the parent table is not in this database
      }
      List<String> rowids = parent.getValue();
      violations.add(rowids.size() + (rowids.size() == 1 ? " row" : " rows") + " of " + table + " reference "
          + "a missing " + parent.getKey() + " row (rowid " + String.join(", ", rowids.subList(0, Math.min(5, rowids.size())))
          + (rowids.size() > 5 ? ", ..." : "") + ")");
    }
    return violations;
  }

  private boolean tableExists(String schema, String name) throws SQLException {
    String master = schema == null ? "sqlite_master" : dialect.identifier(schema) + ".sqlite_master";
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT 1 FROM " + master + " WHERE type = 'table' AND name = ? COLLATE NOCASE")) {
      query.setString(1, Identifiers.unquoted(name));
      try (ResultSet rows = query.executeQuery()) {
        return rows.next();
      }
    }
  }

  @Override
  public void rollback() throws SQLException {
    if (!inTransaction) {
      return;
    }
    inTransaction = false;
    try {
      execute(connection, "ROLLBACK");
    } catch (SQLException e) {
      // Some errors (a full disk, an interrupt) end the transaction themselves; nothing is left to undo.
      if (!String.valueOf(e.getMessage()).contains("no transaction is active")) {
        throw e;
      }
    }
  }

  @Override
  public void close() throws SQLException {
    // Each restore runs whatever the previous steps threw; the first failure is thrown, later ones
    // are added to it as suppressed.
    SQLException failure = null;
    try {
      rollback();
    } catch (SQLException e) {
      failure = e;
    }
    try {
      execute(connection, "PRAGMA busy_timeout=" + previousBusyTimeout);
    } catch (SQLException e) {
      failure = Jdbc.collect(failure, e);
    }
    try {
      if (foreignKeysWereOn) {
        execute(connection, "PRAGMA foreign_keys=ON");
      }
    } catch (SQLException e) {
      failure = Jdbc.collect(failure, e);
    }
    try {
      connection.setAutoCommit(wasAutoCommit);
    } catch (SQLException e) {
      failure = Jdbc.collect(failure, e);
    }
    if (failure != null) {
      throw failure;
    }
  }
}
