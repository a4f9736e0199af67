package io.schemagov.migrate;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.schemagov.migrate.MigrationException.Reason;
import io.schemagov.revision.Chain;
import io.schemagov.revision.ExecuteSql;
import io.schemagov.revision.Revision;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmokeTest {
  @TempDir Path dir;

  static final List<String> NINE = List.of("upgrade_base_to_head", "downgrade_head_to_base",
      "round_trip_base_head_base_head", "each_revision_up_down_up", "chain_integrity", "no_drift_at_head",
      "downgrade_leaves_no_managed_table", "blank_database_without_orm_tables", "history_matches_chain");

  static Map<String, SmokeCheck> byName(SmokeReport report) {
    return report.checks().stream().collect(Collectors.toMap(SmokeCheck::name, Function.identity()));
  }

  static Chain seedLike() {
    return Chain.of(TestChains.seedLike());
  }

  /** The seed-like chain and a 0005 made of one {@code sql} op. */
  static Chain withSql(String up, String down) {
    return Chain.of(TestChains.with(TestChains.seedLike(),
        TestChains.revision("0005", "0004", "Audit notes", new ExecuteSql(up, down))));
  }

  @Test
  void allNinePassOnScratchSqlite() {
    List<SmokeCheck> told = new ArrayList<>();
    SmokeReport report = Smoke.run(seedLike(), null, told::add);

    assertThat(report.checks().stream().map(SmokeCheck::name).toList()).containsExactlyElementsIn(NINE).inOrder();
    assertThat(Smoke.checkNames()).isEqualTo(NINE);
    assertThat(report.failures()).isEmpty();
    assertThat(report.passed()).isTrue();
    assertThat(told).isEqualTo(report.checks());
    assertThat(report.database()).isEqualTo("scratch SQLite");
    assertThat(report.summary()).matches("9 passed in \\d+\\.\\d\\ds");
    Map<String, SmokeCheck> checks = byName(report);
    assertThat(checks.get("upgrade_base_to_head").detail()).contains("(0001, 0002, 0003, 0004); now at 0004");
    assertThat(checks.get("chain_integrity").detail()).contains("linear 0001 -> 0004, one head (0004)");
    assertThat(checks.get("blank_database_without_orm_tables").detail())
        .contains("applied without users: external references");
    assertThat(checks.get("blank_database_without_orm_tables").detail()).contains("need a baseline");
  }

  @Test
  void aSqlDownThatDoesNotUndoItsUpFailsTheReversalChecksNamingTheRevision() {
    SmokeReport report = Smoke.run(withSql("CREATE TABLE audit_note (id integer)", "SELECT 1"));

    Map<String, SmokeCheck> checks = byName(report);
    assertThat(report.checks()).hasSize(9);
    assertThat(checks.get("each_revision_up_down_up").passed()).isFalse();
    assertThat(checks.get("each_revision_up_down_up").detail())
        .contains("revision 0005: its downgrade does not reverse its upgrade");
    assertThat(checks.get("each_revision_up_down_up").detail()).contains("extra table audit_note");
    assertThat(checks.get("round_trip_base_head_base_head").passed()).isFalse();
    assertThat(checks.get("round_trip_base_head_base_head").detail())
        .contains("base -> head -> base does not come back to the schema at base");
    assertThat(checks.get("downgrade_leaves_no_managed_table").detail())
        .isEqualTo("after downgrade base the database still holds audit_note");
    assertThat(checks.get("no_drift_at_head").detail()).contains("extra table audit_note");
    // The checks that do not depend on the reversal still pass.
    assertThat(checks.get("upgrade_base_to_head").passed()).isTrue();
    assertThat(checks.get("downgrade_head_to_base").passed()).isTrue();
    assertThat(checks.get("chain_integrity").passed()).isTrue();
    assertThat(report.summary()).startsWith("4 failed, 5 passed in ");
  }

  @Test
  void aRevisionWhoseSqlFailsFailsTheUpgradeAndEveryCheckStillReports() {
    SmokeReport report = Smoke.run(withSql("INSERT INTO no_such_table VALUES (1)", "SELECT 1"));

    Map<String, SmokeCheck> checks = byName(report);
    assertThat(report.checks()).hasSize(9);
    SmokeCheck upgrade = checks.get("upgrade_base_to_head");
    assertThat(upgrade.passed()).isFalse();
    assertThat(upgrade.detail()).contains("upgrade of revision 0005 failed at op 1");
    assertThat(upgrade.detail()).contains("no such table: no_such_table");
    assertThat(upgrade.line()).matches("smoke::upgrade_base_to_head FAILED \\(\\d+ ms\\)");
    assertThat(checks.get("chain_integrity").passed()).isTrue();
    assertThat(checks.get("each_revision_up_down_up").detail()).contains("revision 0005");
    assertThat(checks.get("blank_database_without_orm_tables").detail())
        .contains("which no revision creates and this database lacks");
    assertThat(report.summary()).startsWith("8 failed, 1 passed in ");
  }

  @Test
  void onAGivenEmptyDatabaseAllPassAndItIsLeftAtBase() throws SQLException {
    String url = "jdbc:sqlite:" + dir.resolve("given.db");
    SmokeReport report = Smoke.run(seedLike(), url);

    assertThat(report.failures()).isEmpty();
    assertThat(report.database()).isEqualTo(url);
    assertThat(Migrator.builder().url(url).chain(seedLike()).build().current()).isEqualTo("base");
    assertThat(tables(url)).containsExactly("schemagov_history");
  }

  @Test
  void aBaselineOfTablesOutsideTheChainIsAllowedAndLeftAlone() throws SQLException {
    String url = "jdbc:sqlite:" + dir.resolve("baseline.db");
    execute(url, "CREATE TABLE users (id integer PRIMARY KEY, name varchar(50))");

    SmokeReport report = Smoke.run(seedLike(), url);

    assertThat(report.failures()).isEmpty();
    assertThat(byName(report).get("blank_database_without_orm_tables").detail())
        .contains("external references users (created by no revision) were present");
    assertThat(tables(url)).containsExactly("schemagov_history", "users");
  }

  @Test
  void aGivenDatabaseWithRevisionsAppliedIsRefused() throws SQLException {
    String url = "jdbc:sqlite:" + dir.resolve("used.db");
    Migrator.builder().url(url).chain(seedLike()).build().upgrade("0001");

    MigrationException refused = assertThrows(MigrationException.class, () -> Smoke.run(seedLike(), url));

    assertThat(refused.reason()).isEqualTo(Reason.REFUSED);
    assertThat(refused).hasMessageThat().contains("it is not empty (revisions applied up to 0001; holds "
        + "legal_case, organization, which the chain creates;");
    assertThat(refused).hasMessageThat().contains("leave --url out to run on a scratch SQLite file");
    assertThat(Migrator.builder().url(url).chain(seedLike()).build().current()).isEqualTo("0001");
  }

  @Test
  void aGivenDatabaseHoldingAChainTableWithoutHistoryIsRefused() throws SQLException {
    String url = "jdbc:sqlite:" + dir.resolve("created.db");
    execute(url, "CREATE TABLE events (id varchar(36))");

    MigrationException refused = assertThrows(MigrationException.class, () -> Smoke.run(seedLike(), url));

    assertThat(refused).hasMessageThat().contains("it is not empty (holds events, which the chain creates;");
  }

  @Test
  void anEmptyChainPassesTrivially() {
    SmokeReport report = Smoke.run(Chain.of(List.of()));

    assertThat(report.failures()).isEmpty();
    assertThat(byName(report).get("chain_integrity").detail()).isEqualTo("no revisions");
  }

  @Test
  void summaryReadsAsPytestPrintsIt() {
    SmokeCheck ok = new SmokeCheck("a", true, "fine", Duration.ofMillis(12));
    SmokeCheck bad = new SmokeCheck("b", false, "broken", Duration.ofMillis(3));

    assertThat(new SmokeReport("x", List.of(ok, ok), Duration.ofMillis(1234)).summary())
        .isEqualTo("2 passed in 1.23s");
    assertThat(new SmokeReport("x", List.of(bad, ok), Duration.ofMillis(50)).summary())
        .isEqualTo("1 failed, 1 passed in 0.05s");
    assertThat(ok.line()).isEqualTo("smoke::a PASSED (12 ms)");
    assertThat(bad.line()).isEqualTo("smoke::b FAILED (3 ms)");
  }

  static List<String> tables(String url) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
      while (rows.next()) {
        names.add(rows.getString(1));
      }
    }
    return names;
  }

  static void execute(String url, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
