package io.schemagov.migrate;

import static com.google.common.truth.Truth.assertThat;
import static io.schemagov.migrate.TestChains.column;
import static io.schemagov.migrate.TestChains.revision;

import io.schemagov.revision.CreateTable;
import io.schemagov.revision.ExecuteSql;
import io.schemagov.revision.Revision;
import io.schemagov.schema.PrimaryKey;
import io.schemagov.schema.Table;
import io.schemagov.schema.TableName;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migrators in child JVMs: killed in the middle of a revision, and two at once. */
class ProcessTest {
  private static final int SQLITE_BUSY = 5;

  @TempDir Path dir;

  String url() {
    return "jdbc:sqlite:" + dir.resolve("app.db");
  }

  static Table numbers(String name) {
    return Table.of(TableName.of(name), List.of(column("x", "bigint", false)), PrimaryKey.of("x"));
  }

  static String fill(String table, long rows) {
    return "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < " + rows + ") "
        + "INSERT INTO " + table + " SELECT x FROM c";
  }

  @Test
  void aMigratorKilledDuringALongRevisionLeavesTheLastGoodRevisionAndNoLock() throws Exception {
    Path revisions = TestChains.write(dir.resolve("revisions"), List.of(
        revision("0001", null, "Numbers", new CreateTable(numbers("numbers"))),
        revision("0002", "0001", "Fill for ever", new CreateTable(numbers("marker")),
            new ExecuteSql(fill("numbers", 1_000_000_000L), "DELETE FROM numbers"))));
    Process child = ChildMigrator.start(url(), revisions, "head");
    try {
      waitForApplied("0001", child);
      waitForWriteTransaction(child);
      assertThat(child.isAlive()).isTrue();
    } finally {
      child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    Migrator migrator = Migrator.builder().url(url()).revisions(revisions).build();
    assertThat(migrator.current()).isEqualTo("0001");
    assertThat(migrator.check().differences()).isEmpty();
    assertThat(query("SELECT count(*) FROM numbers")).containsExactly("0");
    assertThat(migrator.downgrade("base").to()).isEqualTo("base");
  }

  @Test
  void twoMigratorsAtOnceApplyEachRevisionExactlyOnce() throws Exception {
    List<Revision> chain = new ArrayList<>();
    for (int k = 1; k <= 8; k++) {
      String id = String.format("%04d", k);
      chain.add(revision(id, k == 1 ? null : String.format("%04d", k - 1), "Table " + k,
          new CreateTable(numbers("t" + k)), new ExecuteSql(fill("t" + k, 50_000), "DELETE FROM t" + k)));
    }
    Path revisions = TestChains.write(dir.resolve("revisions"), chain);

    Process first = ChildMigrator.start(url(), revisions, "head");
    Process second = ChildMigrator.start(url(), revisions, "head");
    List<String> applied = new ArrayList<>();
    for (Process child : List.of(first, second)) {
      assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
      String err = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(err).isEmpty();
      assertThat(child.exitValue()).isEqualTo(0);
      new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().forEach(applied::add);
    }

    assertThat(applied).containsExactly("applied 0001", "applied 0002", "applied 0003", "applied 0004",
        "applied 0005", "applied 0006", "applied 0007", "applied 0008");
    assertThat(query("SELECT id FROM schemagov_history ORDER BY installed_rank"))
        .containsExactly("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008").inOrder();
    assertThat(query("SELECT count(*) FROM t8")).containsExactly("50000");
  }

  /**
   * Waits for the child to report {@code id} committed. The child's own report, not a query: while
   * the next revision's long insert holds SQLite's exclusive lock, no reader gets in.
   */
  private void waitForApplied(String id, Process child) throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    for (String line; (line = out.readLine()) != null; ) {
      if (line.equals("applied " + id)) {
        return;
      }
    }
    throw new AssertionError("child migrator ended before applying " + id + ": "
        + new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  /**
   * Waits until the child holds SQLite's write lock, i.e. revision 0002's transaction is open: from
   * another connection {@code BEGIN IMMEDIATE} without a busy timeout fails with SQLITE_BUSY. Between
   * 0001's commit and 0002's begin it may succeed; then it is rolled back at once and tried again.
   */
  private void waitForWriteTransaction(Process child) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    try (Connection connection = DriverManager.getConnection(url()); Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA busy_timeout=0");
      while (System.nanoTime() < deadline && child.isAlive()) {
        try {
          statement.execute("BEGIN IMMEDIATE");
        } catch (SQLException e) {
          if ((e.getErrorCode() & 0xff) == SQLITE_BUSY) {
            return;
          }
          throw e;
        }
        statement.execute("ROLLBACK");
        Thread.sleep(10);
      }
    }
    throw new AssertionError("the child migrator never held the write lock of revision 0002");
  }

  List<String> query(String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(url()); Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA busy_timeout=5000");
      try (ResultSet rows = statement.executeQuery(sql)) {
        while (rows.next()) {
          values.add(rows.getString(1));
        }
      }
    }
    return values;
  }

}
