package io.schemagov.migrate;

import java.util.List;

/**
 * The chain is valid (it could not be built otherwise); {@code problems} lists every applied revision
 * that no longer matches its file. {@code databaseChecked} is false when no database was given.
 */
public record VerifyResult(int revisions, String head, boolean databaseChecked, List<String> problems) {
  public VerifyResult {
    problems = List.copyOf(problems);
  }

  public boolean ok() {
    return problems.isEmpty();
  }
}
