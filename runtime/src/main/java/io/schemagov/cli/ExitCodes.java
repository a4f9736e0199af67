package io.schemagov.cli;

import io.schemagov.migrate.MigrationException;
import io.schemagov.revision.ChainException;
import io.schemagov.schema.InvalidSchemaException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.SQLException;
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
  /** A failure none of the others explains: a bug, reported as such rather than as a database failure. */
  static final int INTERNAL = 5;

  @Override
  public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    int code = code(e);
    err.println("error: " + (code == INTERNAL ? "internal error: " + e + "; rerun with --verbose and report it"
        : e.getMessage()));
    if (verbose(parseResult)) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      err.print(trace);
    }
    err.flush();
    return code;
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
      return REFUSED; // a revision file or entity-schema.json that does not say what it must
    }
    if (e instanceof UncheckedIOException) {
      return REFUSED; // a file that cannot be read (entity-schema.json, a scratch directory); the message says which
    }
    if (e instanceof IllegalArgumentException) {
      return USAGE;
    }
    if (e instanceof SQLException) {
      return DATABASE;
    }
    return INTERNAL;
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
