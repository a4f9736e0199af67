package io.schemagov.cli;

import io.schemagov.migrate.MigrationException;
import io.schemagov.revision.ChainException;
import io.schemagov.schema.InvalidSchemaException;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * Maps what went wrong to one message on stderr and the documented exit code; the stack trace is
 * shown only with {@code --verbose}.
 */
final class ExitCodes implements CommandLine.IExecutionExceptionHandler {
  static final int OK = 0;
  static final int DIFFERENCES = 1;
  static final int USAGE = 2;
  static final int REFUSED = 3;
  static final int DATABASE = 4;

  @Override
  public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    err.println("error: " + e.getMessage());
    if (verbose(parseResult)) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      err.print(trace);
    }
    err.flush();
    return code(e);
  }

  static int code(Exception e) {
    if (e instanceof MigrationException migration) {
      return switch (migration.reason()) {
        case BAD_TARGET -> USAGE;
        case REFUSED -> REFUSED;
        case DATABASE -> DATABASE;
      };
    }
    if (e instanceof ChainException || e instanceof InvalidSchemaException) {
      return REFUSED;
    }
    if (e instanceof IllegalArgumentException) {
      return USAGE;
    }
    return DATABASE;
  }

  private static boolean verbose(CommandLine.ParseResult parseResult) {
    for (CommandLine.ParseResult at = parseResult; at != null; at = at.subcommand()) {
      if (at.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }
}
