package io.schemagov.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar schemagov.jar <command> --url jdbc:sqlite:app.db --revisions <dir>}: the command
 * line over {@link io.schemagov.migrate.Migrator}. Results go to stdout (only the id for
 * {@code current}, only SQL for {@code sql}); messages go to stderr. Exit codes: see {@link ExitCodes}.
 */
@Command(name = "schemagov", mixinStandardHelpOptions = true, version = "schemagov 0.1.0",
    description = "Applies, reverts and checks a schemagov revision chain.",
    subcommands = {UpgradeCommand.class, DowngradeCommand.class, CurrentCommand.class, HistoryCommand.class,
        CheckCommand.class, SqlCommand.class, StampCommand.class, VerifyCommand.class, SmokeCommand.class,
        BaselineCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:success",
        "1:check, verify or smoke found differences or failures",
        "2:bad usage (unknown command, option, target or revision id)",
        "3:refused (invalid chain, tampered history, unacknowledged data loss)",
        "4:database unreachable or locked, or its SQL failed"})
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line; callers may redirect its output with {@code setOut} / {@code setErr}. */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new Main());
    // "downgrade -1" names a target, not an option.
    commandLine.setUnmatchedOptionsArePositionalParams(true);
    commandLine.setExecutionExceptionHandler(new ExitCodes());
    return commandLine;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "no command given; run schemagov --help");
  }
}
