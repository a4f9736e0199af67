package io.schemagov.dialect;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Optional;

/**
 * One line for the connection failures a user can fix, keyed by SQLState (PostgreSQL's error codes,
 * https://www.postgresql.org/docs/15/errcodes-appendix.html) and, for an unreachable server, by the
 * socket error pgJDBC wraps.
 */
final class PostgresErrors {
  private PostgresErrors() {}

  static Optional<String> connectionProblem(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String server = firstLine(e.getMessage());
    return Optional.ofNullable(switch (state) {
      case "28P01" -> "wrong password (" + server + "); fix password= in the URL (or the data source's "
          + "password) for this user";
      case "28000" -> "the server refused the login (" + server + "); check the user in the URL and the "
          + "server's pg_hba.conf entry for this host, user and database";
      case "3D000" -> "the database does not exist (" + server + "); create it (createdb <name>, or "
          + "CREATE DATABASE <name>) or fix the database name in the URL";
      case "08001", "08004", "08006" -> unreachable(e, server);
      default -> null;
    });
  }

  private static String unreachable(SQLException e, String server) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectException) {
        return "cannot reach the PostgreSQL server (" + server + "); start the server, or fix the host "
            + "and port in the URL";
      }
      if (cause instanceof UnknownHostException) {
        return "unknown host in the URL (" + server + "); fix the host name";
      }
    }
    return "cannot connect to the PostgreSQL server (" + server + "); check that it runs and accepts "
        + "connections at the URL's host and port";
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no message";
    }
    String line = message.strip().lines().findFirst().orElse("");
    return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
  }
}
