package io.schemagov.cli;

import picocli.CommandLine.Command;

@Command(name = "current", mixinStandardHelpOptions = true,
    description = "Prints the database's revision id alone on stdout (base when none is applied).")
final class CurrentCommand extends MigratorCommand {
  @Override
  public Integer call() {
    out().println(migrator().current());
    return ExitCodes.OK;
  }
}
