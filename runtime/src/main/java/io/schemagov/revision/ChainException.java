package io.schemagov.revision;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The revision files or the chain they form are refused. Carries every problem found, not only
 * the first, so one run shows the user everything to fix.
 */
public class ChainException extends RuntimeException {
  private final List<Problem> problems;

  public ChainException(List<Problem> problems) {
    super(summary(problems));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String summary(List<Problem> problems) {
    String header = problems.size() == 1 ? "the revision chain has a problem:"
        : "the revision chain has " + problems.size() + " problems:";
    return problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n", header + "\n", ""));
  }
}
