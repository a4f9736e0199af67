package io.schemagov.cli;

import io.schemagov.migrate.MigrationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "upgrade", mixinStandardHelpOptions = true,
    description = "Applies revisions up to the target, each in its own transaction.")
final class UpgradeCommand extends MigratorCommand {
  @Parameters(arity = "0..1", defaultValue = "head", paramLabel = "<target>",
      description = "head (default), a revision id, or +N.")
  String target;

  @Option(names = "--no-baseline", description = {"Do not create the ORM-managed tables a revision's foreign "
      + "keys need on a database that checks them at DDL time (PostgreSQL); fail naming them instead.",
      "By default upgrade creates them first from entity-schema.json (see the baseline command)."})
  boolean noBaseline;

  @Override
  public Integer call() {
    MigrationResult result = builder().baseline(!noBaseline).build().upgrade(target);
    err().println(result.applied().isEmpty() ? "Database already at " + result.to() + "; nothing to apply"
        : "Database now at " + result.to() + " (" + result.applied().size() + " revision(s) applied)");
    return ExitCodes.OK;
  }
}
