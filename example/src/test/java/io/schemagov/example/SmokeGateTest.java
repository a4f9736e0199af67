package io.schemagov.example;

import static com.google.common.truth.Truth.assertThat;

import com.google.common.truth.Correspondence;
import io.schemagov.migrate.Smoke;
import io.schemagov.migrate.SmokeCheck;
import io.schemagov.migrate.SmokeReport;
import io.schemagov.revision.Chain;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seed's ci_migration_smoke.py, as the product runs it: all nine checks pass on the example's chain. */
class SmokeGateTest {
  @Test
  void allNineChecksPassOnTheExampleChain() {
    Chain chain = Chain.loadClasspath(getClass().getClassLoader(), "db/schemagov");

    SmokeReport report = Smoke.run(chain);

    assertThat(report.failures()).isEmpty();
    assertThat(report.checks().stream().map(SmokeCheck::name).toList()).containsExactly("upgrade_base_to_head",
        "downgrade_head_to_base", "round_trip_base_head_base_head", "each_revision_up_down_up", "chain_integrity",
        "no_drift_at_head", "downgrade_leaves_no_managed_table", "blank_database_without_orm_tables",
        "history_matches_chain").inOrder();
    SmokeCheck blank = report.checks().get(7);
    assertThat(blank.detail()).startsWith("applied without evidence_item, users: external references");
    assertThat(report.checks().get(5).detail())
        .isEqualTo("the database at head matches the chain's replay: 9 tables, 0 sequences");
  }

  @Test
  void theCommandPassesAsCiRunsIt() {
    CliRun run = CliRun.of("smoke", "--revisions", CliRun.REVISIONS);

    assertThat(run.code()).isEqualTo(0);
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(10);
    assertThat(lines.subList(0, 9)).comparingElementsUsing(
        Correspondence.<String, String>from(String::matches, "matches"))
        .containsExactly("smoke::upgrade_base_to_head PASSED \\(\\d+ ms\\)",
            "smoke::downgrade_head_to_base PASSED \\(\\d+ ms\\)",
            "smoke::round_trip_base_head_base_head PASSED \\(\\d+ ms\\)",
            "smoke::each_revision_up_down_up PASSED \\(\\d+ ms\\)",
            "smoke::chain_integrity PASSED \\(\\d+ ms\\)",
            "smoke::no_drift_at_head PASSED \\(\\d+ ms\\)",
            "smoke::downgrade_leaves_no_managed_table PASSED \\(\\d+ ms\\)",
            "smoke::blank_database_without_orm_tables PASSED \\(\\d+ ms\\)",
            "smoke::history_matches_chain PASSED \\(\\d+ ms\\)").inOrder();
    assertThat(lines.get(9)).matches("9 passed in \\d+\\.\\d\\ds");
  }
}
