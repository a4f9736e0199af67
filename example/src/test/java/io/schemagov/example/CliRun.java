package io.schemagov.example;

import io.schemagov.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One in-process run of the schemagov command line, with what it printed on each stream. */
record CliRun(int code, String out, String err) {
  /** The example's chain as README's commands name it, relative to the example module. */
  static final String REVISIONS = "src/main/resources/db/schemagov";

  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return new CliRun(commandLine.execute(args), out.toString(), err.toString());
  }
}
