package io.schemagov.cli;

import static com.google.common.truth.Truth.assertThat;

import io.schemagov.revision.CreateTable;
import io.schemagov.revision.ExecuteSql;
import io.schemagov.revision.Op;
import io.schemagov.revision.Revision;
import io.schemagov.revision.RevisionFiles;
import io.schemagov.schema.Column;
import io.schemagov.schema.ColumnType;
import io.schemagov.schema.PrimaryKey;
import io.schemagov.schema.Table;
import io.schemagov.schema.TableName;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SmokeCommandTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return new Run(commandLine.execute(args), out.toString(), err.toString());
  }

  /** An entity-schema.json that cannot be read is refused (3), not reported as a database failure. */
  @Test
  void anUnreadableEntitySchemaIsRefused() throws Exception {
    Path revisions = revisions(1, null);
    Files.write(revisions.resolve("entity-schema.json"), new byte[] {'{', (byte) 0xFF, (byte) 0xFE, '}'});

    Run run = run("smoke", "--revisions", revisions.toString());

    assertThat(run.code()).isEqualTo(3);
    assertThat(run.err()).startsWith("error: cannot read entity-schema.json: ");
  }

  @Test
  void anUnexpectedFailureIsAnInternalError() {
    @CommandLine.Command(name = "broken")
    class Broken implements java.util.concurrent.Callable<Integer> {
      @Override
      public Integer call() {
        throw new IllegalStateException("a bug");
      }
    }
    StringWriter err = new StringWriter();
    CommandLine commandLine = new CommandLine(new Broken());
    commandLine.setErr(new PrintWriter(err, true));
    commandLine.setExecutionExceptionHandler(new ExitCodes());

    assertThat(commandLine.execute()).isEqualTo(5);
    assertThat(err.toString()).isEqualTo("error: internal error: java.lang.IllegalStateException: a bug; "
        + "rerun with --verbose and report it" + System.lineSeparator());
    assertThat(ExitCodes.code(new java.io.UncheckedIOException(new java.io.IOException("x")))).isEqualTo(3);
    assertThat(ExitCodes.code(new java.sql.SQLException("x"))).isEqualTo(4);
  }

  /** Revisions 0001..n, each creating table t<k>; {@code extra} ops go into the last one. */
  Path revisions(int n, String parentOfLast, Op... extra) throws Exception {
    Path revisions = Files.createDirectories(dir.resolve("revisions"));
    for (int k = 1; k <= n; k++) {
      Table table = Table.of(TableName.of("t" + k), List.of(
          new Column("id", ColumnType.parse("bigint"), false, null, true),
          Column.of("name", ColumnType.parse("varchar(20)"), true)), PrimaryKey.of("id"));
      List<Op> ops = new ArrayList<>(List.of(new CreateTable(table)));
      String parent = k == 1 ? null : String.format("%04d", k - 1);
      if (k == n) {
        ops.addAll(List.of(extra));
        parent = parentOfLast != null ? parentOfLast : parent;
      }
      RevisionFiles.write(revisions, new Revision(String.format("%04d", k), parent, "Table " + k, ops, null));
    }
    return revisions;
  }

  @Test
  void allPassedPrintsOneLinePerCheckAndTheSummaryAndExitsZero() throws Exception {
    Run run = run("smoke", "--revisions", revisions(3, null).toString());

    assertThat(run.code()).isEqualTo(0);
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(10);
    assertThat(lines.get(0)).matches("smoke::upgrade_base_to_head PASSED \\(\\d+ ms\\)");
    assertThat(lines.get(4)).matches("smoke::chain_integrity PASSED \\(\\d+ ms\\)");
    assertThat(lines.get(8)).matches("smoke::history_matches_chain PASSED \\(\\d+ ms\\)");
    assertThat(lines.get(9)).matches("9 passed in \\d+\\.\\d\\ds");
    assertThat(run.out()).doesNotContain("FAILURES");
    assertThat(run.err()).isEqualTo("Smoke checks of 3 revision(s) (head 0003) on scratch SQLite\n");
  }

  @Test
  void detailsPrintWhatEachPassedCheckFound() throws Exception {
    Run run = run("smoke", "--details", "--revisions", revisions(2, null).toString());

    assertThat(run.code()).isEqualTo(0);
    assertThat(run.out()).contains("smoke::chain_integrity PASSED");
    assertThat(run.out()).contains("\n    2 revisions, linear 0001 -> 0002, one head (0002), every parent present\n");
  }

  @Test
  void failuresAreListedWithTheirDetailsAndExitOne() throws Exception {
    Path revisions = revisions(2, null, new ExecuteSql("CREATE TABLE leftover (id integer)", "SELECT 1"));

    Run run = run("smoke", "--revisions", revisions.toString());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.out()).containsMatch("smoke::each_revision_up_down_up FAILED \\(\\d+ ms\\)");
    assertThat(run.out()).containsMatch("smoke::upgrade_base_to_head PASSED \\(\\d+ ms\\)");
    String failures = run.out().substring(run.out().indexOf("=== FAILURES ===\n"));
    assertThat(failures).contains("smoke::each_revision_up_down_up\n    revision 0002 (0002_table_2.yaml): its "
        + "downgrade does not reverse its upgrade");
    assertThat(failures).contains("smoke::downgrade_leaves_no_managed_table\n    after downgrade base the "
        + "database still holds leftover\n");
    assertThat(run.out().lines().reduce((a, b) -> b).orElseThrow()).matches("4 failed, 5 passed in \\d+\\.\\d\\ds");
  }

  @Test
  void anInvalidChainIsRefusedWithItsErrorsAndExitThree() throws Exception {
    Path revisions = revisions(3, "0001");

    Run run = run("smoke", "--revisions", revisions.toString());

    assertThat(run.code()).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("branch:");
  }

  @Test
  void aGivenDatabaseThatIsNotEmptyIsRefusedWithExitThree() throws Exception {
    Path revisions = revisions(2, null);
    String url = "jdbc:sqlite:" + dir.resolve("used.db");
    assertThat(run("upgrade", "0001", "--url", url, "--revisions", revisions.toString()).code()).isEqualTo(0);

    Run run = run("smoke", "--url", url, "--revisions", revisions.toString());

    assertThat(run.code()).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("error: refusing to run the smoke checks on " + url + ": it is not empty");
  }

  @Test
  void onAGivenEmptyDatabaseItPassesAndLeavesItAtBase() throws Exception {
    Path revisions = revisions(2, null);
    String url = "jdbc:sqlite:" + dir.resolve("empty.db");

    Run run = run("smoke", "--url", url, "--revisions", revisions.toString());

    assertThat(run.code()).isEqualTo(0);
    assertThat(run.err()).contains("on the database given by --url");
    assertThat(run("current", "--url", url, "--revisions", revisions.toString()).out()).isEqualTo("base\n");
  }
}
