package io.schemagov.cli;

import static com.google.common.truth.Truth.assertThat;

import io.schemagov.dialect.Databases;
import io.schemagov.dialect.Dialect;
import io.schemagov.dialect.TestDatabase;
import io.schemagov.dialect.TestDatabase.Engine;
import io.schemagov.revision.Revision;
import io.schemagov.revision.RevisionFiles;
import io.schemagov.revision.CreateTable;
import io.schemagov.schema.Column;
import io.schemagov.schema.ColumnType;
import io.schemagov.schema.PrimaryKey;
import io.schemagov.schema.Table;
import io.schemagov.schema.TableName;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The command line end to end. Commands that touch a database run on each {@link Engine}; SQLite's
 * write lock and the checks that need no database are plain tests.
 */
class MainTest {
  @TempDir Path dir;
  Path revisions;
  String url;
  TestDatabase db;

  record Run(int code, String out, String err) {}

  @BeforeEach
  void revisions() throws Exception {
    revisions = Files.createDirectories(dir.resolve("revisions"));
    for (int k = 1; k <= 3; k++) {
      String id = String.format("%04d", k);
      Table table = Table.of(TableName.of("t" + k), List.of(
          new Column("id", ColumnType.parse("bigint"), false, null, true),
          Column.of("name", ColumnType.parse("varchar(20)"), true)), PrimaryKey.of("id"));
      RevisionFiles.write(revisions, new Revision(id, k == 1 ? null : String.format("%04d", k - 1),
          "Table " + k, List.of(new CreateTable(table)), null));
    }
    url = "jdbc:sqlite:" + dir.resolve("app.db");
  }

  void on(Engine engine) throws SQLException {
    db = engine.create(dir);
    url = db.url();
  }

  @AfterEach
  void drop() throws SQLException {
    if (db != null) {
      db.close();
    }
  }

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int code = commandLine.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  Run db(String... command) {
    String[] args = new String[command.length + 4];
    System.arraycopy(command, 0, args, 0, command.length);
    args[command.length] = "--url";
    args[command.length + 1] = url;
    args[command.length + 2] = "--revisions";
    args[command.length + 3] = revisions.toString();
    return run(args);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void upgradeCurrentDowngradeWithFlywayLinesAndPureStdout(Engine engine) throws SQLException {
    on(engine);
    assertThat(db("current").out()).isEqualTo("base\n");

    Run up = db("upgrade");
    assertThat(up.code()).isEqualTo(0);
    assertThat(up.out()).isEmpty();
    assertThat(up.err()).containsMatch("Applied 0001 \\(Table 1\\) in \\d+ ms");
    assertThat(up.err()).contains("Database now at 0003 (3 revision(s) applied)");
    assertThat(db("current").out()).isEqualTo("0003\n");

    Run down = db("downgrade", "-1");
    assertThat(down.code()).isEqualTo(0);
    assertThat(down.err()).contains("Reverted 0003 (Table 3)");
    assertThat(down.err()).contains("drops table t3 and all its rows");
    assertThat(db("current").out()).isEqualTo("0002\n");

    assertThat(db("downgrade", "base").code()).isEqualTo(0);
    assertThat(db("upgrade", "+2").code()).isEqualTo(0);
    assertThat(db("current").out()).isEqualTo("0002\n");
    Run history = db("history");
    assertThat(history.out()).containsMatch("0001 +applied");
    assertThat(history.out()).containsMatch("0003 +pending");
    assertThat(db("check").code()).isEqualTo(0);
    assertThat(db("verify").code()).isEqualTo(0);
  }

  /** Offline SQL piped into the database by hand leaves a history that current and check trust. */
  @ParameterizedTest
  @EnumSource(Engine.class)
  void sqlPrintsOnlySqlThatLeavesATrustedHistory(Engine engine) throws Exception {
    on(engine);
    Dialect dialect = db.dialect();
    Run sql = run("sql", "base:head", "--dialect", dialect.name(), "--revisions", revisions.toString());
    assertThat(sql.code()).isEqualTo(0);
    assertThat(sql.err()).isEmpty();
    assertThat(sql.out()).startsWith("-- schemagov: upgrade base -> 0003 (" + dialect.name() + ")\n");
    assertThat(sql.out()).contains("INSERT INTO schemagov_history");

    try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
      for (String each : dialect.statements(sql.out())) {
        statement.execute(each);
      }
    }
    assertThat(db("current").out()).isEqualTo("0003\n");
    assertThat(db("check").code()).isEqualTo(0);
    assertThat(db("upgrade").err()).contains("Database already at 0003");
  }

  @Test
  void sqlDefaultsToSqliteAndRefusesABadRangeOrDialect() {
    assertThat(run("sql", "base:head", "--revisions", revisions.toString()).out())
        .startsWith("-- schemagov: upgrade base -> 0003 (sqlite)\nPRAGMA foreign_keys=OFF;\n");
    assertThat(run("sql", "head", "--revisions", revisions.toString()).code()).isEqualTo(2);
    assertThat(run("sql", "base:head", "--dialect", "oracle", "--revisions", revisions.toString()).code())
        .isEqualTo(2);
  }

  /** Without --dialect, the SQL is the --url's database's; no connection is made. */
  @Test
  void sqlTakesTheDialectFromTheUrl() {
    Run sql = run("sql", "base:head", "--url", "jdbc:postgresql://127.0.0.1:1/nowhere", "--revisions",
        revisions.toString());
    assertThat(sql.code()).isEqualTo(0);
    assertThat(sql.out()).startsWith("-- schemagov: upgrade base -> 0003 (postgresql)\n");
    assertThat(sql.out()).doesNotContain("PRAGMA");
    assertThat(run("sql", "base:head", "--url", "jdbc:postgresql://127.0.0.1:1/nowhere", "--dialect", "sqlite",
        "--revisions", revisions.toString()).out()).startsWith("-- schemagov: upgrade base -> 0003 (sqlite)\n");
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(run("bogus").code()).isEqualTo(2);
    assertThat(run("upgrade", "--revisions", revisions.toString()).code()).isEqualTo(2);
    assertThat(db("upgrade", "0042").code()).isEqualTo(2);
    assertThat(db("upgrade", "0042").err()).contains("unknown revision '0042'");
    assertThat(db("upgrade", "--no-such-option").code()).isEqualTo(2);
    assertThat(run("upgrade", "--help").code()).isEqualTo(0);
    assertThat(run("upgrade", "--help").out()).contains("--revisions");
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void differencesExitOneAndATamperedHistoryExitsThree(Engine engine) throws Exception {
    on(engine);
    db("upgrade");
    assertThat(db("downgrade", "+1").code()).isEqualTo(2);
    try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE rogue (x integer)");
    }
    Run check = db("check");
    assertThat(check.code()).isEqualTo(1);
    assertThat(check.out()).contains("rogue");

    Path first = Files.list(revisions).sorted().findFirst().orElseThrow();
    Files.writeString(first, Files.readString(first).replace("varchar(20)", "varchar(30)"));
    Run tampered = db("upgrade");
    assertThat(tampered.code()).isEqualTo(3);
    assertThat(tampered.err()).contains("revision 0001 (0001_table_1.yaml) was changed after it was applied");
    assertThat(db("verify").code()).isEqualTo(1);
    assertThat(db("current").code()).isEqualTo(3);

    Files.writeString(first, Files.readString(first).replace("parent: null", "parent: \"0003\""));
    assertThat(db("current").code()).isEqualTo(3);
  }

  @Test
  void invalidChainsAreRefusedWithExitThreeAndNothingRuns() throws Exception {
    Files.writeString(revisions.resolve("0004_drop.yaml"), """
        revision: "0004"
        parent: "0003"
        message: Drop t1
        ops:
          - drop_table: {table: t1}
        """);
    Run dataLoss = db("upgrade");
    assertThat(dataLoss.code()).isEqualTo(3);
    assertThat(dataLoss.err()).contains("0004_drop.yaml, op 1");
    assertThat(dataLoss.err()).contains("acknowledge_data_loss: true");

    Files.writeString(revisions.resolve("0004_drop.yaml"), """
        revision: "0004"
        parent: "0002"
        message: Branch
        ops:
          - sql: {up: "SELECT 1", down: "SELECT 1"}
        """);
    Run branch = db("upgrade");
    assertThat(branch.code()).isEqualTo(3);
    assertThat(branch.err()).contains("branch");
    assertThat(branch.err()).contains("0003_table_3.yaml");
    assertThat(branch.err()).contains("0004_drop.yaml");

    Files.writeString(revisions.resolve("0004_drop.yaml"), """
        revision: "0004"
        parent: "0009"
        message: Orphan
        ops: []
        """);
    assertThat(db("verify").code()).isEqualTo(3);
    assertThat(db("verify").err()).contains("parent 0009 does not exist");
    assertThat(Files.exists(dir.resolve("app.db"))).isFalse();
  }

  @Test
  void aSqliteFileInAMissingDirectoryIsOneLineExitFour() {
    String missing = "jdbc:sqlite:" + dir.resolve("no/such/dir/app.db");
    Run unreachable = run("current", "--url", missing, "--revisions", revisions.toString());
    assertThat(unreachable.code()).isEqualTo(4);
    assertThat(unreachable.err()).contains("create the directory in the URL's path");
    assertOneLine(unreachable);
    assertThat(run("current", "--verbose", "--url", missing, "--revisions", revisions.toString()).err())
        .contains("\tat ");
  }

  @Test
  void postgresConnectionFailuresAreOneLineThatSaysWhichExitFour() {
    String good = Databases.postgresUrl();
    Map<String, String> urls = Map.of(
        "wrong password (", good.replaceFirst("password=[^&]*", "password=not-the-password"),
        "cannot reach the PostgreSQL server (", good.replaceFirst("//[^/]*/", "//127.0.0.1:1/"),
        "the database does not exist (", good.replaceFirst("(//[^/]*/)[^?]*", "$1sg_no_such_database"));
    urls.forEach((which, url) -> {
      Run run = run("current", "--url", url, "--revisions", revisions.toString());
      assertThat(run.code()).isEqualTo(4);
      assertThat(run.err()).contains(which);
      assertThat(run.err()).doesNotContain("not-the-password");
      assertOneLine(run);
    });
  }

  static void assertOneLine(Run run) {
    assertThat(run.err().lines().toList()).hasSize(1);
    assertThat(run.out()).isEmpty();
  }

  @Test
  void lockedDatabaseExitsFour() throws Exception {
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
      statement.execute("BEGIN IMMEDIATE");
      Run locked = db("upgrade", "--lock-timeout", "0");
      assertThat(locked.code()).isEqualTo(4);
      assertThat(locked.err()).contains("database is locked by another process");
      statement.execute("ROLLBACK");
    }
  }
}
