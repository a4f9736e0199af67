package io.schemagov.dialect;

import static io.schemagov.dialect.Jdbc.execute;

import io.schemagov.revision.Step;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * A migration run on a PostgreSQL connection. The first {@link #begin} takes the session-level
 * advisory lock ({@link PostgresLock}), held until {@link #close}, so the whole run (every revision
 * and the history reads between them) is serialized against other migrators; each revision then
 * runs in its own transaction, DDL included, since PostgreSQL's DDL is transactional. A
 * connection that {@link #close} can neither roll back nor unlock is aborted, never committed.
 */
final class PostgresSession implements Dialect.Session {
  private static final System.Logger LOG = System.getLogger("io.schemagov.migrate");
  /** pgJDBC's default application_name, replaced so that a waiting migrator can name the holder. */
  private static final String DRIVER_APPLICATION_NAME = "PostgreSQL JDBC Driver";

  private final PostgresDialect dialect;
  private final Connection connection;
  private final Duration lockTimeout;
  private final PostgresLock lock;
  private final boolean wasAutoCommit;
  private final String previousApplicationName;
  private boolean locked;
  /** Whether the current transaction's {@link #begin} took the lock: the run's first transaction. */
  private boolean lockJustTaken;
  private boolean inTransaction;

  private PostgresSession(PostgresDialect dialect, Connection connection, Duration lockTimeout,
      boolean wasAutoCommit, String previousApplicationName) {
    this.dialect = dialect;
    this.connection = connection;
    this.lockTimeout = lockTimeout;
    this.lock = new PostgresLock(PostgresDialect.HISTORY_TABLE);
    this.wasAutoCommit = wasAutoCommit;
    this.previousApplicationName = previousApplicationName;
  }

  static PostgresSession open(PostgresDialect dialect, Connection connection, Duration lockTimeout)
      throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(true);
    String application = Jdbc.queryString(connection, "SELECT current_setting('application_name')");
    boolean unnamed = application == null || application.isEmpty() || application.equals(DRIVER_APPLICATION_NAME);
    if (unnamed) {
      execute(connection, "SET application_name = 'schemagov'");
    }
    return new PostgresSession(dialect, connection, lockTimeout, autoCommit, unnamed ? application : null);
  }

  @Override
  public void begin() throws SQLException {
    lockJustTaken = !locked;
    if (!locked) {
      lock.acquire(connection, lockTimeout, LOG);
      locked = true;
    }
    connection.setAutoCommit(false);
    inTransaction = true;
  }

  /**
   * The advisory lock is held from the first transaction to {@link #close}: no other migrator can have
   * written in between, so only the first transaction (which just took it) may find others' writes.
   */
  @Override
  public boolean othersMayHaveWritten() {
    return lockJustTaken;
  }

  @Override
  public void apply(Step step) throws SQLException {
    for (String sql : dialect.render(step)) {
      execute(connection, sql);
    }
  }

  @Override
  public void commit(List<Step> steps) throws SQLException {
    connection.commit();
    inTransaction = false;
    connection.setAutoCommit(true);
  }

  @Override
  public void rollback() throws SQLException {
    if (!inTransaction) {
      return;
    }
    inTransaction = false;
    connection.rollback();
    connection.setAutoCommit(true);
  }

  @Override
  public void close() throws SQLException {
    if (connection.isClosed()) {
      return; // the session, and with it the advisory lock, is gone
    }
    // Each step runs whatever the previous ones threw: a failed rollback must not leave the advisory
    // lock held (a pooled connection would carry it to its next user). The first failure is thrown,
    // later ones are added to it as suppressed.
    SQLException failure = null;
    try {
      rollback();
    } catch (SQLException e) {
      failure = e;
    }
    boolean settled = true;
    try {
      if (!connection.getAutoCommit()) {
        // A transaction the rollback (this one or the caller's) left open: roll it back once more, never
        // let setAutoCommit(true) commit half a revision.
        connection.rollback();
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      failure = Jdbc.collect(failure, e);
      settled = false;
    }
    try {
      if (settled && locked) {
        lock.release(connection);
        locked = false;
      }
    } catch (SQLException e) {
      failure = Jdbc.collect(failure, e);
    }
    if (!settled || locked) {
      // Neither rolled back nor unlocked for sure: end the session, which does both on the server, and
      // which a pool notices (it discards the connection instead of handing it out holding the lock).
      try {
        connection.abort(Runnable::run);
      } catch (SQLException | RuntimeException e) {
        failure.addSuppressed(e);
      }
      throw failure;
    }
    try {
      if (previousApplicationName != null) {
        execute(connection, "SELECT set_config('application_name', " + dialect.literal(previousApplicationName)
            + ", false)");
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
