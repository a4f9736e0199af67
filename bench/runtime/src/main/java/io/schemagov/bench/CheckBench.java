package io.schemagov.bench;

import io.schemagov.migrate.CheckResult;
import io.schemagov.migrate.Migrator;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * P5: {@code check} at startup on PostgreSQL schemas of increasing size (the bench chain, five
 * revisions per table): the time of building the migrator (loading the chain) and of the check,
 * and every query the check sends, counted through a recording data source.
 */
final class CheckBench {
  record Result(int tables, int revisions, Stats build, Stats check, int differences, Map<String, Integer> queries) {
    int total() {
      return queries.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  private CheckBench() {}

  static Result run(String adminUrl, Path scratch, int tables, int rounds) throws Exception {
    int revisions = tables * 5;
    Path dir = BenchChain.write(scratch.resolve("p5-" + tables), revisions);
    String database = "schemagov_bench_p5";
    Postgres.recreate(adminUrl, database);
    try {
      String url = Postgres.withDatabase(adminUrl, database);
      Migrator.builder().url(url).revisions(dir).build().upgrade("head");
      double[] build = new double[rounds];
      double[] check = new double[rounds];
      Map<String, Integer> queries = new LinkedHashMap<>();
      int differences = 0;
      for (int round = -1; round < rounds; round++) {
        CountingDataSource source = new CountingDataSource(url);
        long started = System.nanoTime();
        Migrator migrator = Migrator.builder().dataSource(source).revisions(dir).build();
        double built = Stats.since(started);
        started = System.nanoTime();
        CheckResult result = migrator.check();
        double checked = Stats.since(started);
        if (round >= 0) {
          build[round] = built;
          check[round] = checked;
        }
        differences = result.differences().size();
        queries.clear();
        for (String sql : source.queries()) {
          queries.merge(summary(sql), 1, Integer::sum);
        }
      }
      return new Result(tables, revisions, new Stats(build), new Stats(check), differences, queries);
    } finally {
      Postgres.drop(adminUrl, database);
    }
  }

  /** The first words of a query, enough to tell the catalog queries apart. */
  private static String summary(String sql) {
    String flat = sql.strip().replaceAll("\\s+", " ");
    List<String> catalogs = List.of("pg_attribute", "pg_constraint", "pg_index", "pg_sequence", "pg_class");
    String from = catalogs.stream().filter(flat::contains).findFirst().map(c -> " (reads " + c + ")").orElse("");
    return (flat.length() > 60 ? flat.substring(0, 60) + "..." : flat) + from;
  }
}
