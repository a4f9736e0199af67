package io.schemagov.bench;

import io.schemagov.dialect.Dialect;
import io.schemagov.dialect.Dialects;
import io.schemagov.migrate.Migrator;
import io.schemagov.revision.Chain;
import io.schemagov.revision.Revision;
import io.schemagov.revision.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;

/**
 * P3: applying the chain to a blank database with schemagov's {@link Migrator}, with Flyway running
 * the same SQL as versioned migrations, and with plain JDBC (the floor: the same statements, one
 * transaction and one history insert per revision). Each round runs the three in a rotated order.
 */
final class MigrationBench {
  static final String[] CONTENDERS = {"schemagov", "Flyway", "JDBC floor"};

  private final Path revisions;
  private final Chain chain;

  MigrationBench(Path revisions) {
    this.revisions = revisions;
    this.chain = Chain.load(revisions);
  }

  /** Timings in ms, indexed [contender][round]; one untimed warm-up round first. */
  double[][] run(Target target, Path scratch, int rounds) throws Exception {
    List<List<String>> statements = statements(Dialects.named(target.dialect()));
    Path flywayDir = flywayMigrations(scratch.resolve("flyway-" + target.dialect()), statements);
    double[][] millis = new double[CONTENDERS.length][rounds];
    for (int round = -1; round < rounds; round++) {
      for (int turn = 0; turn < CONTENDERS.length; turn++) {
        int contender = Math.floorMod(round + turn, CONTENDERS.length);
        String url = target.blank();
        long started = System.nanoTime();
        switch (contender) {
          case 0 -> schemagov(url);
          case 1 -> flyway(url, flywayDir);
          default -> floor(url, statements);
        }
        double elapsed = Stats.since(started);
        if (round >= 0) {
          millis[contender][round] = elapsed;
        }
      }
    }
    return millis;
  }

  private void schemagov(String url) {
    Migrator.builder().url(url).revisions(revisions).build().upgrade("head");
  }

  private static void flyway(String url, Path dir) {
    Flyway.configure().dataSource(url, null, null).locations("filesystem:" + dir).load().migrate();
  }

  /** The floor: each revision's statements and a history row in one transaction. */
  private static void floor(String url, List<List<String>> statements) throws Exception {
    try (Connection connection = DriverManager.getConnection(url)) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE floor_history (installed_rank integer PRIMARY KEY, id varchar(32) NOT NULL, "
            + "applied_at timestamp DEFAULT CURRENT_TIMESTAMP NOT NULL)");
      }
      connection.setAutoCommit(false);
      try (PreparedStatement history = connection.prepareStatement(
          "INSERT INTO floor_history (installed_rank, id) VALUES (?, ?)")) {
        for (int k = 0; k < statements.size(); k++) {
          try (Statement statement = connection.createStatement()) {
            for (String sql : statements.get(k)) {
              statement.execute(sql);
            }
          }
          history.setInt(1, k + 1);
          history.setString(2, String.valueOf(k + 1));
          history.executeUpdate();
          connection.commit();
        }
      }
    }
  }

  /** Each revision's statements as schemagov's {@code sql} command writes them, without its framing. */
  private List<List<String>> statements(Dialect dialect) {
    List<List<String>> all = new ArrayList<>();
    for (Revision revision : chain.revisions()) {
      List<String> sql = new ArrayList<>();
      for (Step step : chain.upgradeSteps(revision.id())) {
        sql.addAll(dialect.render(step));
      }
      all.add(sql);
    }
    return all;
  }

  private static Path flywayMigrations(Path dir, List<List<String>> statements) throws Exception {
    Files.createDirectories(dir);
    for (int k = 0; k < statements.size(); k++) {
      Files.writeString(dir.resolve("V" + (k + 1) + "__r.sql"), String.join(";\n", statements.get(k)) + ";\n");
    }
    return dir;
  }
}
