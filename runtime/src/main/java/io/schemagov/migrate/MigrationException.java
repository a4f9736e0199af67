package io.schemagov.migrate;

/**
 * A command that could not run or was refused. The message says what is wrong and how to fix it;
 * the {@link Reason} tells a caller (the CLI) which kind of failure it is.
 */
public class MigrationException extends RuntimeException {
  /** Why the command failed. */
  public enum Reason {
    /** A target or argument that names nothing ({@code upgrade 0099} on a chain ending at 0004). */
    BAD_TARGET,
    /** The database's history does not match the revision files, so nothing is run. */
    REFUSED,
    /** The database could not be reached, was locked, or a revision's SQL failed. */
    DATABASE
  }

  private final Reason reason;

  public MigrationException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public MigrationException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
