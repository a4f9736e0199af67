package io.schemagov.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs P3-P5 and prints each result table; a full run also writes them into BENCHMARKS.md.
 * Arguments: [--quick] [--report BENCHMARKS.md] [p3] [p4] [p5] (default all three).
 * PostgreSQL parts need SCHEMAGOV_PG_URL (a role that may create databases).
 */
public final class Main {
  /** Flyway logs a line per migration at INFO; kept quiet (held here, as JUL holds loggers weakly). */
  private static final java.util.logging.Logger FLYWAY_LOG = java.util.logging.Logger.getLogger("org.flywaydb");

  private Main() {}

  public static void main(String[] args) throws Exception {
    FLYWAY_LOG.setLevel(java.util.logging.Level.WARNING);
    boolean quick = false;
    Path report = null;
    List<String> parts = new ArrayList<>();
    for (int k = 0; k < args.length; k++) {
      switch (args[k]) {
        case "--quick" -> quick = true;
        case "--report" -> report = Path.of(args[++k]);
        default -> parts.add(args[k]);
      }
    }
    if (parts.isEmpty()) {
      parts = List.of("p3", "p4", "p5");
    }
    String pgUrl = System.getenv("SCHEMAGOV_PG_URL");
    Path scratch = Files.createTempDirectory("schemagov-bench");
    String command = "bench/runtime/run.sh" + (quick ? " --quick" : "") + (parts.size() < 3 ? " " + String.join(" ", parts) : "");
    String context = "`" + command + "`, " + LocalDate.now() + "; JVM " + System.getProperty("java.vm.name") + " "
        + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " cores; " + versions(pgUrl) + ".";
    try {
      for (String part : parts) {
        run(part, scratch, pgUrl, quick, context, report);
      }
    } finally {
      delete(scratch);
    }
  }

  private static void run(String part, Path scratch, String pgUrl, boolean quick, String context, Path report)
      throws Exception {
    String block = switch (part) {
      case "p3" -> p3(scratch, pgUrl, quick);
      case "p4" -> p4(scratch, quick);
      case "p5" -> p5(scratch, pgUrl, quick);
      default -> throw new IllegalArgumentException("unknown part " + part + "; use p3, p4, p5");
    };
    String text = context + "\n\n" + block;
    System.out.println("\n## " + part.toUpperCase() + "\n\n" + text);
    if (report != null && !quick) {
      Report.write(report, part, HEADINGS.get(part), text);
    }
  }

  private static final Map<String, String> HEADINGS = Map.of(
      "p3", "## P3: migration speed",
      "p4", "## P4: SQLite rebuild",
      "p5", "## P5: checks at startup");

  private static String p3(Path scratch, String pgUrl, boolean quick) throws Exception {
    int revisions = quick ? 50 : 200;
    int rounds = quick ? 2 : 5;
    MigrationBench bench = new MigrationBench(BenchChain.write(scratch, revisions));
    StringBuilder out = new StringBuilder("Applying a " + revisions + "-revision chain (" + revisions / 5
        + " tables) to a blank database (SQLite: a file on a tmpfs; PostgreSQL: synchronous_commit off, so "
        + "that the disk's fsync noise does not swamp the contenders' differences); " + rounds
        + " rounds after a warm-up, contenders interleaved; ms.\n\n"
        + "| database | contender | min | median | min vs Flyway | min vs floor | median vs Flyway | median vs floor |\n"
        + "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    Path shm = Path.of("/dev/shm");
    Path sqliteDir = Files.isDirectory(shm) && Files.isWritable(shm)
        ? Files.createTempDirectory(shm, "schemagov-bench") : scratch;
    List<Target> targets = new ArrayList<>(List.of(Target.sqlite(sqliteDir)));
    if (pgUrl != null) {
      targets.add(Target.postgres(pgUrl, "schemagov_bench_p3"));
    }
    for (Target target : targets) {
      double[][] millis = bench.run(target, scratch, rounds);
      Stats flyway = new Stats(millis[1]);
      Stats floor = new Stats(millis[2]);
      for (int c = 0; c < MigrationBench.CONTENDERS.length; c++) {
        Stats s = new Stats(millis[c]);
        out.append("| ").append(target.name()).append(" | ").append(MigrationBench.CONTENDERS[c])
            .append(" | ").append(Stats.ms(s.min())).append(" | ").append(Stats.ms(s.median()))
            .append(" | ").append(Stats.ratio(s.min(), flyway.min())).append(" | ").append(Stats.ratio(s.min(), floor.min()))
            .append(" | ").append(Stats.ratio(s.median(), flyway.median())).append(" | ")
            .append(Stats.ratio(s.median(), floor.median())).append(" |\n");
      }
    }
    if (sqliteDir != scratch) {
      delete(sqliteDir);
    }
    if (pgUrl != null) {
      Postgres.drop(pgUrl, "schemagov_bench_p3");
    } else {
      out.append("\nPostgreSQL skipped: SCHEMAGOV_PG_URL is not set.\n");
    }
    return out.append("\nGoal: schemagov <= 0.50x Flyway and <= 1.20x the floor.").toString();
  }

  private static String p4(Path scratch, boolean quick) throws Exception {
    int rows = quick ? 100_000 : 1_000_000;
    int rounds = quick ? 2 : 5;
    double[][][] millis = new RebuildBench(scratch, rows).run(rounds);
    StringBuilder out = new StringBuilder(String.format("A rebuilding op on a SQLite table of %,d rows with two "
        + "indexes; the floor is CREATE TABLE + INSERT ... SELECT + the two indexes, one transaction; %d rounds "
        + "after a warm-up, interleaved; ms.%n%n", rows, rounds)
        + "| op | schemagov min | schemagov median | floor min | floor median | min ratio | median ratio |\n"
        + "| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (int op = 0; op < RebuildBench.OPS.length; op++) {
      Stats ours = new Stats(millis[op][0]);
      Stats floor = new Stats(millis[op][1]);
      out.append("| ").append(RebuildBench.OPS[op]).append(" | ").append(Stats.ms(ours.min())).append(" | ")
          .append(Stats.ms(ours.median())).append(" | ").append(Stats.ms(floor.min())).append(" | ")
          .append(Stats.ms(floor.median())).append(" | ").append(Stats.ratio(ours.min(), floor.min()))
          .append(" | ").append(Stats.ratio(ours.median(), floor.median())).append(" |\n");
    }
    return out.append("\nGoal: <= 1.25x the floor.").toString();
  }

  private static String p5(Path scratch, String pgUrl, boolean quick) throws Exception {
    if (pgUrl == null) {
      return "Skipped: SCHEMAGOV_PG_URL is not set.";
    }
    int rounds = quick ? 2 : 5;
    int[] sizes = quick ? new int[] {10, 40} : new int[] {50, 200};
    StringBuilder out = new StringBuilder("`Migrator.check()` on PostgreSQL schemas made by the bench chain (five "
        + "revisions per table, each table with a primary key, a foreign key and two or three indexes); "
        + "building the migrator (loading and validating the chain) timed apart; " + rounds + " rounds after a "
        + "warm-up; ms. Queries are every statement and metadata call sent on the check's connection.\n\n"
        + "| tables | revisions | build min | build median | check min | check median | differences | queries |\n"
        + "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    CheckBench.Result last = null;
    for (int tables : sizes) {
      last = CheckBench.run(pgUrl, scratch, tables, rounds);
      out.append("| ").append(tables).append(" | ").append(last.revisions()).append(" | ")
          .append(Stats.ms(last.build().min())).append(" | ").append(Stats.ms(last.build().median())).append(" | ")
          .append(Stats.ms(last.check().min())).append(" | ").append(Stats.ms(last.check().median())).append(" | ")
          .append(last.differences()).append(" | ").append(last.total()).append(" |\n");
    }
    out.append("\nThe queries of one check at ").append(last.tables()).append(" tables:\n\n| count | query |\n| ---: | --- |\n");
    last.queries().forEach((sql, count) -> out.append("| ").append(count).append(" | `").append(sql.replace("|", "\\|"))
        .append("` |\n"));
    return out.toString();
  }

  private static void delete(Path dir) throws java.io.IOException {
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static String versions(String pgUrl) throws Exception {
    String versions;
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:")) {
      versions = "SQLite " + connection.getMetaData().getDatabaseProductVersion();
    }
    if (pgUrl != null) {
      try (Connection connection = DriverManager.getConnection(pgUrl); Statement statement = connection.createStatement();
          ResultSet row = statement.executeQuery("SHOW server_version")) {
        row.next();
        versions += ", PostgreSQL " + row.getString(1);
      }
    }
    java.util.Properties flyway = new java.util.Properties();
    try (var in = Main.class.getResourceAsStream("/META-INF/maven/org.flywaydb/flyway-core/pom.properties")) {
      flyway.load(in);
    }
    return versions + ", Flyway " + flyway.getProperty("version");
  }
}
