package io.schemagov.cli;

import io.schemagov.migrate.MigrationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "stamp", mixinStandardHelpOptions = true,
    description = "Records the database as being at a revision without running anything.")
final class StampCommand extends MigratorCommand {
  @Parameters(paramLabel = "<target>", description = "A revision id, head or base.")
  String target;

  @Override
  public Integer call() {
    MigrationResult result = migrator().stamp(target);
    err().println("Stamped the database at " + result.to() + " (was " + result.from() + ")");
    return ExitCodes.OK;
  }
}
