package io.schemagov.dialect;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.schemagov.migrate.Applied;
import io.schemagov.migrate.MigrationException;
import io.schemagov.migrate.MigrationResult;
import io.schemagov.migrate.Migrator;
import io.schemagov.revision.AddColumn;
import io.schemagov.revision.AlterColumn;
import io.schemagov.revision.Chain;
import io.schemagov.revision.CreateIndex;
import io.schemagov.revision.CreateTable;
import io.schemagov.revision.ExecuteSql;
import io.schemagov.revision.Op;
import io.schemagov.revision.RenameColumn;
import io.schemagov.revision.Revision;
import io.schemagov.schema.Column;
import io.schemagov.schema.ColumnType;
import io.schemagov.schema.ForeignKey;
import io.schemagov.schema.Index;
import io.schemagov.schema.PrimaryKey;
import io.schemagov.schema.Table;
import io.schemagov.schema.TableName;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The migrator on a real PostgreSQL server, through its public API. */
class PostgresMigratorTest {
  TestDatabase database;

  @BeforeEach
  void create() throws SQLException {
    database = TestDatabase.postgres();
    // An ORM-managed table the chain's foreign key points into; PostgreSQL checks it exists at DDL time.
    execute("CREATE TABLE users (id bigint PRIMARY KEY, login varchar(50))");
  }

  @AfterEach
  void drop() throws SQLException {
    if (database != null) {
      database.close();
    }
  }

  static Column column(String name, String type, boolean nullable) {
    return Column.of(name, ColumnType.parse(type), nullable);
  }

  static Column id() {
    return new Column("id", ColumnType.parse("bigint"), false, null, true);
  }

  static Chain chain() {
    Table organization = Table.of(TableName.of("organization"),
        List.of(id(), column("name", "varchar(200)", false)), PrimaryKey.of("id"));
    Table legalCase = new Table(TableName.of("legal_case"), List.of(id(),
        column("organization_id", "bigint", true), column("title", "varchar(200)", false),
        new Column("created_at", ColumnType.parse("timestamptz(6)"), true, "CURRENT_TIMESTAMP", false),
        column("owner_id", "bigint", true)),
        PrimaryKey.of("id"),
        List.of(new ForeignKey("fk_legal_case_organization", List.of("organization_id"),
                TableName.of("organization"), List.of("id")),
            new ForeignKey("fk_legal_case_owner", List.of("owner_id"), TableName.of("users"), List.of("id"))),
        List.of(new Index("ix_legal_case_title", List.of("title"), false)), List.of());
    Table events = new Table(TableName.of("events"), List.of(
        column("id", "uuid", false), column("case_id", "bigint", true),
        new Column("kind", ColumnType.parse("varchar(32)"), false, "'note'", false)),
        PrimaryKey.of("id"),
        List.of(new ForeignKey("fk_events_case", List.of("case_id"), TableName.of("legal_case"), List.of("id"))),
        List.of(), List.of());
    return Chain.of(List.of(
        revision("0001", null, "Case, Organization", new CreateTable(organization), new CreateTable(legalCase),
            new ExecuteSql("INSERT INTO organization (name) VALUES ('Acme');"
                + "INSERT INTO legal_case (organization_id, title) VALUES (1, 'Acme v. Doe')",
                "DELETE FROM legal_case; DELETE FROM organization")),
        revision("0002", "0001", "Events", new CreateTable(events),
            new CreateIndex(TableName.of("events"), new Index("ix_events_kind", List.of("kind"), false))),
        revision("0003", "0002", "Case status, wider names, category",
            new AddColumn(TableName.of("legal_case"),
                new Column("status", ColumnType.parse("varchar(20)"), false, "'open'", false)),
            new AlterColumn(TableName.of("organization"), column("name", "varchar(300)", false), false),
            new RenameColumn(TableName.of("events"), "kind", "category"))));
  }

  static Revision revision(String id, String parent, String message, Op... ops) {
    return new Revision(id, parent, message, List.of(ops), null);
  }

  Migrator migrator() {
    return Migrator.builder().url(database.url()).chain(chain()).lockTimeout(Duration.ofSeconds(60)).build();
  }

  @Test
  void upgradeCheckDowngradeAndUpgradeAgain() throws SQLException {
    Migrator migrator = migrator();

    MigrationResult up = migrator.upgrade("head");
    assertThat(up.applied().stream().map(Applied::id).toList()).containsExactly("0001", "0002", "0003").inOrder();
    assertThat(migrator.current()).isEqualTo("0003");
    assertThat(differences(migrator)).isEmpty();
    assertThat(query("SELECT title || ':' || status FROM legal_case")).containsExactly("Acme v. Doe:open");

    migrator.downgrade("base");
    assertThat(query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
        + "ORDER BY table_name")).containsExactly("schemagov_history", "users").inOrder();
    assertThat(migrator.current()).isEqualTo("base");

    migrator.upgrade("head");
    assertThat(differences(migrator)).isEmpty();
  }

  @Test
  void checkListsWhatTheDatabaseLacks() throws SQLException {
    Migrator migrator = migrator();
    migrator.upgrade("head");
    execute("DROP INDEX ix_legal_case_title; ALTER TABLE events ALTER COLUMN category DROP DEFAULT");

    assertThat(differences(migrator)).containsExactly(
        "column events.category differs: default 'note' expected, none found",
        "missing index ix_legal_case_title on legal_case (title)");
  }

  @Test
  void aForeignKeyIntoAMissingOrmTableFailsAndLeavesTheDatabaseAtBase() throws SQLException {
    execute("DROP TABLE users");
    MigrationException e = assertThrows(MigrationException.class, () -> migrator().upgrade("head"));

    assertThat(e.getMessage()).contains("relation \"users\" does not exist");
    assertThat(migrator().current()).isEqualTo("base");
    assertThat(query("SELECT count(*) FROM information_schema.tables WHERE table_name = 'organization'"))
        .containsExactly("0");
  }

  @Test
  void fourMigratorsStartedTogetherApplyEachRevisionOnce() throws Exception {
    int migrators = 4;
    CountDownLatch start = new CountDownLatch(1);
    List<String> applied = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(migrators);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int k = 0; k < migrators; k++) {
        runs.add(pool.submit(() -> {
          Migrator migrator = migrator();
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

    assertThat(applied).containsExactly("0001", "0002", "0003").inOrder();
    assertThat(query("SELECT id FROM schemagov_history ORDER BY installed_rank"))
        .containsExactly("0001", "0002", "0003").inOrder();
    assertThat(query("SELECT count(*) FROM organization")).containsExactly("1");
  }

  @Test
  void offlineSqlBuildsTheSameDatabaseWithATrustedHistory() throws SQLException {
    PostgresDialect dialect = new PostgresDialect();
    String script = Migrator.builder().chain(chain()).dialect(dialect).build().sql("base", "head");
    assertThat(script).contains("CREATE TABLE legal_case (");
    assertThat(script).contains("INSERT INTO schemagov_history");

    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      for (String sql : dialect.statements(script)) {
        statement.execute(sql);
      }
    }

    Migrator migrator = migrator();
    assertThat(migrator.current()).isEqualTo("0003");
    assertThat(differences(migrator)).isEmpty();
    assertThat(migrator.upgrade("head").applied()).isEmpty();
  }

  @Test
  void connectionFailuresSayWhichAndHowToFix() {
    PostgresDialect dialect = new PostgresDialect();
    String url = database.url();

    assertThat(problem(dialect, url.replaceFirst("password=[^&]*", "password=wrong")))
        .startsWith("wrong password (");
    assertThat(problem(dialect, url.replaceFirst("(//[^/]*/)[^?]*", "$1sg_no_such_database")))
        .startsWith("the database does not exist (");
    assertThat(problem(dialect, url.replaceFirst("//[^/]*/", "//127.0.0.1:1/")))
        .startsWith("cannot reach the PostgreSQL server (");
  }

  /**
   * What check reports, less the ORM-managed {@code users}: the chain does not create it, so check
   * sees it as an extra table (telling ORM-managed tables apart is the baseline's business).
   */
  static List<String> differences(Migrator migrator) {
    return migrator.check().differences().stream()
        .filter(d -> !d.table().same(TableName.of("users"))).map(Object::toString).toList();
  }

  static String problem(Dialect dialect, String url) {
    SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url).close());
    return dialect.connectionProblem(e).orElseThrow(() -> new AssertionError("no line for " + e.getSQLState(), e));
  }

  List<String> query(String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }

  void execute(String sql) throws SQLException {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
