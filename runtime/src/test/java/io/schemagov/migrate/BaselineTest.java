package io.schemagov.migrate;

import static com.google.common.truth.Truth.assertThat;
import static io.schemagov.migrate.TestChains.column;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.schemagov.dialect.TestDatabase;
import io.schemagov.dialect.TestDatabase.Engine;
import io.schemagov.revision.Chain;
import io.schemagov.revision.EntitySchemaFile;
import io.schemagov.schema.ForeignKey;
import io.schemagov.schema.PrimaryKey;
import io.schemagov.schema.Schema;
import io.schemagov.schema.Sequence;
import io.schemagov.schema.Table;
import io.schemagov.schema.TableName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The baseline: ORM-managed tables of the entity schema created before the revisions that need them
 * (on a database that checks foreign key targets at DDL time), or all at once by {@code baseline}.
 * The chain is {@link TestChains#seedLike()}, whose {@code legal_case} references ORM-managed
 * {@code users}; {@code users} and {@code teams} reference each other, {@code audit_log} is referenced
 * by no revision.
 */
class BaselineTest {
  @TempDir Path dir;
  TestDatabase db;

  @AfterEach
  void drop() throws SQLException {
    if (db != null) {
      db.close();
    }
  }

  static EntitySchemaFile entities() {
    Table users = new Table(TableName.of("users"), List.of(column("id", "bigint", false),
        column("login", "varchar(50)", false), column("team_id", "bigint", true)), PrimaryKey.of("id"),
        List.of(new ForeignKey("fk_users_team", List.of("team_id"), TableName.of("teams"), List.of("id"))),
        List.of(), List.of());
    Table teams = new Table(TableName.of("teams"), List.of(column("id", "bigint", false),
        column("owner_id", "bigint", true)), PrimaryKey.of("id"),
        List.of(new ForeignKey("fk_teams_owner", List.of("owner_id"), TableName.of("users"), List.of("id"))),
        List.of(), List.of());
    Table auditLog = new Table(TableName.of("audit_log"), List.of(column("id", "bigint", false),
        column("user_id", "bigint", true)), PrimaryKey.of("id"),
        List.of(new ForeignKey("fk_audit_log_user", List.of("user_id"), TableName.of("users"), List.of("id"))),
        List.of(), List.of());
    return new EntitySchemaFile(Schema.of(List.of(users, teams, auditLog),
        List.of(new Sequence(TableName.of("audit_seq"), 1, 50))), java.util.Set.of());
  }

  /** The seed-like chain in a revisions directory, with the entity schema exported next to it. */
  Path revisions(boolean withEntitySchema) throws Exception {
    Path revisions = TestChains.write(dir.resolve("revisions"), TestChains.seedLike());
    if (withEntitySchema) {
      Files.writeString(revisions.resolve(EntitySchemaFile.FILE_NAME), entities().toJson());
    }
    return revisions;
  }

  Migrator.Builder builder(Path revisions) {
    return Migrator.builder().url(db.url()).revisions(revisions).lockTimeout(Duration.ofSeconds(5));
  }

  @Test
  void upgradeOnPostgresCreatesTheReferencedOrmTablesFirstInForeignKeyOrderAndRecordsIt() throws Exception {
    db = TestDatabase.postgres();
    List<String> told = new ArrayList<>();
    Migrator migrator = builder(revisions(true)).baselineListener(done -> told.add(done.describe())).build();

    MigrationResult result = migrator.upgrade("0001");

    assertThat(told).containsExactly("Baseline: created users, teams (ORM-managed tables that 0001 references)");
    assertThat(result.baselines()).hasSize(1);
    assertThat(result.applied().stream().map(Applied::id).toList()).containsExactly("0001");
    assertThat(tables()).containsExactly("legal_case", "organization", "schemagov_history", "teams", "users");
    // Both foreign keys are enforced: the chain's into users, and the cycle's key added after both tables.
    assertThrows(SQLException.class, () -> execute("INSERT INTO legal_case (title, owner_id) VALUES ('x', 999)"));
    assertThrows(SQLException.class, () -> execute("INSERT INTO users (id, login, team_id) VALUES (1, 'a', 7)"));

    List<HistoryEntry> history = migrator.history();
    assertThat(history.get(0).status()).isEqualTo(HistoryEntry.Status.BASELINE);
    assertThat(history.get(0).id()).isEqualTo("baseline-1");
    assertThat(history.get(0).kind()).isEqualTo("baseline");
    assertThat(history.get(0).message()).isEqualTo("users, teams");
    assertThat(migrator.current()).isEqualTo("0001");
    assertThat(migrator.verify().ok()).isTrue();
    // audit_log was not needed: not created, and check does not miss it.
    assertThat(migrator.check().differences()).isEmpty();

    assertThat(migrator.upgrade("head").baselines()).isEmpty();
    assertThat(migrator.check().differences()).isEmpty();
    migrator.downgrade("base");
    assertThat(tables()).containsExactly("schemagov_history", "teams", "users");
    assertThat(migrator.current()).isEqualTo("base");
    assertThat(migrator.check().differences()).isEmpty();
  }

  @Test
  void noBaselineOnPostgresNamesTheMissingTablesAndTheCommandThatCreatesThem() throws Exception {
    db = TestDatabase.postgres();
    Path revisions = revisions(true);
    Migrator migrator = builder(revisions).baseline(false).build();

    MigrationException e = assertThrows(MigrationException.class, () -> migrator.upgrade("head"));

    assertThat(e.reason()).isEqualTo(MigrationException.Reason.REFUSED);
    assertThat(e).hasMessageThat().contains("revision 0001 (0001_case_organization.yaml) has foreign keys into "
        + "users, which no revision creates and the database lacks");
    assertThat(e).hasMessageThat().contains("the baseline would create users, teams");
    assertThat(e).hasMessageThat().contains("schemagov baseline --url '");
    assertThat(e).hasMessageThat().contains("--revisions " + revisions);
    assertThat(migrator.current()).isEqualTo("base");
    assertThat(tables()).isEmpty();
  }

  @Test
  void withoutAnEntitySchemaPostgresSaysToBuildWithTheProcessorOrCreateTheTables() throws Exception {
    db = TestDatabase.postgres();
    Migrator migrator = builder(revisions(false)).build();

    MigrationException e = assertThrows(MigrationException.class, () -> migrator.upgrade("head"));

    assertThat(e.reason()).isEqualTo(MigrationException.Reason.REFUSED);
    assertThat(e).hasMessageThat().contains("has foreign keys into users");
    assertThat(e).hasMessageThat().contains("build the project with the schemagov processor");
    assertThat(migrator.current()).isEqualTo("base");
    MigrationException baseline = assertThrows(MigrationException.class, migrator::baseline);
    assertThat(baseline).hasMessageThat().contains("baseline needs the entity schema");
  }

  @Test
  void sqliteUpgradesWithoutABaselineByDefault() throws Exception {
    db = TestDatabase.sqlite(dir);
    Migrator migrator = builder(revisions(true)).build();

    MigrationResult result = migrator.upgrade("head");

    assertThat(result.baselines()).isEmpty();
    assertThat(tables()).containsExactly("events", "export_seq", "legal_case", "organization", "schemagov_history");
    assertThat(migrator.history().stream().map(HistoryEntry::status).toList()).doesNotContain(HistoryEntry.Status.BASELINE);
    assertThat(migrator.check().differences()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void baselineCreatesEveryMissingOrmTableAndLeavesExistingOnesWithTheirRows(Engine engine) throws Exception {
    db = engine.create(dir);
    execute("CREATE TABLE users (id bigint PRIMARY KEY, login varchar(50) NOT NULL, team_id bigint)");
    execute("INSERT INTO users (id, login) VALUES (1, 'ada')");
    Migrator migrator = builder(revisions(true)).build();

    Baselined done = migrator.baseline();

    assertThat(done.created().stream().map(TableName::toString).toList()).containsExactly("audit_log", "teams");
    assertThat(done.sequences().stream().map(TableName::toString).toList()).containsExactly("audit_seq");
    assertThat(done.existing().stream().map(TableName::toString).toList()).containsExactly("users");
    assertThat(done.describe()).isEqualTo("Baseline: created audit_log, teams, sequence(s) audit_seq (every "
        + "ORM-managed table the database lacked); already present, left alone: users");
    assertThat(query("SELECT login FROM users")).containsExactly("ada");
    assertThat(migrator.current()).isEqualTo("base");

    Baselined again = migrator.baseline();
    assertThat(again.created()).isEmpty();
    assertThat(again.describe()).startsWith("Baseline: nothing to create; already present, left alone: ");
    assertThat(migrator.history().stream().filter(h -> h.status() == HistoryEntry.Status.BASELINE)
        .map(HistoryEntry::message).toList()).containsExactly("audit_log, teams, audit_seq");

    migrator.upgrade("head");
    // Only the hand-made users differs from the entity schema (it lacks the key into teams); what the
    // baseline created matches it.
    assertThat(migrator.check().differences().stream().map(d -> d.table().toString()).distinct().toList())
        .containsExactly("users");
    // A table the baseline recorded is expected from then on.
    execute("DROP TABLE audit_log");
    assertThat(migrator.check().differences().toString()).contains("missing table audit_log");
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void baselineRowsAreNotRevisions(Engine engine) throws Exception {
    db = engine.create(dir);
    Migrator migrator = builder(revisions(true)).build();
    migrator.baseline();

    migrator.upgrade("head");
    migrator.stamp("base");
    assertThat(migrator.current()).isEqualTo("base");
    migrator.stamp("head");
    assertThat(migrator.current()).isEqualTo(Chain.of(TestChains.seedLike()).head());
    migrator.downgrade("base");

    assertThat(migrator.current()).isEqualTo("base");
    assertThat(migrator.verify().problems()).isEmpty();
    assertThat(migrator.history().stream().map(HistoryEntry::status).toList())
        .containsExactly(HistoryEntry.Status.BASELINE, HistoryEntry.Status.PENDING, HistoryEntry.Status.PENDING,
            HistoryEntry.Status.PENDING, HistoryEntry.Status.PENDING).inOrder();
    assertThat(tables()).containsAtLeast("users", "teams", "audit_log");
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void checkComparesPresentOrmTablesWithTheEntitySchemaAndNeverCallsThemExtra(Engine engine) throws Exception {
    db = engine.create(dir);
    execute("CREATE TABLE users (id bigint PRIMARY KEY, login varchar(50) NOT NULL, team_id bigint, extra integer)");
    Migrator withEntities = builder(revisions(true)).build();
    withEntities.upgrade("head");

    assertThat(withEntities.check().differences().toString()).contains("extra column");
    assertThat(withEntities.check().differences().toString()).doesNotContain("extra table");
    Migrator without = Migrator.builder().url(db.url()).chain(Chain.of(TestChains.seedLike())).build();
    assertThat(without.check().differences().toString()).contains("extra table users");
  }

  List<String> tables() throws SQLException {
    String sql = db.dialect().name().equals("sqlite")
        ? "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1";
    return query(sql);
  }

  List<String> query(String sql) throws SQLException {
    try (Connection connection = db.connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (rows.next()) {
        values.add(rows.getString(1));
      }
      return values;
    }
  }

  void execute(String sql) throws SQLException {
    try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
