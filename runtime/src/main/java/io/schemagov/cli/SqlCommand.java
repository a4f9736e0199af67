package io.schemagov.cli;

import io.schemagov.dialect.Dialects;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sql", mixinStandardHelpOptions = true,
    description = {"Prints the SQL that moves a database from one revision to another, without a database.",
        "Includes the history writes; pipe it into the database shell, e.g. sqlite3 -bail app.db."})
final class SqlCommand extends MigratorCommand {
  @Parameters(paramLabel = "<from>:<to>", description = "e.g. base:head, 0002:0004, head:base, 0003:-1.")
  String range;

  @Option(names = "--dialect", defaultValue = "sqlite", description = "Database dialect (default: ${DEFAULT-VALUE}).")
  String dialect;

  @Override
  public Integer call() {
    int colon = range.indexOf(':');
    if (colon <= 0 || colon == range.length() - 1) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "'" + range + "' is not a range; write <from>:<to>, e.g. base:head");
    }
    String script = options.builder().dialect(Dialects.named(dialect)).build()
        .sql(range.substring(0, colon), range.substring(colon + 1));
    out().print(script);
    out().flush();
    return ExitCodes.OK;
  }
}
