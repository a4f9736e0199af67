package io.schemagov.dialect;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.schemagov.revision.AddColumn;
import io.schemagov.revision.AddForeignKey;
import io.schemagov.revision.AddUnique;
import io.schemagov.revision.AlterColumn;
import io.schemagov.revision.Chain;
import io.schemagov.revision.CreateIndex;
import io.schemagov.revision.CreateSequence;
import io.schemagov.revision.CreateTable;
import io.schemagov.revision.DropColumn;
import io.schemagov.revision.DropForeignKey;
import io.schemagov.revision.DropIndex;
import io.schemagov.revision.DropSequence;
import io.schemagov.revision.DropTable;
import io.schemagov.revision.DropUnique;
import io.schemagov.revision.ExecuteSql;
import io.schemagov.revision.Op;
import io.schemagov.revision.RenameColumn;
import io.schemagov.revision.RenameTable;
import io.schemagov.revision.Revision;
import io.schemagov.revision.Step;
import io.schemagov.schema.Column;
import io.schemagov.schema.ColumnType;
import io.schemagov.schema.ForeignKey;
import io.schemagov.schema.Index;
import io.schemagov.schema.InvalidSchemaException;
import io.schemagov.schema.PrimaryKey;
import io.schemagov.schema.Schema;
import io.schemagov.schema.Sequence;
import io.schemagov.schema.Table;
import io.schemagov.schema.TableName;
import io.schemagov.schema.Unique;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SqliteDialectTest {
  static final TableName PARENT = TableName.of("parent");
  static final TableName CHILD = TableName.of("child");
  static final SqliteDialect DIALECT = new SqliteDialect();

  @TempDir Path dir;
  Connection connection;

  @BeforeEach
  void open() throws SQLException {
    connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("test.db"));
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  static Column column(String name, String type, boolean nullable) {
    return Column.of(name, ColumnType.parse(type), nullable);
  }

  /** parent(id, name, code) with an index on code; child(id, parent_id, note) referencing it. */
  static List<Op> base() {
    Table parent = new Table(PARENT, List.of(
        new Column("id", ColumnType.parse("bigint"), false, null, true),
        new Column("name", ColumnType.parse("varchar(50)"), false, "'x'", false),
        column("code", "varchar(10)", true)),
        PrimaryKey.of("id"), List.of(), List.of(new Index("ix_parent_code", List.of("code"), false)),
        List.of(new Unique("uq_parent_name", List.of("name"))));
    Table child = new Table(CHILD, List.of(
        new Column("id", ColumnType.parse("bigint"), false, null, true),
        column("parent_id", "bigint", true), column("note", "text", true)),
        PrimaryKey.of("id"),
        List.of(new ForeignKey("fk_child_parent", List.of("parent_id"), PARENT, List.of("id"))),
        List.of(), List.of());
    return List.of(new CreateTable(parent), new CreateTable(child),
        new ExecuteSql("INSERT INTO parent (name, code) VALUES ('a', 'A'), ('b', 'B');"
            + "INSERT INTO child (parent_id, note) VALUES (1, 'one'), (2, 'two')",
            "DELETE FROM child; DELETE FROM parent"));
  }

  static Stream<Arguments> ops() {
    return Stream.of(
        Arguments.of("add nullable column", new AddColumn(CHILD, column("extra", "integer", true))),
        Arguments.of("add not-null column with default",
            new AddColumn(CHILD, new Column("state", ColumnType.parse("varchar(20)"), false, "'open'", false))),
        Arguments.of("add timestamptz column (declared timestamp)",
            new AddColumn(CHILD, column("seen_at", "timestamptz(3)", true))),
        Arguments.of("add uuid column (declared blob)", new AddColumn(CHILD, column("token", "uuid", true))),
        Arguments.of("add column with time default (rebuild)",
            new AddColumn(CHILD, new Column("at", ColumnType.parse("timestamp"), false, "CURRENT_TIMESTAMP", false))),
        Arguments.of("drop column", new DropColumn(CHILD, "note", true)),
        Arguments.of("rename column", new RenameColumn(CHILD, "note", "remark")),
        Arguments.of("rename referenced column", new RenameColumn(PARENT, "id", "parent_key")),
        Arguments.of("rename table", new RenameTable(PARENT, "mother")),
        Arguments.of("widen column", new AlterColumn(PARENT,
            new Column("name", ColumnType.parse("varchar(200)"), false, "'x'", false), false)),
        Arguments.of("make column nullable", new AlterColumn(CHILD, column("note", "varchar(100)", true), true)),
        Arguments.of("create index", new CreateIndex(CHILD, new Index("ix_child_note", List.of("note"), true))),
        Arguments.of("drop index", new DropIndex(PARENT, "ix_parent_code")),
        Arguments.of("add unique", new AddUnique(CHILD, new Unique("uq_child_note", List.of("note")))),
        Arguments.of("drop unique", new DropUnique(PARENT, "uq_parent_name")),
        Arguments.of("add foreign key", new AddForeignKey(PARENT, new ForeignKey("fk_parent_owner",
            List.of("code"), TableName.of("users"), List.of("login")))),
        Arguments.of("drop foreign key", new DropForeignKey(CHILD, "fk_child_parent")),
        Arguments.of("create sequence", new CreateSequence(new Sequence(TableName.of("parent_seq"), 1, 50))),
        Arguments.of("drop table", new DropTable(CHILD, true)),
        Arguments.of("sql", new ExecuteSql("UPDATE child SET note = upper(note)", "UPDATE child SET note = lower(note)")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ops")
  void eachOpUpAndDownKeepsRowsAndMatchesTheModel(String what, Op op) throws SQLException {
    Chain chain = chain(base(), List.of(op));
    apply(chain.upgradeSteps("0001"));
    assertThat(introspect()).isEqualTo(DIALECT.stored(chain.schemaAt("0001")));

    apply(chain.upgradeSteps("0002"));
    assertThat(introspect()).isEqualTo(DIALECT.stored(chain.schemaAt("0002")));
    if (!(op instanceof RenameTable) && !(op instanceof RenameColumn)) {
      assertThat(query("SELECT name FROM parent ORDER BY id")).containsExactly("a", "b").inOrder();
    }
    if (!(op instanceof DropTable)) {
      assertThat(query("SELECT count(*) FROM child")).containsExactly("2");
    }

    apply(chain.downgradeSteps("0002"));
    assertThat(introspect()).isEqualTo(DIALECT.stored(chain.schemaAt("0001")));
    assertThat(query("SELECT name || ':' || coalesce(code, '') FROM parent ORDER BY id"))
        .containsExactly("a:A", "b:B").inOrder();
    if (!(op instanceof DropTable || op instanceof DropColumn)) {
      assertThat(query("SELECT parent_id || ':' || note FROM child ORDER BY id"))
          .containsExactly("1:one", "2:two").inOrder();
    }
  }

  @Test
  void viewsTriggersAndOwnIndexesSurviveARebuild() throws SQLException {
    List<Op> setup = new ArrayList<>(base());
    setup.add(new ExecuteSql("""
        CREATE VIEW parent_names AS SELECT id, name FROM parent;
        CREATE INDEX ix_manual ON parent (name, code);
        CREATE TRIGGER parent_audit AFTER INSERT ON parent BEGIN
          INSERT INTO child (parent_id, note) VALUES (new.id, 'audit; ' || new.name);
        END;
        CREATE TRIGGER child_touch AFTER UPDATE ON child BEGIN UPDATE parent SET code = 'T' WHERE id = new.parent_id; END
        """, "DROP TRIGGER child_touch; DROP TRIGGER parent_audit; DROP INDEX ix_manual; DROP VIEW parent_names"));
    Chain chain = chain(setup, List.of(new AlterColumn(PARENT,
        new Column("name", ColumnType.parse("varchar(200)"), false, "'x'", false), false)));
    apply(chain.upgradeSteps("0001"));
    apply(chain.upgradeSteps("0002"));

    assertThat(query("SELECT name FROM sqlite_master WHERE type IN ('view', 'trigger', 'index') AND sql IS NOT NULL"))
        .containsAtLeast("parent_names", "parent_audit", "child_touch", "ix_manual", "ix_parent_code");
    assertThat(query("SELECT name FROM parent_names ORDER BY id")).containsExactly("a", "b").inOrder();
    execute("INSERT INTO parent (name) VALUES ('c')");
    assertThat(query("SELECT note FROM child WHERE note LIKE 'audit%'")).containsExactly("audit; c");
    execute("UPDATE child SET note = 'x' WHERE id = 1");
    assertThat(query("SELECT code FROM parent WHERE id = 1")).containsExactly("T");
    assertThat(query("SELECT sql FROM sqlite_master WHERE name = 'parent'").get(0)).contains("varchar(200)");
  }

  @Test
  void failingRebuildRollsBackEverything() throws SQLException {
    Chain chain = chain(base(), List.of(new AlterColumn(CHILD, column("note", "text", false), false)));
    apply(chain.upgradeSteps("0001"));
    execute("UPDATE child SET note = NULL WHERE id = 2");
    Schema before = introspect();

    assertThrows(SQLException.class, () -> apply(chain.upgradeSteps("0002")));

    assertThat(introspect()).isEqualTo(before);
    assertThat(query("SELECT count(*) FROM child")).containsExactly("2");
  }

  /** sqlite-jdbc does not enforce foreign keys by default: the check after a rebuild must run anyway. */
  @Test
  void aRebuildThatLeavesDanglingReferencesFailsWithoutForeignKeyEnforcement() throws SQLException {
    assertThat(query("PRAGMA foreign_keys")).containsExactly("0");
    Chain chain = chain(base(), List.of(new AddForeignKey(CHILD,
        new ForeignKey("fk_child_parent2", List.of("note"), PARENT, List.of("id")))));
    apply(chain.upgradeSteps("0001"));
    execute("UPDATE child SET note = '7'");
    Schema before = introspect();

    SQLException e = assertThrows(SQLException.class, () -> apply(chain.upgradeSteps("0002")));

    assertThat(e.getMessage()).contains("foreign key check failed after rebuilding: 2 rows of child reference a "
        + "missing parent row (rowid 1, 2)");
    assertThat(introspect()).isEqualTo(before);
  }

  /** A foreign key into a table outside the chain (the ORM's, absent on a blank database) is not checked. */
  @Test
  void aRebuildKeepsRowsReferencingATableOutsideTheDatabase() throws SQLException {
    Table audit = new Table(TableName.of("audit"), List.of(
        new Column("id", ColumnType.parse("bigint"), false, null, true), column("user_id", "bigint", true),
        column("note", "varchar(50)", true)), PrimaryKey.of("id"),
        List.of(new ForeignKey("fk_audit_user", List.of("user_id"), TableName.of("app_user"), List.of("id"))),
        List.of(), List.of());
    Chain chain = chain(List.of(new CreateTable(audit), new ExecuteSql(
        "INSERT INTO audit (user_id, note) VALUES (1, 'a'), (2, 'b')", "DELETE FROM audit")),
        List.of(new AlterColumn(audit.name(), column("note", "varchar(100)", true), false)));
    apply(chain.upgradeSteps("0001"));

    apply(chain.upgradeSteps("0002"));

    assertThat(query("SELECT count(*) FROM audit")).containsExactly("2");
    assertThat(DIALECT.beforeCommit(chain.upgradeSteps("0002")))
        .containsExactly("PRAGMA foreign_key_check(\"audit\")");
  }

  @Test
  void checksEachRebuiltTableByItsFinalName() {
    Chain chain = chain(base(), List.of(
        new AlterColumn(CHILD, column("note", "text", false), false),
        new RenameTable(CHILD, "kid"),
        new AlterColumn(PARENT, column("code", "varchar(20)", true), false),
        new AlterColumn(PARENT, column("code", "varchar(30)", true), false)));
    assertThat(DIALECT.beforeCommit(chain.upgradeSteps("0002")))
        .containsExactly("PRAGMA foreign_key_check(\"kid\")", "PRAGMA foreign_key_check(\"parent\")").inOrder();
  }

  @Test
  void rendersNamesByTheRuntimesRule() {
    assertThat(DIALECT.identifier("displayName")).isEqualTo("displayName");
    assertThat(DIALECT.identifier("order")).isEqualTo("\"order\"");
    assertThat(DIALECT.identifier("\"Order Line\"")).isEqualTo("\"Order Line\"");
    assertThat(DIALECT.table(new TableName("aux", "t"))).isEqualTo("aux.t");
    assertThrows(InvalidSchemaException.class, () -> DIALECT.identifier("x; DROP TABLE parent"));
    assertThrows(InvalidSchemaException.class, () -> DIALECT.identifier("\"a\"\" OR 1=1 --\""));
  }

  @Test
  void typesReadBackAsTheirLogicalType() {
    for (String type : List.of("boolean", "smallint", "integer", "bigint", "real", "double", "decimal(38,2)",
        "char(3)", "varchar(255)", "text", "clob", "binary(16)", "varbinary(64)", "blob", "date", "time",
        "timestamp(6)", "json")) {
      ColumnType logical = ColumnType.parse(type);
      assertThat(SqliteTypes.stored(logical)).isEqualTo(logical);
      assertThat(SqliteTypes.parse(DIALECT.type(logical))).isEqualTo(logical);
    }
    assertThat(DIALECT.type(ColumnType.parse("decimal(19,4)"))).isEqualTo("numeric(19,4)");
    assertThat(SqliteTypes.parse("DATETIME")).isEqualTo(ColumnType.parse("timestamp"));
    assertThat(SqliteTypes.parse("nvarchar")).isEqualTo(ColumnType.parse("text"));
  }

  /**
   * As Hibernate's SQLite dialect: no zone-aware timestamp and no uuid type, so its validator, which
   * matches declared type names on SQLite, accepts the columns. They read back as what they are declared,
   * also when an earlier schemagov declared them {@code timestamptz} / {@code uuid}.
   */
  @Test
  void timestamptzIsDeclaredTimestampAndUuidBlob() throws SQLException {
    assertThat(DIALECT.type(ColumnType.parse("timestamptz(6)"))).isEqualTo("timestamp(6)");
    assertThat(DIALECT.type(ColumnType.parse("timestamptz"))).isEqualTo("timestamp");
    assertThat(DIALECT.type(ColumnType.parse("uuid"))).isEqualTo("blob");
    assertThat(SqliteTypes.parse("timestamptz(3)")).isEqualTo(ColumnType.parse("timestamp(3)"));
    assertThat(SqliteTypes.parse("UUID")).isEqualTo(ColumnType.parse("blob"));

    Table events = Table.of(TableName.of("events"), List.of(column("id", "uuid", false),
        column("occurred_at", "timestamptz(6)", false), column("parent_id", "uuid", true)), PrimaryKey.of("id"));
    Schema model = Schema.of(List.of(events), List.of());
    apply(List.of(new Step(new CreateTable(events), Schema.EMPTY)));

    assertThat(query("SELECT name || ' ' || lower(type) FROM pragma_table_info('events') ORDER BY cid"))
        .containsExactly("id blob", "occurred_at timestamp(6)", "parent_id blob").inOrder();
    assertThat(introspect()).isEqualTo(DIALECT.stored(model));
    assertThat(DIALECT.stored(model).table(TableName.of("events")).orElseThrow().columns().stream()
        .map(c -> c.type().toString()).toList()).containsExactly("blob", "timestamp(6)", "blob").inOrder();

    execute("DROP TABLE events");
    execute("CREATE TABLE events (id uuid NOT NULL, occurred_at timestamptz(6) NOT NULL, parent_id uuid, "
        + "PRIMARY KEY (id))");
    assertThat(introspect()).isEqualTo(DIALECT.stored(model));
  }

  @Test
  void identityMustBeTheOnlyKeyColumn() {
    Table table = Table.of(TableName.of("t"), List.of(
        new Column("id", ColumnType.parse("bigint"), false, null, true), column("k", "bigint", false)),
        PrimaryKey.of("id", "k"));
    InvalidSchemaException e = assertThrows(InvalidSchemaException.class,
        () -> DIALECT.render(new Step(new CreateTable(table), Schema.EMPTY)));
    assertThat(e).hasMessageThat().contains("single-column integer primary key");
  }

  @Test
  void splitsScriptsKeepingTriggerBodiesAndQuotedSemicolons() {
    assertThat(DIALECT.statements("""
        INSERT INTO t VALUES ('a;b'); -- c;
        CREATE TRIGGER x AFTER INSERT ON t BEGIN UPDATE t SET a = 1; DELETE FROM u; END;
        /* ; */ SELECT "odd;name" FROM t
        """)).containsExactly("INSERT INTO t VALUES ('a;b')",
        "CREATE TRIGGER x AFTER INSERT ON t BEGIN UPDATE t SET a = 1; DELETE FROM u; END",
        "SELECT \"odd;name\" FROM t").inOrder();
  }

  @Test
  void aFailedRollbackStillRestoresTheConnectionSettings() throws SQLException {
    execute("PRAGMA busy_timeout=1234");
    Dialect.Session session = DIALECT.open(FailingRollback.wrap(connection), Duration.ofSeconds(5));
    session.begin();
    SQLException e = assertThrows(SQLException.class, session::close);
    assertThat(e.getMessage()).contains("simulated");
    assertThat(query("PRAGMA busy_timeout")).containsExactly("1234");
    execute("ROLLBACK"); // the transaction the simulated failure left open
  }

  static Chain chain(List<Op> first, List<Op> second) {
    return Chain.of(List.of(new Revision("0001", null, "base", first, null),
        new Revision("0002", "0001", "change", second, null)));
  }

  void apply(List<Step> steps) throws SQLException {
    try (Dialect.Session session = DIALECT.open(connection, Duration.ofSeconds(5))) {
      session.begin();
      try {
        for (Step step : steps) {
          session.apply(step);
        }
        session.commit(steps);
      } catch (SQLException e) {
        session.rollback();
        throw e;
      }
    }
  }

  Schema introspect() throws SQLException {
    return DIALECT.introspect(connection);
  }

  List<String> query(String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }

  void execute(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
