package io.schemagov.cli;

import io.schemagov.migrate.CheckResult;
import picocli.CommandLine.Command;

@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Compares the live database with the chain's schema at its current revision.",
        "Lists every missing, extra or different table, column, key, index and sequence; exit 1 on any."})
final class CheckCommand extends MigratorCommand {
  @Override
  public Integer call() {
    CheckResult result = migrator().check();
    result.differences().forEach(out()::println);
    if (result.matches()) {
      err().println("Database matches the chain at " + result.revision());
      return ExitCodes.OK;
    }
    err().println(result.differences().size() + " difference(s) between the database and the chain at "
        + result.revision());
    return ExitCodes.DIFFERENCES;
  }
}
