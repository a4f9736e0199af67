package io.schemagov.example;

import static com.google.common.truth.Truth.assertThat;

import io.schemagov.dialect.SqliteDialect;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line flow README shows, on the example's chain and a SQLite file. */
class CliFlowTest {
  @TempDir Path dir;

  CliRun db(String url, String... command) {
    String[] args = new String[command.length + 4];
    System.arraycopy(command, 0, args, 0, command.length);
    System.arraycopy(new String[] {"--url", url, "--revisions", CliRun.REVISIONS}, 0, args, command.length, 4);
    return CliRun.of(args);
  }

  @Test
  void upgradeCurrentCheckDowngradeAsReadmeShows() {
    String url = "jdbc:sqlite:" + dir.resolve("x.db");

    CliRun upgrade = db(url, "upgrade", "head");
    assertThat(upgrade.code()).isEqualTo(0);
    assertThat(upgrade.out()).isEmpty();
    List<String> lines = upgrade.err().lines().toList();
    assertThat(lines).hasSize(5);
    assertThat(lines.get(0)).matches("Applied 0001 \\(Case, Organization, CaseParty, CaseEvidence\\) in \\d+ ms");
    assertThat(lines.get(1)).matches("Applied 0002 \\(Events \\(UUID PK\\), CameraSyncGroup, EventEvidence\\) in \\d+ ms");
    assertThat(lines.get(2)).matches("Applied 0003 \\(CaseTimelineEntry, CaseExportRecord, SHA-256 index\\) in \\d+ ms");
    assertThat(lines.get(3)).startsWith("Applied 0004 ((no-op) Jurisdiction metadata");
    assertThat(lines.get(4)).isEqualTo("Database now at 0004 (4 revision(s) applied)");

    assertThat(db(url, "current").out()).isEqualTo("0004\n");

    CliRun check = db(url, "check");
    assertThat(check.code()).isEqualTo(0);
    assertThat(check.out()).isEmpty();
    assertThat(check.err()).isEqualTo("Database matches the chain at 0004\n");

    CliRun downgrade = db(url, "downgrade", "base");
    assertThat(downgrade.code()).isEqualTo(0);
    assertThat(downgrade.err()).contains("Reverted 0001 (Case, Organization, CaseParty, CaseEvidence) in ");
    assertThat(downgrade.err()).endsWith("Database now at base (4 revision(s) reverted)\n");
    assertThat(db(url, "current").out()).isEqualTo("base\n");
  }

  @Test
  void sqlPrintsOnlySqlThatLeavesAHistoryTheToolTrusts() throws Exception {
    CliRun sql = CliRun.of("sql", "base:head", "--revisions", CliRun.REVISIONS);

    assertThat(sql.code()).isEqualTo(0);
    assertThat(sql.err()).isEmpty();
    assertThat(sql.out()).contains("CREATE TABLE legal_case");
    assertThat(sql.out()).contains("schemagov_history");

    // Applied by hand, statement by statement, as sqlite3 -bail would: the tool then sees 0004 and no drift.
    String url = "jdbc:sqlite:" + dir.resolve("by-hand.db");
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      for (String each : new SqliteDialect().statements(sql.out())) {
        statement.execute(each);
      }
    }
    assertThat(db(url, "current").out()).isEqualTo("0004\n");
    assertThat(db(url, "check").code()).isEqualTo(0);
  }
}
