package io.schemagov.cli;

import io.schemagov.migrate.Migrator;
import io.schemagov.migrate.Smoke;
import io.schemagov.migrate.SmokeCheck;
import io.schemagov.migrate.SmokeReport;
import io.schemagov.revision.Chain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "smoke", mixinStandardHelpOptions = true,
    description = {"Runs the migration smoke gate: nine checks of the chain on a real database.",
        "On a scratch SQLite file per check (deleted afterwards), or on --url, which must be empty and is "
            + "left at base.",
        "One line per check, the failures with what each found, and a summary; exit 1 on any failure."})
final class SmokeCommand extends MigratorCommand {
  @Option(names = "--details", description = "Also print what each passed check found.")
  boolean details;

  @Override
  public Integer call() {
    Migrator migrator = options.builder().build();
    Chain chain = migrator.chain();
    err().println("Smoke checks of " + chain.revisions().size() + " revision(s) (head " + chain.head() + ") on "
        + (options.url == null ? "scratch SQLite" : "the database given by --url"));
    err().flush();
    SmokeReport report = Smoke.run(chain, migrator.entitySchema().orElse(null), options.url, check -> {
      out().println(check.line());
      if (details && check.passed()) {
        out().println("    " + check.detail().replace("\n", "\n    "));
      }
      out().flush();
    });
    if (!report.passed()) {
      out().println("=== FAILURES ===");
      for (SmokeCheck failure : report.failures()) {
        out().println("smoke::" + failure.name());
        out().println("    " + failure.detail().replace("\n", "\n    "));
      }
    }
    out().println(report.summary());
    out().flush();
    return report.passed() ? ExitCodes.OK : ExitCodes.DIFFERENCES;
  }
}
