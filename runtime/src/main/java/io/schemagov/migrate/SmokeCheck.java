package io.schemagov.migrate;

import java.time.Duration;
import java.util.Objects;

/**
 * One check of the smoke gate: its name (e.g. {@code upgrade_base_to_head}), whether it passed, what
 * it found (on a failure, what is wrong and where), and how long it took.
 */
public record SmokeCheck(String name, boolean passed, String detail, Duration duration) {
  public SmokeCheck {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(duration, "duration");
  }

  /** The line pytest would print: {@code smoke::upgrade_base_to_head PASSED (123 ms)}. */
  public String line() {
    return "smoke::" + name + " " + (passed ? "PASSED" : "FAILED") + " (" + duration.toMillis() + " ms)";
  }
}
