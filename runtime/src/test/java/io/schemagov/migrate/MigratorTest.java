package io.schemagov.migrate;

import static com.google.common.truth.Truth.assertThat;
import static io.schemagov.migrate.TestChains.column;
import static io.schemagov.migrate.TestChains.revision;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.schemagov.dialect.SqliteDialect;
import io.schemagov.migrate.MigrationException.Reason;
import io.schemagov.revision.AlterColumn;
import io.schemagov.revision.ChainException;
import io.schemagov.revision.CreateTable;
import io.schemagov.revision.ExecuteSql;
import io.schemagov.revision.Revision;
import io.schemagov.revision.RevisionFiles;
import io.schemagov.revision.SchemaDiff;
import io.schemagov.schema.PrimaryKey;
import io.schemagov.schema.Schema;
import io.schemagov.schema.Table;
import io.schemagov.schema.TableName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigratorTest {
  @TempDir Path dir;

  String url() {
    return "jdbc:sqlite:" + dir.resolve("app.db");
  }

  Path revisions() {
    return TestChains.write(dir.resolve("revisions"), TestChains.seedLike());
  }

  Migrator migrator(Path revisions) {
    return Migrator.builder().url(url()).revisions(revisions).lockTimeout(Duration.ofSeconds(2)).build();
  }

  @Test
  void roundTripBaseHeadBaseHeadLeavesTheSameSchemaAndTheChainsHead() throws SQLException {
    List<String> lines = new ArrayList<>();
    Migrator migrator = Migrator.builder().url(url()).revisions(revisions())
        .listener(applied -> lines.add(applied.describe())).build();

    MigrationResult up = migrator.upgrade("head");
    assertThat(up.from()).isEqualTo("base");
    assertThat(up.to()).isEqualTo("0004");
    assertThat(up.applied().stream().map(Applied::id).toList()).containsExactly("0001", "0002", "0003", "0004");
    assertThat(lines.get(1)).matches("Applied 0002 \\(Events \\(UUID PK\\)\\) in \\d+ ms");
    Schema first = introspect();
    assertThat(first).isEqualTo(new SqliteDialect().stored(migrator.chain().replay()));
    assertThat(migrator.check().differences()).isEmpty();
    assertThat(migrator.current()).isEqualTo("0004");

    MigrationResult down = migrator.downgrade("base");
    assertThat(down.applied().stream().map(Applied::id).toList()).containsExactly("0004", "0003", "0002", "0001");
    assertThat(down.applied().get(2).dropped()).contains("drops table events and all its rows");
    assertThat(introspect().tables().keySet()).isEmpty();
    assertThat(migrator.current()).isEqualTo("base");

    migrator.upgrade("head");
    assertThat(introspect()).isEqualTo(first);
    assertThat(query("SELECT title || ':' || status FROM legal_case")).containsExactly("Acme v. Doe:open");
  }

  @Test
  void relativeAndExplicitTargets() {
    Migrator migrator = migrator(revisions());
    assertThat(migrator.upgrade("+2").to()).isEqualTo("0002");
    assertThat(migrator.downgrade("-1").to()).isEqualTo("0001");
    assertThat(migrator.upgrade("0003").to()).isEqualTo("0003");
    assertThat(migrator.upgrade("0003").applied()).isEmpty();
    assertThat(migrator.check().matches()).isTrue();

    MigrationException below = assertThrows(MigrationException.class, () -> migrator.upgrade("0001"));
    assertThat(below.reason()).isEqualTo(Reason.BAD_TARGET);
    assertThat(below).hasMessageThat().contains("use downgrade");
    MigrationException unknown = assertThrows(MigrationException.class, () -> migrator.upgrade("0042"));
    assertThat(unknown.reason()).isEqualTo(Reason.BAD_TARGET);
    assertThat(unknown).hasMessageThat().contains("unknown revision '0042'");
    assertThat(migrator.current()).isEqualTo("0003");
  }

  @Test
  void tamperedRevisionsAreAllNamedAndEveryCommandRefuses() throws Exception {
    Path revisions = revisions();
    migrator(revisions).upgrade("0003");
    List<Revision> edited = new ArrayList<>(TestChains.seedLike());
    edited.set(0, withMessage(edited.get(0), edited.get(0).ops().subList(0, 2)));
    edited.set(2, withMessage(edited.get(2), edited.get(2).ops().subList(0, 2)));
    Files.list(revisions).forEach(f -> f.toFile().delete());
    TestChains.write(revisions, edited);
    Migrator tampered = migrator(revisions);

    for (Runnable command : List.<Runnable>of(() -> tampered.upgrade("head"), () -> tampered.downgrade("base"),
        tampered::current, tampered::check, () -> tampered.stamp("0002"))) {
      MigrationException e = assertThrows(MigrationException.class, command::run);
      assertThat(e.reason()).isEqualTo(Reason.REFUSED);
      assertThat(e).hasMessageThat().contains("revision 0001 (0001_case_organization.yaml) was changed after it was applied");
      assertThat(e).hasMessageThat().contains("revision 0003 (0003_case_status_wider_names.yaml) was changed");
      assertThat(e).hasMessageThat().doesNotContain("revision 0002");
    }
    assertThat(tampered.verify().problems()).hasSize(2);
    assertThat(tampered.history().stream().map(h -> h.id() + " " + h.status()).toList())
        .containsExactly("0001 CHANGED", "0002 APPLIED", "0003 CHANGED", "0004 PENDING").inOrder();
  }

  private static Revision withMessage(Revision revision, List<io.schemagov.revision.Op> ops) {
    return new Revision(revision.id(), revision.parent(), revision.message(), ops, null);
  }

  @Test
  void aRevisionFailingHalfwayLeavesThePreviousRevisionAndNothingOfItself() throws SQLException {
    Table audit = Table.of(TableName.of("audit"), List.of(column("id", "bigint", false)), PrimaryKey.of("id"));
    Path revisions = TestChains.write(dir.resolve("revisions"), TestChains.with(TestChains.seedLike(),
        revision("0005", "0004", "Audit", new CreateTable(audit),
            new ExecuteSql("INSERT INTO audit (id) VALUES (1)", "DELETE FROM audit"),
            new ExecuteSql("INSERT INTO no_such_table VALUES (1)", "SELECT 1"))));
    Migrator migrator = migrator(revisions);

    MigrationException e = assertThrows(MigrationException.class, () -> migrator.upgrade("head"));

    assertThat(e.reason()).isEqualTo(Reason.DATABASE);
    assertThat(e).hasMessageThat().contains("upgrade of revision 0005 (0005_audit.yaml) failed at op 3");
    assertThat(e).hasMessageThat().contains("no such table: no_such_table");
    assertThat(e).hasMessageThat().contains("the database stays at revision 0004");
    assertThat(migrator.current()).isEqualTo("0004");
    assertThat(introspect().table(TableName.of("audit"))).isEmpty();
    assertThat(migrator.check().matches()).isTrue();
  }

  @Test
  void aConstraintViolationInARebuildRollsTheRevisionBack() throws SQLException {
    Path revisions = TestChains.write(dir.resolve("revisions"), TestChains.with(TestChains.seedLike(),
        revision("0005", "0004", "Titles required",
            new AlterColumn(TableName.of("legal_case"), column("organization_id", "bigint", false), true))));
    Migrator migrator = migrator(revisions);
    migrator.upgrade("0004");
    execute("INSERT INTO legal_case (title) VALUES ('no organization')");

    MigrationException e = assertThrows(MigrationException.class, () -> migrator.upgrade("head"));

    assertThat(e).hasMessageThat().contains("NOT NULL constraint failed");
    assertThat(migrator.current()).isEqualTo("0004");
    assertThat(migrator.check().differences()).isEmpty();
    assertThat(query("SELECT count(*) FROM legal_case")).containsExactly("2");
  }

  @Test
  void checkListsEveryDifference() throws SQLException {
    Migrator migrator = migrator(revisions());
    migrator.upgrade("head");
    execute("CREATE TABLE rogue (x integer)");
    execute("DROP INDEX ix_legal_case_title");
    execute("ALTER TABLE organization ADD COLUMN note text");

    CheckResult result = migrator.check();

    assertThat(result.revision()).isEqualTo("0004");
    assertThat(result.differences().stream().map(SchemaDiff.Difference::kind).toList()).hasSize(3);
    String all = result.differences().toString();
    assertThat(all).contains("rogue");
    assertThat(all).contains("ix_legal_case_title");
    assertThat(all).contains("note");
  }

  @Test
  void offlineSqlUpAndDownAppliesLikeTheMigratorWithItsHistory() throws SQLException {
    Migrator offline = Migrator.builder().revisions(revisions()).build();
    String up = offline.sql("base", "head");
    assertThat(up).contains("CREATE TABLE schemagov_history");
    assertThat(up).contains("INSERT INTO schemagov_history");
    assertThat(up).contains("PRAGMA foreign_keys=OFF;");
    assertThat(up).contains("ALTER TABLE \"schemagov_new_organization\" RENAME TO organization;");

    runScript(up);
    Migrator migrator = migrator(revisions());
    assertThat(migrator.current()).isEqualTo("0004");
    assertThat(migrator.check().differences()).isEmpty();

    String down = offline.sql("head", "0002");
    assertThat(down).contains("DELETE FROM schemagov_history WHERE id = '0004'");
    runScript(down);
    assertThat(migrator.current()).isEqualTo("0002");
    assertThat(migrator.check().differences()).isEmpty();
    assertThat(offline.sql("0002", "-2")).contains("-- drops table events and all its rows");
  }

  @Test
  void stampRecordsARevisionWithoutRunningIt() throws SQLException {
    Migrator migrator = migrator(revisions());
    MigrationResult stamped = migrator.stamp("0002");
    assertThat(stamped.to()).isEqualTo("0002");
    assertThat(migrator.current()).isEqualTo("0002");
    assertThat(query("SELECT id || ':' || kind FROM schemagov_history ORDER BY installed_rank"))
        .containsExactly("0001:stamp", "0002:stamp").inOrder();
    assertThat(introspect().tables()).isEmpty();
  }

  @Test
  void aLockedDatabaseIsReportedAfterTheLockTimeout() throws SQLException {
    Migrator migrator = Migrator.builder().url(url()).revisions(revisions())
        .lockTimeout(Duration.ofMillis(300)).build();
    try (Connection other = DriverManager.getConnection(url()); Statement statement = other.createStatement()) {
      statement.execute("BEGIN IMMEDIATE");
      MigrationException e = assertThrows(MigrationException.class, () -> migrator.upgrade("head"));
      assertThat(e.reason()).isEqualTo(Reason.DATABASE);
      assertThat(e).hasMessageThat().contains("database is locked by another process");
      statement.execute("ROLLBACK");
    }
    assertThat(migrator.upgrade("head").to()).isEqualTo("0004");
  }

  @Test
  void anUnreachableDatabaseSaysSo() {
    Migrator migrator = Migrator.builder().url("jdbc:sqlite:" + dir.resolve("missing/dir/app.db"))
        .revisions(revisions()).build();
    MigrationException e = assertThrows(MigrationException.class, migrator::current);
    assertThat(e.reason()).isEqualTo(Reason.DATABASE);
    assertThat(e).hasMessageThat().contains("cannot open the database");
  }

  @Test
  void identifiersThatCarrySqlAreRefusedBeforeAnythingRuns() throws Exception {
    Path revisions = Files.createDirectories(dir.resolve("evil"));
    Files.writeString(revisions.resolve("0001_evil.yaml"), """
        revision: "0001"
        parent: null
        message: evil
        ops:
          - create_table:
              name: "users; DROP TABLE organization; --"
              columns:
                - {name: id, type: bigint, nullable: false}
          - add_column:
              table: organization
              column: {name: "x\\" text, y", type: text}
        """);
    ChainException e = assertThrows(ChainException.class, () -> migrator(revisions));
    assertThat(e).hasMessageThat().contains("0001_evil.yaml");
    assertThat(e).hasMessageThat().contains("not a valid identifier");
    assertThat(Files.exists(dir.resolve("app.db"))).isFalse();
  }

  @Test
  void revisionsLoadFromTheClasspath() throws Exception {
    Path root = dir.resolve("cp");
    TestChains.write(root.resolve("db/schemagov"), TestChains.seedLike());
    try (var loader = new java.net.URLClassLoader(new java.net.URL[] {root.toUri().toURL()}, null)) {
      Migrator migrator = Migrator.builder().url(url()).revisionsOnClasspath(loader, "db/schemagov").build();
      assertThat(migrator.upgrade("head").to()).isEqualTo("0004");
    }
    assertThat(RevisionFiles.fileName(TestChains.seedLike().get(1))).isEqualTo("0002_events_uuid_pk.yaml");
  }

  void runScript(String script) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url()); Statement statement = connection.createStatement()) {
      for (String sql : new SqliteDialect().statements(script)) {
        statement.execute(sql);
      }
    }
  }

  Schema introspect() throws SQLException {
    try (Connection connection = DriverManager.getConnection(url())) {
      return new SqliteDialect().introspect(connection).withoutTable(History.TABLE);
    }
  }

  List<String> query(String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(url()); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }

  void execute(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url()); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
