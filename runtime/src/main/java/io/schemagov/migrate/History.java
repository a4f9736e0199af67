package io.schemagov.migrate;

import static io.schemagov.dialect.Jdbc.execute;

import io.schemagov.dialect.Dialect;
import io.schemagov.revision.Chain;
import io.schemagov.revision.Checksums;
import io.schemagov.revision.CreateTable;
import io.schemagov.revision.Revision;
import io.schemagov.revision.Step;
import io.schemagov.schema.Column;
import io.schemagov.schema.ColumnType;
import io.schemagov.schema.PrimaryKey;
import io.schemagov.schema.Schema;
import io.schemagov.schema.Table;
import io.schemagov.schema.TableName;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code schemagov_history} table: one row per applied revision (as Flyway's schema history),
 * written in the revision's own transaction, so the table always names the revisions whose changes
 * the database holds. A downgrade deletes the row; {@code installed_rank} orders the rows.
 *
 * <p>A baseline (ORM-managed tables created before a revision needed them) is recorded as rows of kind
 * {@value #BASELINE}, {@code message} listing the tables. They are not revisions: {@link #current},
 * {@link #problems} and {@code stamp} skip them, and no downgrade removes them, because the tables
 * belong to the ORM and stay.
 */
final class History {
  static final TableName TABLE = TableName.of("schemagov_history");
  static final String UPGRADE = "upgrade";
  static final String STAMP = "stamp";
  static final String BASELINE = "baseline";
  /** The {@code message} column's width: a longer baseline list is split over several rows. */
  static final int MESSAGE_LENGTH = 1000;

  /** One row of the table. */
  record Row(int rank, String id, String parent, String checksum, String message, String kind,
      String appliedAt, long durationMs) {
    boolean baseline() {
      return BASELINE.equals(kind);
    }

    /** The tables a baseline row lists. */
    List<String> baselineTables() {
      return message == null || message.isBlank() ? List.of() : List.of(message.split(", "));
    }
  }

  private final Dialect dialect;

  History(Dialect dialect) {
    this.dialect = dialect;
  }

  static Table table() {
    return new Table(TABLE, List.of(
        Column.of("installed_rank", ColumnType.parse("integer"), false),
        Column.of("id", ColumnType.parse("varchar(32)"), false),
        Column.of("parent", ColumnType.parse("varchar(32)"), true),
        Column.of("checksum", ColumnType.parse("varchar(128)"), false),
        Column.of("message", ColumnType.parse("varchar(" + MESSAGE_LENGTH + ")"), true),
        Column.of("kind", ColumnType.parse("varchar(16)"), false),
        new Column("applied_at", ColumnType.parse("timestamp"), false, "CURRENT_TIMESTAMP", false),
        Column.of("duration_ms", ColumnType.parse("bigint"), false)),
        PrimaryKey.of("id"), List.of(), List.of(), List.of());
  }

  List<String> create() {
    return dialect.render(new Step(new CreateTable(table()), Schema.EMPTY));
  }

  String insert(Revision revision, Chain chain, String kind, long durationMs) {
    String name = dialect.table(TABLE);
    String message = revision.message() == null ? "NULL"
        : dialect.literal(revision.message().length() > MESSAGE_LENGTH
            ? revision.message().substring(0, MESSAGE_LENGTH) : revision.message());
    return "INSERT INTO " + name + " (installed_rank, id, parent, checksum, message, kind, duration_ms) VALUES ("
        + "(SELECT COALESCE(MAX(installed_rank), 0) + 1 FROM " + name + "), "
        + dialect.literal(revision.id()) + ", "
        + (revision.parent() == null ? "NULL" : dialect.literal(revision.parent())) + ", "
        + dialect.literal(chain.checksum(revision.id())) + ", " + message + ", "
        + dialect.literal(kind) + ", " + durationMs + ")";
  }

  /**
   * A baseline row: {@code id} is {@code baseline-<n>}, {@code tables} the created tables, at most
   * {@link #MESSAGE_LENGTH} characters of them joined by {@code ", "}.
   */
  String insertBaseline(String id, String tables, String checksum, long durationMs) {
    String name = dialect.table(TABLE);
    return "INSERT INTO " + name + " (installed_rank, id, parent, checksum, message, kind, duration_ms) VALUES ("
        + "(SELECT COALESCE(MAX(installed_rank), 0) + 1 FROM " + name + "), " + dialect.literal(id) + ", NULL, "
        + dialect.literal(checksum) + ", " + dialect.literal(tables) + ", " + dialect.literal(BASELINE) + ", "
        + durationMs + ")";
  }

  String delete(String id) {
    return "DELETE FROM " + dialect.table(TABLE) + " WHERE id = " + dialect.literal(id);
  }

  /** Deletes every revision row; baseline rows stay, as the tables they list do. */
  String deleteRevisions() {
    return "DELETE FROM " + dialect.table(TABLE) + " WHERE kind <> " + dialect.literal(BASELINE);
  }

  /**
   * Whether the table is in the connection's current schema, where the migrator creates it and its
   * unqualified name resolves first: another schema's history (another application's) is not ours.
   * A database without schemas reports none and is searched whole.
   */
  static boolean exists(Connection connection) throws SQLException {
    DatabaseMetaData metaData = connection.getMetaData();
    String schema = connection.getSchema();
    try (ResultSet tables = metaData.getTables(null, schema == null ? null : literally(schema, metaData),
        literally(TABLE.name(), metaData), null)) {
      return tables.next();
    }
  }

  /** A name as a metadata search pattern that matches only itself ({@code _} is a wildcard there). */
  private static String literally(String name, DatabaseMetaData metaData) throws SQLException {
    String escape = metaData.getSearchStringEscape();
    return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
  }

  /**
   * Creates the table unless it exists (inside the locked transaction, so two migrators never race),
   * then returns its rows: one metadata lookup for both, none when the table was just created.
   */
  List<Row> ensureAndRead(Connection connection) throws SQLException {
    if (exists(connection)) {
      return readExisting(connection);
    }
    for (String sql : create()) {
      execute(connection, sql);
    }
    return new ArrayList<>();
  }

  /** The rows in the order they were written; none when the table does not exist yet. */
  List<Row> read(Connection connection) throws SQLException {
    return exists(connection) ? readExisting(connection) : new ArrayList<>();
  }

  /** The rows of the table, which the caller knows exists, in the order they were written. */
  private List<Row> readExisting(Connection connection) throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT installed_rank, id, parent, checksum, message, kind, "
            + "applied_at, duration_ms FROM " + dialect.table(TABLE) + " ORDER BY installed_rank")) {
      while (result.next()) {
        rows.add(new Row(result.getInt(1), result.getString(2), result.getString(3), result.getString(4),
            result.getString(5), result.getString(6), result.getString(7), result.getLong(8)));
      }
    }
    return rows;
  }

  /**
   * The row that {@link #insert} writes, as a run that wrote it knows it (without {@code applied_at},
   * which the database fills in): appended to the rows the run read, it spares reading them again.
   */
  static Row inserted(List<Row> rows, Revision revision, Chain chain, String kind, long durationMs) {
    int rank = rows.isEmpty() ? 1 : rows.get(rows.size() - 1).rank() + 1; // rows are in rank order
    String message = revision.message() == null || revision.message().length() <= MESSAGE_LENGTH
        ? revision.message() : revision.message().substring(0, MESSAGE_LENGTH);
    return new Row(rank, revision.id(), revision.parent(), chain.checksum(revision.id()), message, kind, null,
        durationMs);
  }

  /** The last revision row's id, found from the end: a run asks before every revision, with every row read. */
  static String current(List<Row> rows) {
    for (int k = rows.size() - 1; k >= 0; k--) {
      if (!rows.get(k).baseline()) {
        return rows.get(k).id();
      }
    }
    return Chain.BASE;
  }

  /** The rows of applied (or stamped) revisions, without the baseline rows. */
  static List<Row> revisions(List<Row> rows) {
    return rows.stream().filter(row -> !row.baseline()).toList();
  }

  /**
   * Every way the rows disagree with the chain, all at once (flyway#2116): a revision applied but
   * edited since, a revision applied that no file holds, rows that are not the chain's first revisions.
   */
  static List<String> problems(List<Row> all, Chain chain) {
    List<String> problems = new ArrayList<>();
    List<Row> rows = revisions(all);
    List<Revision> revisions = chain.revisions();
    for (int k = 0; k < rows.size(); k++) {
      Row row = rows.get(k);
      Revision revision = chain.revision(row.id()).orElse(null);
      if (revision == null) {
        problems.add("revision " + row.id() + " (" + row.message() + ") is applied to the database but no "
            + "revision file has it; restore its file, or downgrade with the files that include it");
        continue;
      }
      String file = revision.source() == null ? "revision " + row.id() : revision.source();
      try {
        if (!checksumMatches(row, revision, chain)) {
          problems.add("revision " + row.id() + " (" + file + ") was changed after it was applied "
              + "(applied " + row.checksum() + ", file now " + chain.checksum(row.id())
              + "); revert the edit and put the change in a new revision");
        }
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
      if (k >= revisions.size() || !revisions.get(k).id().equals(row.id())) {
        problems.add("revision " + row.id() + " is applied as number " + (k + 1) + " but the chain has "
            + (k < revisions.size() ? revisions.get(k).id() : "no revision") + " there; the database was "
            + "migrated with a different chain");
      }
    }
    return problems;
  }

  /**
   * Whether the row's checksum is the revision's: equal to the chain's (computed once per revision), or
   * else in an older format that still matches; throws for a format this version cannot read.
   */
  private static boolean checksumMatches(Row row, Revision revision, Chain chain) {
    return chain.checksum(revision.id()).equals(row.checksum()) || Checksums.matches(row.checksum(), revision);
  }

  /** Whether the row's checksum is the revision's; a format this version cannot read does not match. */
  static boolean checksumMatches(Row row, Revision revision) {
    try {
      return Checksums.matches(row.checksum(), revision);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
