package io.schemagov.cli;

import io.schemagov.migrate.Baselined;
import picocli.CommandLine.Command;

@Command(name = "baseline", mixinStandardHelpOptions = true,
    description = {"Creates every ORM-managed table of entity-schema.json that the database lacks (the ORM's "
        + "create_all of the tables no revision creates), and the sequences no revision creates.",
        "In foreign-key order, in one transaction, recorded in the history; tables already there are left alone.",
        "upgrade runs the part a revision needs by itself on a database that checks foreign keys at DDL time."})
final class BaselineCommand extends MigratorCommand {
  @Override
  public Integer call() {
    Baselined result = migrator().baseline();
    err().println(result.describe());
    return ExitCodes.OK;
  }
}
