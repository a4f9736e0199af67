package io.schemagov.dialect;

import java.sql.SQLException;
import java.time.Duration;

/** Another migrator held the database's lock for longer than the lock timeout. */
public class LockTimeoutException extends SQLException {
  public LockTimeoutException(Duration waited, Throwable cause) {
    super("database is locked by another process (waited " + waited.toSeconds()
        + " s); retry when the other migrator has finished, or wait longer with --lock-timeout", cause);
  }

  /** As above, naming the lock's holder where the database can tell ({@code held by pid 4242 (...)}). */
  public LockTimeoutException(Duration waited, String holder, Throwable cause) {
    super("database is locked by another migrator, " + holder + " (waited " + waited.toSeconds()
        + " s); retry when it has finished, or wait longer with --lock-timeout", cause);
  }
}
