package io.schemagov.migrate;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The smoke gate's result: every check in the order it ran, and the time the run took. */
public record SmokeReport(String database, List<SmokeCheck> checks, Duration duration) {
  public SmokeReport {
    checks = List.copyOf(checks);
  }

  public boolean passed() {
    return checks.stream().allMatch(SmokeCheck::passed);
  }

  public List<SmokeCheck> failures() {
    return checks.stream().filter(check -> !check.passed()).toList();
  }

  /** As pytest ends a run: {@code 9 passed in 1.23s}, or {@code 1 failed, 8 passed in 1.23s}. */
  public String summary() {
    int failed = failures().size();
    int passed = checks.size() - failed;
    String seconds = String.format(Locale.ROOT, "%.2fs", duration.toMillis() / 1000.0);
    return (failed == 0 ? "" : failed + " failed, ") + passed + " passed in " + seconds;
  }
}
