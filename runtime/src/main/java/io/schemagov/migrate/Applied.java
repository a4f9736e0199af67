package io.schemagov.migrate;

import java.util.List;

/**
 * One revision applied ({@code upgrade}) or reverted ({@code downgrade}) in its own transaction:
 * how long it took and, for a downgrade, what it dropped (a reverted create_table drops the table
 * and its rows).
 */
public record Applied(String id, String message, Direction direction, long durationMs, List<String> dropped) {
  public enum Direction { UPGRADE, DOWNGRADE }

  public Applied {
    dropped = List.copyOf(dropped);
  }

  /** One line in the manner of Flyway: {@code Applied 0002 (Events) in 12 ms}. */
  public String describe() {
    String line = (direction == Direction.UPGRADE ? "Applied " : "Reverted ") + id
        + (message == null || message.isBlank() ? "" : " (" + message.strip().lines().findFirst().orElse("") + ")")
        + " in " + durationMs + " ms";
    return dropped.isEmpty() ? line : line + "; " + String.join("; ", dropped);
  }
}
