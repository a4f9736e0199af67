package io.schemagov.migrate;

import static com.google.common.truth.Truth.assertThat;
import static io.schemagov.migrate.TestChains.column;
import static io.schemagov.migrate.TestChains.revision;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.schemagov.dialect.TestDatabase;
import io.schemagov.migrate.MigrationException.Reason;
import io.schemagov.revision.Chain;
import io.schemagov.revision.CreateTable;
import io.schemagov.revision.ExecuteSql;
import io.schemagov.schema.PrimaryKey;
import io.schemagov.schema.Table;
import io.schemagov.schema.TableName;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What only PostgreSQL does: foreign keys checked at DDL time, database schemas, and a session that
 * can die in the middle of a revision. The behaviour both engines share is in {@link MigratorTest}.
 */
class PostgresMigratorTest {
  TestDatabase database;

  @BeforeEach
  void create() throws SQLException {
    database = TestDatabase.postgres();
  }

  @AfterEach
  void drop() throws SQLException {
    if (database != null) {
      database.close();
    }
  }

  Migrator migrator(Chain chain) {
    return Migrator.builder().url(database.url()).chain(chain).lockTimeout(Duration.ofSeconds(10)).build();
  }

  static Table table(String schema, String name) {
    return Table.of(new TableName(schema, name), List.of(column("id", "bigint", false)), PrimaryKey.of("id"));
  }

  @Test
  void aForeignKeyIntoAMissingOrmTableFailsAndLeavesTheDatabaseAtBase() throws SQLException {
    Migrator migrator = migrator(Chain.of(TestChains.seedLike()));

    MigrationException e = assertThrows(MigrationException.class, () -> migrator.upgrade("head"));

    // Without an entity schema there is nothing to baseline from: refused before the revision runs.
    assertThat(e).hasMessageThat().contains("has foreign keys into users, which no revision creates and the "
        + "database lacks");
    assertThat(e).hasMessageThat().contains("build the project with the schemagov processor");
    assertThat(migrator.current()).isEqualTo("base");
    assertThat(query("SELECT count(*) FROM information_schema.tables WHERE table_name = 'organization'"))
        .containsExactly("0");
  }

  @Test
  void checkFindsTablesInANamedSchema() throws SQLException {
    Migrator migrator = migrator(Chain.of(List.of(revision("0001", null, "Audit",
        new CreateTable(table(null, "events")), new CreateTable(table("audit", "entries"))))));
    migrator.upgrade("head");
    assertThat(migrator.check().differences()).isEmpty();

    execute("DROP TABLE audit.entries");
    assertThat(migrator.check().differences().toString()).contains("audit.entries");
  }

  @Test
  void anotherSchemasHistoryIsNotThisDatabasesHistory() throws SQLException {
    execute("CREATE SCHEMA other; CREATE TABLE other.schemagov_history (id varchar(32))");
    Migrator migrator = migrator(Chain.of(List.of(revision("0001", null, "Events",
        new CreateTable(table(null, "events"))))));

    assertThat(migrator.current()).isEqualTo("base");
    assertThat(migrator.upgrade("head").to()).isEqualTo("0001");
    assertThat(query("SELECT id FROM public.schemagov_history")).containsExactly("0001");
    assertThat(query("SELECT count(*) FROM other.schemagov_history")).containsExactly("0");
  }

  /**
   * The migrator's session dies after the revision's CREATE TABLE ran, as when the server is killed
   * or restarted: the transaction dies with it, so nothing of the revision remains.
   */
  @Test
  void aSessionKilledMidRevisionLeavesThePreviousRevisionAndNoPartialTable() throws SQLException {
    Migrator migrator = migrator(Chain.of(List.of(
        revision("0001", null, "Events", new CreateTable(table(null, "events"))),
        revision("0002", "0001", "Audit", new CreateTable(table(null, "audit")),
            new ExecuteSql("SELECT pg_terminate_backend(pg_backend_pid())", "SELECT 1")))));

    MigrationException e = assertThrows(MigrationException.class, () -> migrator.upgrade("head"));

    assertThat(e.reason()).isEqualTo(Reason.DATABASE);
    assertThat(e).hasMessageThat().contains("upgrade of revision 0002 failed at op 2");
    assertThat(e).hasMessageThat().contains("the database stays at revision 0001");
    assertThat(migrator.current()).isEqualTo("0001");
    assertThat(query("SELECT count(*) FROM information_schema.tables WHERE table_name = 'audit'"))
        .containsExactly("0");
    assertThat(migrator.check().differences()).isEmpty();
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
