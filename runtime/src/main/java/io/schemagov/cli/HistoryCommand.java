package io.schemagov.cli;

import io.schemagov.migrate.HistoryEntry;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;

@Command(name = "history", mixinStandardHelpOptions = true,
    description = "Lists the applied revisions (oldest first) and the pending ones.")
final class HistoryCommand extends MigratorCommand {
  @Override
  public Integer call() {
    List<HistoryEntry> entries = migrator().history();
    if (entries.isEmpty()) {
      err().println("The chain has no revisions and the database none applied");
    }
    for (HistoryEntry entry : entries) {
      out().printf("%-8s %-8s %-20s %8s  %s%n", entry.id(), entry.status().name().toLowerCase(Locale.ROOT),
          entry.appliedAt() == null ? "" : entry.appliedAt(),
          entry.durationMs() == null ? "" : entry.durationMs() + " ms",
          entry.message() == null ? "" : entry.message().strip().lines().findFirst().orElse(""));
    }
    return ExitCodes.OK;
  }
}
