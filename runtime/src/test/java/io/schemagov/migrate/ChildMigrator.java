package io.schemagov.migrate;

import java.nio.file.Path;

/**
 * A migrator in its own JVM, for the tests that kill one or run two at once:
 * {@code ChildMigrator <url> <revisions> <target>}; prints "applied <id>" per revision it applied.
 */
public final class ChildMigrator {
  private ChildMigrator() {}

  public static void main(String[] args) {
    try {
      Migrator.builder().url(args[0]).revisions(Path.of(args[1]))
          .listener(applied -> System.out.println("applied " + applied.id()))
          .build().upgrade(args[2]);
      System.exit(0);
    } catch (MigrationException e) {
      System.err.println(e.getMessage());
      System.exit(4);
    }
  }

  static Process start(String url, Path revisions, String target) throws java.io.IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ChildMigrator.class.getName(),
        url, revisions.toString(), target).redirectErrorStream(false).start();
  }
}
