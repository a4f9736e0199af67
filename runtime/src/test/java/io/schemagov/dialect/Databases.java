package io.schemagov.dialect;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the tests' database servers are. A PostgreSQL test needs {@code SCHEMAGOV_PG_URL} (a JDBC URL
 * whose user may create databases; {@code .ci/postgres.sh} starts a server and prints one). Without
 * it the test fails when {@code CI=true}, since CI must run every test, and is skipped elsewhere with
 * a message that says how to run it.
 */
public final class Databases {
  public static final String POSTGRES_URL_VARIABLE = "SCHEMAGOV_PG_URL";

  private static boolean told;

  private Databases() {}

  /** The PostgreSQL URL, or the test fails (in CI) or is skipped (elsewhere). */
  public static String postgresUrl() {
    String url = System.getenv(POSTGRES_URL_VARIABLE);
    if (url != null && !url.isBlank()) {
      return url;
    }
    String message = POSTGRES_URL_VARIABLE + " is not set, so the PostgreSQL tests cannot run; start a "
        + "server with: export " + POSTGRES_URL_VARIABLE + "=$(.ci/postgres.sh)";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      Assertions.fail(message);
    }
    synchronized (Databases.class) {
      if (!told) {
        System.err.println("SKIPPED: " + message);
        told = true;
      }
    }
    Assumptions.abort(message);
    throw new AssertionError("unreachable: abort throws");
  }
}
