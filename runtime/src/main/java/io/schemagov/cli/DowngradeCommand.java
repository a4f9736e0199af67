package io.schemagov.cli;

import io.schemagov.migrate.MigrationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "downgrade", mixinStandardHelpOptions = true,
    description = {"Reverts revisions down to the target, each in its own transaction.",
        "Each line says what the revision's downgrade dropped."})
final class DowngradeCommand extends MigratorCommand {
  @Parameters(arity = "0..1", defaultValue = "-1", paramLabel = "<target>",
      description = "base, a revision id, or -N (default: -1).")
  String target;

  @Override
  public Integer call() {
    MigrationResult result = migrator().downgrade(target);
    err().println(result.applied().isEmpty() ? "Database already at " + result.to() + "; nothing to revert"
        : "Database now at " + result.to() + " (" + result.applied().size() + " revision(s) reverted)");
    return ExitCodes.OK;
  }
}
