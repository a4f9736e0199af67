package io.schemagov.cli;

import io.schemagov.migrate.Migrator;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The options every command shares: where the revisions are, the database, and --verbose. */
final class RevisionOptions {
  @Option(names = "--revisions", required = true, paramLabel = "<dir>",
      description = "Directory of revision files, or classpath:<dir> for a directory inside the jar.")
  String revisions;

  @Option(names = "--url", paramLabel = "<jdbc-url>", description = "JDBC URL, e.g. jdbc:sqlite:app.db.")
  String url;

  @Option(names = "--lock-timeout", paramLabel = "<seconds>", defaultValue = "60",
      description = "How long to wait for another migrator's lock (default: ${DEFAULT-VALUE} s).")
  long lockTimeoutSeconds;

  @Option(names = "--verbose", description = "Show stack traces of errors.")
  boolean verbose;

  Migrator.Builder builder() {
    return Migrator.builder().revisions(revisions).url(url).lockTimeout(Duration.ofSeconds(lockTimeoutSeconds));
  }
}
