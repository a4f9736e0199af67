package io.schemagov.migrate;

/**
 * One line of {@code history}: a revision of the chain or of the database's history table, with its
 * state. {@code appliedAt}, {@code durationMs} and {@code kind} are null for a pending revision.
 */
public record HistoryEntry(String id, String message, Status status, String kind, String appliedAt,
    Long durationMs) {
  public enum Status {
    /** Applied, and its file is unchanged. */
    APPLIED,
    /** Not applied yet. */
    PENDING,
    /** Applied, but its file was edited since (the checksums differ). */
    CHANGED,
    /** Applied, but no revision file has it any more. */
    MISSING,
    /** Not a revision: ORM-managed tables created by a baseline; the message lists them. */
    BASELINE
  }
}
