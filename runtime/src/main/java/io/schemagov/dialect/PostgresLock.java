package io.schemagov.dialect;

import io.schemagov.schema.TableName;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The migration lock: a session-level advisory lock (Flyway's PostgreSQLAdvisoryLockTemplate). It
 * belongs to the connection, so a killed migrator's lock goes with its session and never goes stale;
 * it is taken once for a whole run and released by {@link #release} (or the connection closing).
 * Advisory locks are per database, so migrators of different databases never wait for each other.
 */
final class PostgresLock {
  private static final Duration POLL = Duration.ofMillis(200);

  private static final String HOLDERS = """
      SELECT a.pid, a.application_name, a.client_addr, a.backend_start
      FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
        AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND l.classid::bigint = ? AND l.objid::bigint = ? AND l.pid <> pg_backend_pid()""";

  private final long key;

  PostgresLock(TableName historyTable) {
    this.key = key(historyTable);
  }

  /** A stable 64-bit key: the first 8 bytes of SHA-256("schemagov:" + history table). */
  static long key(TableName historyTable) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(("schemagov:" + historyTable.key()).getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  long key() {
    return key;
  }

  /**
   * Takes the lock, polling {@code pg_try_advisory_lock} until {@code timeout}: a blocking
   * {@code pg_advisory_lock} could not be bounded without a statement timeout, and polling lets the
   * wait name who holds the lock.
   */
  void acquire(Connection connection, Duration timeout, System.Logger log) throws SQLException {
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean told = false;
    while (!tryLock(connection)) {
      if (!told) {
        log.log(System.Logger.Level.INFO, "waiting up to " + timeout.toSeconds()
            + " s for the migration lock, held by " + holders(connection));
        told = true;
      }
      if (System.nanoTime() >= deadline) {
        throw new LockTimeoutException(timeout, "held by " + holders(connection), null);
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SQLException("interrupted while waiting for the migration lock", e);
      }
    }
  }

  void release(Connection connection) throws SQLException {
    try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
      unlock.setLong(1, key);
      unlock.execute();
    }
  }

  private boolean tryLock(Connection connection) throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
      lock.setLong(1, key);
      try (ResultSet rows = lock.executeQuery()) {
        rows.next();
        return rows.getBoolean(1);
      }
    }
  }

  /** Who holds the lock, e.g. {@code pid 4242 (schemagov, 10.0.0.7, connected 2025-01-01 10:00:00+00)}. */
  String holders(Connection connection) throws SQLException {
    List<String> holders = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(HOLDERS)) {
      // A bigint key is the advisory lock's classid (high 32 bits) and objid (low 32 bits).
      query.setLong(1, key >>> 32);
      query.setLong(2, key & 0xFFFF_FFFFL);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          String application = rows.getString(2);
          String address = rows.getString(3);
          holders.add("pid " + rows.getInt(1) + " (" + (application == null || application.isEmpty()
              ? "no application name" : application) + ", " + (address == null ? "local socket" : address)
              + ", connected " + rows.getString(4) + ")");
        }
      }
    }
    return holders.isEmpty() ? "a session that just released it" : String.join(", ", holders);
  }
}
