package io.schemagov.cli;

import io.schemagov.migrate.VerifyResult;
import picocli.CommandLine.Command;

@Command(name = "verify", mixinStandardHelpOptions = true,
    description = {"Checks the chain's integrity and, with --url, every applied revision's checksum.",
        "An invalid chain exits 3; applied revisions that differ from their files exit 1."})
final class VerifyCommand extends MigratorCommand {
  @Override
  public Integer call() {
    VerifyResult result = options.builder().build().verify();
    result.problems().forEach(out()::println);
    err().println("Chain OK: " + result.revisions() + " revision(s), head " + result.head()
        + (result.databaseChecked() ? result.ok() ? "; the database's applied revisions match their files"
            : "; " + result.problems().size() + " applied revision problem(s)" : ""));
    return result.ok() ? ExitCodes.OK : ExitCodes.DIFFERENCES;
  }
}
