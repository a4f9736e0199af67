package io.schemagov.cli;

import io.schemagov.dialect.Dialects;
import io.schemagov.migrate.Migrator;
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

  @Option(names = "--dialect", description = "Database dialect, sqlite or postgresql (default: the --url's "
      + "database, else sqlite).")
  String dialect;

  @Override
  public Integer call() {
    int colon = range.indexOf(':');
    if (colon <= 0 || colon == range.length() - 1) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "'" + range + "' is not a range; write <from>:<to>, e.g. base:head");
    }
    Migrator.Builder builder = options.builder();
    if (dialect != null) {
      builder.dialect(Dialects.named(dialect)); // else Migrator.sql takes the --url's, or SQLite
    }
    String script = builder.build().sql(range.substring(0, colon), range.substring(colon + 1));
    out().print(script);
    out().flush();
    return ExitCodes.OK;
  }
}
