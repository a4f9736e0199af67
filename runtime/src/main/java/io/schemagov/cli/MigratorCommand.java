package io.schemagov.cli;

import io.schemagov.migrate.Migrator;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** A command over a {@link Migrator}: the shared options, the streams, and the migrator itself. */
abstract class MigratorCommand implements Callable<Integer> {
  @Mixin RevisionOptions options;
  @Spec CommandLine.Model.CommandSpec spec;

  /** A migrator for a command that needs the database. */
  Migrator migrator() {
    return builder().build();
  }

  /** The migrator's configuration, for a command that adds its own options; it reports on stderr. */
  Migrator.Builder builder() {
    if (options.url == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "missing --url: " + spec.name()
          + " needs the database, e.g. --url jdbc:sqlite:app.db");
    }
    return options.builder().listener(applied -> {
      err().println(applied.describe());
      err().flush();
    }).baselineListener(baselined -> {
      err().println(baselined.describe());
      err().flush();
    });
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
