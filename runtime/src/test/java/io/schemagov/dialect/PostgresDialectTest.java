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
import io.schemagov.revision.SchemaDiff;
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
import java.sql.Connection;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The PostgreSQL dialect on a real server: a fresh database per test. */
class PostgresDialectTest {
  static final TableName PARENT = TableName.of("parent");
  static final TableName CHILD = TableName.of("child");
  static final PostgresDialect DIALECT = new PostgresDialect();

  TestDatabase database;
  Connection connection;

  @BeforeEach
  void open() throws SQLException {
    database = TestDatabase.postgres();
    connection = database.connect();
  }

  @AfterEach
  void close() throws SQLException {
    if (connection != null) {
      connection.close();
    }
    if (database != null) {
      database.close();
    }
  }

  static Column column(String name, String type, boolean nullable) {
    return Column.of(name, ColumnType.parse(type), nullable);
  }

  static Column identity(String name) {
    return new Column(name, ColumnType.parse("bigint"), false, null, true);
  }

  /**
   * parent(id, name, code) with a unique name and an index on code; child(id, parent_id, other_id,
   * note, qty) referencing it; a sequence; two rows each.
   */
  static List<Op> base() {
    Table parent = new Table(PARENT, List.of(identity("id"),
        new Column("name", ColumnType.parse("varchar(50)"), false, "'x'", false),
        column("code", "varchar(10)", true)),
        PrimaryKey.of("id"), List.of(), List.of(new Index("ix_parent_code", List.of("code"), false)),
        List.of(new Unique("uq_parent_name", List.of("name"))));
    Table child = new Table(CHILD, List.of(identity("id"),
        column("parent_id", "bigint", true), column("other_id", "bigint", true),
        column("note", "text", true), column("qty", "varchar(10)", true)),
        PrimaryKey.of("id"),
        List.of(new ForeignKey("fk_child_parent", List.of("parent_id"), PARENT, List.of("id"))),
        List.of(), List.of());
    return List.of(new CreateTable(parent), new CreateTable(child),
        new CreateSequence(new Sequence(TableName.of("base_seq"), 100, 10)),
        new ExecuteSql("INSERT INTO parent (name, code) VALUES ('a', 'A'), ('b', 'B');"
            + "INSERT INTO child (parent_id, other_id, note, qty) VALUES (1, 2, 'one', '10'), (2, 1, 'two', '20')",
            "DELETE FROM child; DELETE FROM parent"));
  }

  static Stream<Arguments> ops() {
    return Stream.of(
        Arguments.of("add nullable column", new AddColumn(CHILD, column("extra", "integer", true))),
        Arguments.of("add not-null column with default",
            new AddColumn(CHILD, new Column("state", ColumnType.parse("varchar(20)"), false, "'open'", false))),
        Arguments.of("add column with time default",
            new AddColumn(CHILD, new Column("at", ColumnType.parse("timestamptz"), false, "CURRENT_TIMESTAMP", false))),
        Arguments.of("add identity column", new AddColumn(PARENT, identity("serial_no"))),
        Arguments.of("drop column", new DropColumn(CHILD, "note", true)),
        Arguments.of("rename column", new RenameColumn(CHILD, "note", "remark")),
        Arguments.of("rename referenced column", new RenameColumn(PARENT, "id", "parent_key")),
        Arguments.of("rename table", new RenameTable(PARENT, "mother")),
        Arguments.of("widen column", new AlterColumn(PARENT,
            new Column("name", ColumnType.parse("varchar(200)"), false, "'x'", false), false)),
        Arguments.of("change type with USING", new AlterColumn(CHILD, column("qty", "integer", true), true)),
        Arguments.of("set not null", new AlterColumn(CHILD, column("note", "text", false), false)),
        Arguments.of("drop not null and default", new AlterColumn(PARENT, column("name", "varchar(50)", true), false)),
        Arguments.of("set default", new AlterColumn(CHILD, new Column("note", ColumnType.parse("text"), true, "'n/a'", false), false)),
        Arguments.of("drop identity", new AlterColumn(CHILD, column("id", "bigint", false), false)),
        Arguments.of("add identity", new AlterColumn(CHILD, new Column("other_id", ColumnType.parse("bigint"), false, null, true), false)),
        Arguments.of("create index", new CreateIndex(CHILD, new Index("ix_child_note", List.of("note", "qty"), false))),
        Arguments.of("create unique index", new CreateIndex(CHILD, new Index("ux_child_note", List.of("note"), true))),
        Arguments.of("drop index", new DropIndex(PARENT, "ix_parent_code")),
        Arguments.of("add unique", new AddUnique(CHILD, new Unique("uq_child_note", List.of("note")))),
        Arguments.of("drop unique", new DropUnique(PARENT, "uq_parent_name")),
        Arguments.of("add foreign key", new AddForeignKey(CHILD, new ForeignKey("fk_child_other",
            List.of("other_id"), PARENT, List.of("id")))),
        Arguments.of("drop foreign key", new DropForeignKey(CHILD, "fk_child_parent")),
        Arguments.of("create sequence", new CreateSequence(new Sequence(TableName.of("parent_seq"), 1, 50))),
        Arguments.of("drop sequence", new DropSequence(TableName.of("base_seq"))),
        Arguments.of("create table in a schema", new CreateTable(Table.of(new TableName("audit", "log"),
            List.of(identity("id"), column("entry", "varchar(100)", false)), PrimaryKey.of("id")))),
        Arguments.of("drop table", new DropTable(CHILD, true)),
        Arguments.of("sql with a dollar-quoted body", new ExecuteSql("""
            CREATE FUNCTION shout(t text) RETURNS text AS $$ SELECT upper(t); $$ LANGUAGE sql;
            UPDATE child SET note = shout(note)""", "UPDATE child SET note = lower(note); DROP FUNCTION shout(text)")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ops")
  void eachOpUpAndDownKeepsRowsAndMatchesTheModel(String what, Op op) throws SQLException {
    Chain chain = chain(base(), List.of(op));
    apply(chain.upgradeSteps("0001"));
    assertThat(introspect(chain.schemaAt("0001"))).isEqualTo(DIALECT.stored(chain.schemaAt("0001")));

    apply(chain.upgradeSteps("0002"));
    assertThat(introspect(chain.schemaAt("0002"))).isEqualTo(DIALECT.stored(chain.schemaAt("0002")));
    if (!(op instanceof RenameTable) && !(op instanceof RenameColumn)) {
      assertThat(query("SELECT name FROM parent ORDER BY id")).containsExactly("a", "b").inOrder();
    }
    if (!(op instanceof DropTable)) {
      assertThat(query("SELECT count(*) FROM child")).containsExactly("2");
    }

    apply(chain.downgradeSteps("0002"));
    // A dropped column comes back at the end of its table: compared as check compares, by name.
    assertThat(SchemaDiff.between(DIALECT.stored(chain.schemaAt("0001")), introspect(chain.schemaAt("0002"))))
        .isEmpty();
    assertThat(query("SELECT name || ':' || coalesce(code, '') FROM parent ORDER BY id"))
        .containsExactly("a:A", "b:B").inOrder();
    if (!(op instanceof DropTable || op instanceof DropColumn)) {
      assertThat(query("SELECT parent_id || ':' || note || ':' || qty FROM child ORDER BY id"))
          .containsExactly("1:one:10", "2:two:20").inOrder();
    }
  }

  @Test
  void renameTableKeepsRowsAndItsIdentity() throws SQLException {
    Chain chain = chain(base(), List.of(new RenameTable(PARENT, "mother")));
    apply(chain.upgradeSteps("0001"));
    apply(chain.upgradeSteps("0002"));

    assertThat(query("SELECT name FROM mother ORDER BY id")).containsExactly("a", "b").inOrder();
    execute("INSERT INTO mother (name) VALUES ('c')");
    assertThat(query("SELECT id FROM mother WHERE name = 'c'")).containsExactly("3");
    assertThat(query("SELECT count(*) FROM child JOIN mother ON mother.id = child.parent_id")).containsExactly("2");
  }

  @Test
  void changesATypeAcrossFamiliesWithUsing() throws SQLException {
    Op op = new AlterColumn(CHILD, column("qty", "integer", true), true);
    Chain chain = chain(base(), List.of(op));
    assertThat(DIALECT.render(chain.upgradeSteps("0002").get(0)))
        .containsExactly("ALTER TABLE child ALTER COLUMN qty TYPE integer USING qty::integer");
    apply(chain.upgradeSteps("0001"));
    apply(chain.upgradeSteps("0002"));

    assertThat(query("SELECT sum(qty) FROM child")).containsExactly("30");
    assertThat(query("SELECT data_type FROM information_schema.columns WHERE table_name = 'child' "
        + "AND column_name = 'qty'")).containsExactly("integer");
  }

  @Test
  void addingIdentityToAColumnWithValuesContinuesAfterThem() throws SQLException {
    Chain chain = chain(base(), List.of(new AlterColumn(CHILD,
        new Column("other_id", ColumnType.parse("bigint"), false, null, true), false)));
    apply(chain.upgradeSteps("0001"));
    apply(chain.upgradeSteps("0002"));

    execute("INSERT INTO child (note) VALUES ('three')");
    assertThat(query("SELECT other_id FROM child WHERE note = 'three'")).containsExactly("3");
  }

  @Test
  void aFailingRevisionLeavesNothingBehind() throws SQLException {
    Chain chain = chain(base(), List.of(
        new CreateTable(Table.of(TableName.of("fresh"), List.of(identity("id")), PrimaryKey.of("id"))),
        new AddColumn(PARENT, column("extra", "integer", true)),
        new CreateSequence(new Sequence(TableName.of("fresh_seq"), 1, 1)),
        new ExecuteSql("UPDATE parent SET extra = 1; INSERT INTO child (parent_id) VALUES (999)", "SELECT 1")));
    apply(chain.upgradeSteps("0001"));
    Schema before = introspect(chain.schemaAt("0001"));

    SQLException e = assertThrows(SQLException.class, () -> apply(chain.upgradeSteps("0002")));

    assertThat(e.getSQLState()).isEqualTo("23503"); // the foreign key, checked at once
    assertThat(introspect(chain.schemaAt("0002"))).isEqualTo(before);
    assertThat(query("SELECT count(*) FROM child")).containsExactly("2");
  }

  @Test
  void quotedAndKeywordNamesWork() throws SQLException {
    TableName order = TableName.of("\"Order\"");
    Table table = new Table(order, List.of(identity("id"), column("user", "varchar(40)", false),
        column("\"displayName\"", "varchar(40)", true), column("displayName2", "integer", true)),
        PrimaryKey.of("id"), List.of(), List.of(new Index("\"Order_user\"", List.of("user"), false)),
        List.of(new Unique("uq_order_select", List.of("\"displayName\""))));
    Chain chain = Chain.of(List.of(new Revision("0001", null, "order", List.of(new CreateTable(table),
        new RenameColumn(order, "displayName2", "select")), null)));
    assertThat(DIALECT.render(chain.upgradeSteps("0001").get(1)))
        .containsExactly("ALTER TABLE \"Order\" RENAME COLUMN displayName2 TO \"select\"");
    apply(chain.upgradeSteps("0001"));

    assertThat(introspect(chain.replay())).isEqualTo(DIALECT.stored(chain.replay()));
    execute("INSERT INTO \"Order\" (\"user\", \"displayName\", \"select\") VALUES ('ann', 'Ann', 1)");
    assertThat(query("SELECT \"user\" || \"displayName\" || \"select\" FROM \"Order\"")).containsExactly("annAnn1");
    assertThat(query("SELECT relname FROM pg_class WHERE relname IN ('Order', 'Order_user', 'order')"))
        .containsExactly("Order", "Order_user");
  }

  @Test
  void plainNamesFoldToLowerCaseAsHibernatesQueriesDo() throws SQLException {
    Table person = Table.of(TableName.of("Person"), List.of(identity("id"), column("displayName", "varchar(40)", true)),
        PrimaryKey.of("id"));
    apply(List.of(new Step(new CreateTable(person), Schema.EMPTY)));

    execute("INSERT INTO Person (displayName) VALUES ('Ann')"); // as Hibernate writes it, unquoted
    assertThat(query("SELECT displayname FROM person")).containsExactly("Ann");
    Table stored = introspect(Schema.EMPTY).table(TableName.of("person")).orElseThrow();
    assertThat(stored.name().name()).isEqualTo("person");
    assertThat(stored.columns().get(1).name()).isEqualTo("displayname");
  }

  @Test
  void tablesInANamedSchemaAreCreatedAndReadBack() throws SQLException {
    TableName log = new TableName("audit", "log");
    Table table = new Table(log, List.of(identity("id"), column("parent_id", "bigint", true)), PrimaryKey.of("id"),
        List.of(new ForeignKey("fk_log_parent", List.of("parent_id"), PARENT, List.of("id"))),
        List.of(new Index("ix_log_parent", List.of("parent_id"), false)), List.of());
    List<Op> ops = new ArrayList<>(base());
    ops.add(new CreateTable(table));
    ops.add(new CreateSequence(new Sequence(new TableName("audit", "log_seq"), 1, 50)));
    Chain chain = Chain.of(List.of(new Revision("0001", null, "audit", ops, null)));
    assertThat(DIALECT.render(new Step(new CreateTable(table), chain.schemaAt("0001").withoutTable(log))).get(0))
        .isEqualTo("CREATE SCHEMA IF NOT EXISTS audit");
    apply(chain.upgradeSteps("0001"));

    assertThat(introspect(chain.replay())).isEqualTo(DIALECT.stored(chain.replay()));
    assertThat(DIALECT.introspect(connection).table(log)).isEmpty(); // the current schema only

    apply(chain.downgradeSteps("0001"));
    assertThat(introspect(chain.replay()).tables()).isEmpty();
    assertThat(query("SELECT count(*) FROM pg_namespace WHERE nspname = 'audit'")).containsExactly("1");
  }

  @Test
  void everyTypeReadsBackAsStored() throws SQLException {
    List<Column> columns = new ArrayList<>();
    columns.add(identity("id"));
    List<String> types = List.of("boolean", "smallint", "integer", "bigint", "real", "double", "decimal(38,2)",
        "decimal(12,0)", "char(1)", "varchar(255)", "text", "clob", "binary(16)", "varbinary(255)", "blob", "date",
        "time", "time(0)", "timestamp", "timestamp(3)", "timestamptz(6)", "timestamptz(0)", "uuid", "json");
    for (int k = 0; k < types.size(); k++) {
      columns.add(column("c" + k, types.get(k), true));
    }
    Table table = Table.of(TableName.of("every_type"), columns, PrimaryKey.of("id"));
    Schema model = Schema.EMPTY.withTable(table);
    apply(List.of(new Step(new CreateTable(table), Schema.EMPTY)));

    assertThat(introspect(model)).isEqualTo(DIALECT.stored(model));
    assertThat(query("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = "
        + "'every_type'::regclass AND attnum > 0 ORDER BY attnum")).containsExactly("bigint", "boolean",
        "smallint", "integer", "bigint", "real", "double precision", "numeric(38,2)", "numeric(12,0)",
        "character(1)", "character varying(255)", "text", "oid", "bytea", "bytea", "oid", "date",
        "time(6) without time zone", "time(0) without time zone", "timestamp(6) without time zone",
        "timestamp(3) without time zone", "timestamp(6) with time zone", "timestamp(0) with time zone",
        "uuid", "jsonb").inOrder();
  }

  @Test
  void defaultsReadBackAsWritten() throws SQLException {
    Table table = Table.of(TableName.of("defaults"), List.of(
        new Column("a", ColumnType.parse("integer"), true, "-1", false),
        new Column("b", ColumnType.parse("varchar(10)"), true, "'it''s'", false),
        new Column("c", ColumnType.parse("timestamp(6)"), true, "current_timestamp", false),
        new Column("d", ColumnType.parse("decimal(5,2)"), true, "-1.5", false),
        new Column("e", ColumnType.parse("boolean"), true, "TRUE", false),
        new Column("f", ColumnType.parse("text"), true, "'a::b'", false),
        new Column("g", ColumnType.parse("varchar(5)"), true, "NULL", false)), null);
    Schema model = Schema.EMPTY.withTable(table);
    apply(List.of(new Step(new CreateTable(table), Schema.EMPTY)));

    assertThat(introspect(model)).isEqualTo(DIALECT.stored(model));
    assertThat(introspect(model).table(TableName.of("defaults")).orElseThrow().columns().stream()
        .map(Column::defaultValue).toList())
        .containsExactly("-1", "'it''s'", "CURRENT_TIMESTAMP", "-1.5", "true", "'a::b'", null).inOrder();
  }

  @Test
  void skipsTheHistoryTableAndIdentitySequences() throws SQLException {
    execute("CREATE TABLE schemagov_history (id varchar(32) PRIMARY KEY)");
    Table table = Table.of(TableName.of("t"), List.of(identity("id")), PrimaryKey.of("id"));
    apply(List.of(new Step(new CreateTable(table), Schema.EMPTY)));

    Schema live = introspect(Schema.EMPTY);
    assertThat(live.tables().keySet()).containsExactly("t");
    assertThat(live.sequences()).isEmpty();
    assertThat(query("SELECT count(*) FROM pg_sequences WHERE sequencename = 't_id_seq'")).containsExactly("1");
  }

  @Test
  void identifiersThatCouldCarrySqlAreRefused() {
    assertThat(DIALECT.identifier("displayName")).isEqualTo("displayName");
    assertThat(DIALECT.identifier("user")).isEqualTo("\"user\"");
    assertThat(DIALECT.identifier("name")).isEqualTo("name"); // a keyword PostgreSQL allows as a name
    assertThat(DIALECT.identifier("\"Order\"")).isEqualTo("\"Order\"");
    assertThat(DIALECT.table(new TableName("audit", "user"))).isEqualTo("audit.\"user\"");
    assertThrows(InvalidSchemaException.class, () -> DIALECT.identifier("x; DROP TABLE parent"));
    assertThrows(InvalidSchemaException.class, () -> DIALECT.identifier("\"a\"\" OR 1=1 --\""));
    assertThrows(InvalidSchemaException.class, () -> TableName.of("t$1; --"));
    assertThrows(InvalidSchemaException.class,
        () -> new Column("c", ColumnType.parse("text"), true, "'a'; DROP TABLE parent", false));
  }

  @Test
  void keywordListIsTheServersReservedWords() throws SQLException {
    assertThat(query("SELECT upper(word) FROM pg_get_keywords() WHERE catcode IN ('R', 'T')"))
        .containsExactlyElementsIn(PostgresDialect.KEYWORDS);
  }

  @Test
  void theAdvisoryLockExcludesASecondSessionAndNamesItsHolder() throws SQLException {
    try (Connection other = database.connect()) {
      Dialect.Session first = DIALECT.open(connection, Duration.ofSeconds(5));
      first.begin();
      String holderPid = query("SELECT pg_backend_pid()").get(0);
      first.rollback();

      Dialect.Session second = DIALECT.open(other, Duration.ofSeconds(1));
      LockTimeoutException e = assertThrows(LockTimeoutException.class, second::begin);
      assertThat(e.getMessage()).contains("pid " + holderPid + " (schemagov, ");
      assertThat(e.getMessage()).contains("--lock-timeout");

      first.close(); // releases the lock
      second.begin();
      second.rollback();
      second.close();
    }
  }

  @Test
  void aFailedRollbackStillReleasesTheAdvisoryLock() throws SQLException {
    try (Connection other = database.connect()) {
      Dialect.Session session = DIALECT.open(FailingRollback.wrap(connection), Duration.ofSeconds(5));
      session.begin();
      // The revision's transaction breaks (aborted), and then the rollback itself fails.
      assertThrows(SQLException.class, () -> session.apply(sqlStep("SELECT 1/0")));
      SQLException e = assertThrows(SQLException.class, session::close);
      assertThat(e.getMessage()).contains("simulated");

      // Neither rolled back nor unlockable in its aborted transaction: the session is ended (aborted),
      // which rolls back and frees the lock on the server; nothing was committed.
      assertThat(connection.isClosed()).isTrue();
      long key = PostgresLock.key(PostgresDialect.HISTORY_TABLE);
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (!queryOn(other, "SELECT pg_try_advisory_lock(" + key + ")").equals("t")) {
        assertThat(System.nanoTime()).isLessThan(deadline);
        pause();
      }
    }
  }

  @Test
  void aFailedRollbackCommitsNothing() throws SQLException {
    try (Connection other = database.connect()) {
      execute(other, "CREATE TABLE t (x int)");
      Dialect.Session session = DIALECT.open(FailingRollback.wrap(connection), Duration.ofSeconds(5));
      session.begin();
      session.apply(sqlStep("INSERT INTO t VALUES (1)"));
      assertThrows(SQLException.class, session::close);

      assertThat(queryOn(other, "SELECT count(*) FROM t")).isEqualTo("0");
      long key = PostgresLock.key(PostgresDialect.HISTORY_TABLE);
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (!queryOn(other, "SELECT pg_try_advisory_lock(" + key + ")").equals("t")) {
        assertThat(System.nanoTime()).isLessThan(deadline);
        pause();
      }
    }
  }

  static void execute(Connection on, String sql) throws SQLException {
    try (Statement statement = on.createStatement()) {
      statement.execute(sql);
    }
  }

  static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static Step sqlStep(String sql) {
    return Chain.of(List.of(new Revision("0001", null, "sql", List.of(new ExecuteSql(sql, "SELECT 1")), null)))
        .upgradeSteps("0001").get(0);
  }

  static String queryOn(Connection on, String sql) throws SQLException {
    try (Statement statement = on.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }

  @Test
  void aKilledMigratorLeavesNoLockBehind() throws SQLException {
    try (Connection other = database.connect()) {
      Connection doomed = database.connect();
      DIALECT.open(doomed, Duration.ofSeconds(5)).begin();
      doomed.close(); // the process dies: its session, and the lock, end with the connection

      Dialect.Session session = DIALECT.open(other, Duration.ofSeconds(5));
      session.begin();
      session.rollback();
      session.close();
    }
  }

  @Test
  void splitsScriptsRespectingQuotesDollarQuotesAndComments() {
    assertThat(DIALECT.statements("""
        INSERT INTO t VALUES ('a;b', E'c\\';d'); -- e;
        CREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END; $body$ LANGUAGE plpgsql;
        /* outer /* inner; */ still; */ SELECT "odd;name", $1 FROM t;
        DO $$ BEGIN PERFORM 1; END $$;
        -- only a comment;
        """)).containsExactly("INSERT INTO t VALUES ('a;b', E'c\\';d')",
        "CREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END; $body$ LANGUAGE plpgsql",
        "SELECT \"odd;name\", $1 FROM t",
        "DO $$ BEGIN PERFORM 1; END $$").inOrder();
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

  Schema introspect(Schema model) throws SQLException {
    return DIALECT.introspect(connection, model);
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
