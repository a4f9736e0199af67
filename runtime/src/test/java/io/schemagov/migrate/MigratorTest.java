package io.schemagov.migrate;

import static com.google.common.truth.Truth.assertThat;
import static io.schemagov.migrate.TestChains.column;
import static io.schemagov.migrate.TestChains.revision;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.schemagov.dialect.Dialect;
import io.schemagov.dialect.SqliteDialect;
import io.schemagov.dialect.TestDatabase;
import io.schemagov.dialect.TestDatabase.Engine;
import io.schemagov.migrate.MigrationException.Reason;
import io.schemagov.revision.AlterColumn;
import io.schemagov.revision.ChainException;
import io.schemagov.revision.CreateTable;
import io.schemagov.revision.ExecuteSql;
import io.schemagov.revision.Revision;
import io.schemagov.revision.RevisionFiles;
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
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migrator through its public API. The tests of behaviour every database shares run on each
 * {@link Engine}; SQLite's own (its write lock) are plain tests on a SQLite file.
 */
class MigratorTest {
  /** An ORM-managed table the chain's foreign key names; PostgreSQL requires it at DDL time. */
  static final TableName USERS = TableName.of("users");

  @TempDir Path dir;
  TestDatabase db;

  /** A fresh database of {@code engine} holding the ORM-managed {@code users}. */
  void on(Engine engine) throws SQLException {
    db = engine.create(dir);
    execute("CREATE TABLE users (id bigint PRIMARY KEY, login varchar(50))");
  }

  @AfterEach
  void drop() throws SQLException {
    if (db != null) {
      db.close();
    }
  }

  String url() {
    return db != null ? db.url() : "jdbc:sqlite:" + dir.resolve("app.db");
  }

  Dialect dialect() {
    return db != null ? db.dialect() : new SqliteDialect();
  }

  Path revisions() {
    return TestChains.write(dir.resolve("revisions"), TestChains.seedLike());
  }

  Migrator migrator(Path revisions) {
    return Migrator.builder().url(url()).revisions(revisions).lockTimeout(Duration.ofSeconds(2)).build();
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void roundTripBaseHeadBaseHeadLeavesTheSameSchemaAndTheChainsHead(Engine engine) throws SQLException {
    on(engine);
    List<String> lines = new ArrayList<>();
    Migrator migrator = Migrator.builder().url(url()).revisions(revisions())
        .listener(applied -> lines.add(applied.describe())).build();

    MigrationResult up = migrator.upgrade("head");
    assertThat(up.from()).isEqualTo("base");
    assertThat(up.to()).isEqualTo("0004");
    assertThat(up.applied().stream().map(Applied::id).toList()).containsExactly("0001", "0002", "0003", "0004");
    assertThat(lines.get(1)).matches("Applied 0002 \\(Events \\(UUID PK\\)\\) in \\d+ ms");
    Schema first = introspect();
    assertThat(first).isEqualTo(dialect().stored(migrator.chain().replay()));
    assertThat(differences(migrator)).isEmpty();
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

  @ParameterizedTest
  @EnumSource(Engine.class)
  void relativeAndExplicitTargets(Engine engine) throws SQLException {
    on(engine);
    Migrator migrator = migrator(revisions());
    assertThat(migrator.upgrade("+2").to()).isEqualTo("0002");
    assertThat(migrator.downgrade("-1").to()).isEqualTo("0001");
    assertThat(migrator.upgrade("0003").to()).isEqualTo("0003");
    assertThat(migrator.upgrade("0003").applied()).isEmpty();
    assertThat(differences(migrator)).isEmpty();

    MigrationException below = assertThrows(MigrationException.class, () -> migrator.upgrade("0001"));
    assertThat(below.reason()).isEqualTo(Reason.BAD_TARGET);
    assertThat(below).hasMessageThat().contains("use downgrade");
    MigrationException unknown = assertThrows(MigrationException.class, () -> migrator.upgrade("0042"));
    assertThat(unknown.reason()).isEqualTo(Reason.BAD_TARGET);
    assertThat(unknown).hasMessageThat().contains("unknown revision '0042'");
    assertThat(migrator.current()).isEqualTo("0003");
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void tamperedRevisionsAreAllNamedAndEveryCommandRefuses(Engine engine) throws Exception {
    on(engine);
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

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aRevisionFailingHalfwayLeavesThePreviousRevisionAndNothingOfItself(Engine engine) throws SQLException {
    on(engine);
    Table audit = Table.of(TableName.of("audit"), List.of(column("id", "bigint", false)), PrimaryKey.of("id"));
    Path revisions = TestChains.write(dir.resolve("revisions"), TestChains.with(TestChains.seedLike(),
        revision("0005", "0004", "Audit", new CreateTable(audit),
            new ExecuteSql("INSERT INTO audit (id) VALUES (1)", "DELETE FROM audit"),
            new ExecuteSql("INSERT INTO no_such_table VALUES (1)", "SELECT 1"))));
    Migrator migrator = migrator(revisions);

    MigrationException e = assertThrows(MigrationException.class, () -> migrator.upgrade("head"));

    assertThat(e.reason()).isEqualTo(Reason.DATABASE);
    assertThat(e).hasMessageThat().contains("upgrade of revision 0005 (0005_audit.yaml) failed at op 3");
    assertThat(e).hasMessageThat().contains("no_such_table");
    assertThat(e).hasMessageThat().contains("the database stays at revision 0004");
    assertThat(migrator.current()).isEqualTo("0004");
    assertThat(introspect().table(TableName.of("audit"))).isEmpty();
    assertThat(differences(migrator)).isEmpty();
  }

  /** A NOT NULL the rows break: SQLite fails in the rebuild's copy, PostgreSQL in its ALTER. */
  @ParameterizedTest
  @EnumSource(Engine.class)
  void aConstraintViolationRollsTheRevisionBack(Engine engine) throws SQLException {
    on(engine);
    Path revisions = TestChains.write(dir.resolve("revisions"), TestChains.with(TestChains.seedLike(),
        revision("0005", "0004", "Titles required",
            new AlterColumn(TableName.of("legal_case"), column("organization_id", "bigint", false), true))));
    Migrator migrator = migrator(revisions);
    migrator.upgrade("0004");
    execute("INSERT INTO legal_case (title) VALUES ('no organization')");

    MigrationException e = assertThrows(MigrationException.class, () -> migrator.upgrade("head"));

    assertThat(e.reason()).isEqualTo(Reason.DATABASE);
    assertThat(e).hasMessageThat().contains("organization_id");
    assertThat(migrator.current()).isEqualTo("0004");
    assertThat(differences(migrator)).isEmpty();
    assertThat(query("SELECT count(*) FROM legal_case")).containsExactly("2");
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void checkListsEveryDifference(Engine engine) throws SQLException {
    on(engine);
    Migrator migrator = migrator(revisions());
    migrator.upgrade("head");
    execute("CREATE TABLE rogue (x integer)");
    execute("DROP INDEX ix_legal_case_title");
    execute("ALTER TABLE organization ADD COLUMN note text");

    assertThat(migrator.check().revision()).isEqualTo("0004");
    List<String> differences = differences(migrator);
    assertThat(differences).hasSize(3);
    String all = differences.toString();
    assertThat(all).contains("rogue");
    assertThat(all).contains("ix_legal_case_title");
    assertThat(all).contains("note");
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void offlineSqlUpAndDownAppliesLikeTheMigratorWithItsHistory(Engine engine) throws SQLException {
    on(engine);
    Migrator offline = Migrator.builder().revisions(revisions()).dialect(dialect()).build();
    String up = offline.sql("base", "head");
    assertThat(up).contains("CREATE TABLE schemagov_history");
    assertThat(up).contains("INSERT INTO schemagov_history");
    if (engine == Engine.SQLITE) { // a rebuild's check cannot stop a script: the script says so
      assertThat(up).contains("-- must return no rows: a script does not stop on rows (sqlite3 -bail stops on "
          + "errors only); a row is a row whose parent row is missing, committed anyway: fix it by hand\n"
          + "PRAGMA foreign_key_check(\"organization\");\nCOMMIT;");
    }

    runScript(up);
    Migrator migrator = migrator(revisions());
    assertThat(migrator.current()).isEqualTo("0004");
    assertThat(differences(migrator)).isEmpty();
    assertThat(migrator.upgrade("head").applied()).isEmpty();

    String down = offline.sql("head", "0002");
    assertThat(down).contains("DELETE FROM schemagov_history WHERE id = '0004'");
    runScript(down);
    assertThat(migrator.current()).isEqualTo("0002");
    assertThat(differences(migrator)).isEmpty();
    assertThat(offline.sql("0002", "-2")).contains("-- drops table events and all its rows");
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void stampRecordsARevisionWithoutRunningIt(Engine engine) throws SQLException {
    on(engine);
    Migrator migrator = migrator(revisions());
    MigrationResult stamped = migrator.stamp("0002");
    assertThat(stamped.to()).isEqualTo("0002");
    assertThat(migrator.current()).isEqualTo("0002");
    assertThat(query("SELECT id || ':' || kind FROM schemagov_history ORDER BY installed_rank"))
        .containsExactly("0001:stamp", "0002:stamp").inOrder();
    assertThat(introspect().tables()).isEmpty();
  }

  @Test
  void offlineSqlOnSqliteRebuildsWithForeignKeysOff() {
    String up = Migrator.builder().revisions(revisions()).build().sql("base", "head");
    assertThat(up).contains("PRAGMA foreign_keys=OFF;");
    assertThat(up).contains("ALTER TABLE \"schemagov_new_organization\" RENAME TO organization;");
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void fourMigratorsStartedTogetherApplyEachRevisionOnce(Engine engine) throws Exception {
    on(engine);
    Path revisions = revisions();
    int migrators = 4;
    CountDownLatch start = new CountDownLatch(1);
    List<String> applied = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(migrators);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int k = 0; k < migrators; k++) {
        runs.add(pool.submit(() -> {
          Migrator migrator = Migrator.builder().url(url()).revisions(revisions)
              .lockTimeout(Duration.ofSeconds(60)).build();
          start.await();
          migrator.upgrade("head").applied().forEach(a -> applied.add(a.id()));
          return null;
        }));
      }
      start.countDown();
      for (Future<?> run : runs) {
        run.get(2, TimeUnit.MINUTES); // rethrows any migrator's error
      }
    } finally {
      pool.shutdownNow();
    }

    // Exactly once each; the order is the history's, since on SQLite the lock is per revision and
    // each migrator reports its share only when its whole run ends.
    assertThat(applied).containsExactly("0001", "0002", "0003", "0004");
    assertThat(query("SELECT id FROM schemagov_history ORDER BY installed_rank"))
        .containsExactly("0001", "0002", "0003", "0004").inOrder();
    assertThat(query("SELECT count(*) FROM organization")).containsExactly("1");
  }

  /**
   * A run reads and checks the whole history once and then trusts its own writes, unless another
   * connection wrote in between (SQLite's lock is per revision): here another migrator runs between two
   * of its revisions, and the first must see that, go on from where the other left off, and refuse what
   * the other applied from an edited file.
   */
  @Test
  void aMigratorReadsTheHistoryAgainAfterAnotherWroteBetweenItsRevisions() throws Exception {
    Path revisions = revisions();
    Migrator other = migrator(revisions);
    Migrator first = Migrator.builder().url(url()).revisions(revisions).lockTimeout(Duration.ofSeconds(2))
        .listener(applied -> {
          if (applied.id().equals("0001")) {
            assertThat(other.upgrade("0003").applied().stream().map(Applied::id).toList())
                .containsExactly("0002", "0003").inOrder();
          }
        }).build();

    assertThat(first.upgrade("head").applied().stream().map(Applied::id).toList())
        .containsExactly("0001", "0004").inOrder();
    assertThat(query("SELECT id FROM schemagov_history ORDER BY installed_rank"))
        .containsExactly("0001", "0002", "0003", "0004").inOrder();

    // The other migrator holds an edited 0002: what it applies is refused before 0003 runs.
    Files.delete(dir.resolve("app.db"));
    List<Revision> edited = new ArrayList<>(TestChains.seedLike());
    edited.set(1, withMessage(edited.get(1), edited.get(1).ops().subList(0, 1)));
    Migrator stale = migrator(TestChains.write(dir.resolve("edited"), edited));
    Migrator next = Migrator.builder().url(url()).revisions(revisions).lockTimeout(Duration.ofSeconds(2))
        .listener(applied -> {
          if (applied.id().equals("0001")) {
            stale.upgrade("0002");
          }
        }).build();
    MigrationException e = assertThrows(MigrationException.class, () -> next.upgrade("head"));
    assertThat(e.reason()).isEqualTo(Reason.REFUSED);
    assertThat(e).hasMessageThat().contains("revision 0002 (0002_events_uuid_pk.yaml) was changed after it was applied");
    assertThat(query("SELECT id FROM schemagov_history ORDER BY installed_rank"))
        .containsExactly("0001", "0002").inOrder();
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
      for (String sql : dialect().statements(script)) {
        statement.execute(sql);
      }
    }
  }

  /** The live schema, less the history and the ORM-managed {@code users}. */
  Schema introspect() throws SQLException {
    try (Connection connection = DriverManager.getConnection(url())) {
      return dialect().introspect(connection).withoutTable(History.TABLE).withoutTable(USERS);
    }
  }

  /**
   * What check reports, less the ORM-managed {@code users}: the chain does not create it, so check
   * sees an extra table (telling ORM-managed tables apart is the baseline's business).
   */
  static List<String> differences(Migrator migrator) {
    return migrator.check().differences().stream()
        .filter(d -> !d.table().same(USERS)).map(Object::toString).toList();
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
