package io.schemagov.dialect;

import io.schemagov.revision.AddColumn;
import io.schemagov.revision.AddForeignKey;
import io.schemagov.revision.AddUnique;
import io.schemagov.revision.AlterColumn;
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
import io.schemagov.revision.Step;
import io.schemagov.schema.Column;
import io.schemagov.schema.ColumnType;
import io.schemagov.schema.ForeignKey;
import io.schemagov.schema.Identifiers;
import io.schemagov.schema.Index;
import io.schemagov.schema.InvalidSchemaException;
import io.schemagov.schema.Schema;
import io.schemagov.schema.Table;
import io.schemagov.schema.TableName;
import io.schemagov.schema.Unique;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * SQLite. Ops that SQLite's {@code ALTER TABLE} can do run as such (rename table or column, add a
 * column it can add, drop a column); every other table change rebuilds the table the way SQLite
 * documents it (https://www.sqlite.org/lang_altertable.html#otheralter): create the new table,
 * copy the rows, drop the old one, rename the new one into place, recreate its indexes. Foreign key
 * enforcement is off for the run (it can only change outside a transaction), and the rename runs
 * with {@code legacy_alter_table=ON} so that views and triggers naming the table keep their text
 * and point at the rebuilt table; the session recreates the table's own triggers.
 *
 * <p>Unique constraints and foreign keys are named table constraints of {@code CREATE TABLE}. A
 * database-generated key is SQLite's rowid alias: a single-column {@code integer} primary key (no
 * {@code AUTOINCREMENT}, so a deleted highest id can be handed out again, as with Hibernate's
 * SQLite dialect). Sequences do not exist in SQLite: a sequence is the one-row table with a
 * {@code next_val} column that Hibernate's generators use where sequences are missing.
 */
public final class SqliteDialect implements Dialect {
  /** Every SQLite keyword (https://www.sqlite.org/lang_keywords.html); such a name is quoted. */
  static final Set<String> KEYWORDS = Set.of(
      "ABORT", "ACTION", "ADD", "AFTER", "ALL", "ALTER", "ALWAYS", "ANALYZE", "AND", "AS", "ASC",
      "ATTACH", "AUTOINCREMENT", "BEFORE", "BEGIN", "BETWEEN", "BY", "CASCADE", "CASE", "CAST",
      "CHECK", "COLLATE", "COLUMN", "COMMIT", "CONFLICT", "CONSTRAINT", "CREATE", "CROSS", "CURRENT",
      "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "DATABASE", "DEFAULT", "DEFERRABLE",
      "DEFERRED", "DELETE", "DESC", "DETACH", "DISTINCT", "DO", "DROP", "EACH", "ELSE", "END",
      "ESCAPE", "EXCEPT", "EXCLUDE", "EXCLUSIVE", "EXISTS", "EXPLAIN", "FAIL", "FILTER", "FIRST",
      "FOLLOWING", "FOR", "FOREIGN", "FROM", "FULL", "GENERATED", "GLOB", "GROUP", "GROUPS", "HAVING",
      "IF", "IGNORE", "IMMEDIATE", "IN", "INDEX", "INDEXED", "INITIALLY", "INNER", "INSERT",
      "INSTEAD", "INTERSECT", "INTO", "IS", "ISNULL", "JOIN", "KEY", "LAST", "LEFT", "LIKE", "LIMIT",
      "MATCH", "MATERIALIZED", "NATURAL", "NO", "NOT", "NOTHING", "NOTNULL", "NULL", "NULLS", "OF",
      "OFFSET", "ON", "OR", "ORDER", "OTHERS", "OUTER", "OVER", "PARTITION", "PLAN", "PRAGMA",
      "PRECEDING", "PRIMARY", "QUERY", "RAISE", "RANGE", "RECURSIVE", "REFERENCES", "REGEXP",
      "REINDEX", "RELEASE", "RENAME", "REPLACE", "RESTRICT", "RETURNING", "RIGHT", "ROLLBACK", "ROW",
      "ROWS", "SAVEPOINT", "SELECT", "SET", "TABLE", "TEMP", "TEMPORARY", "THEN", "TIES", "TO",
      "TRANSACTION", "TRIGGER", "UNBOUNDED", "UNION", "UNIQUE", "UPDATE", "USING", "VACUUM", "VALUES",
      "VIEW", "VIRTUAL", "WHEN", "WHERE", "WINDOW", "WITH", "WITHOUT");

  /** SQLite's primary result code for a file it cannot open (https://www.sqlite.org/rescode.html#cantopen). */
  private static final int SQLITE_CANTOPEN = 14;

  /** The column of a sequence table, as Hibernate's table-backed generators name it. */
  static final String SEQUENCE_COLUMN = "next_val";

  @Override
  public String name() {
    return "sqlite";
  }

  @Override
  public boolean enforcesForeignKeysAtDdl() {
    return false;
  }

  @Override
  public Set<String> keywords() {
    return KEYWORDS;
  }

  @Override
  public String type(ColumnType type) {
    return SqliteTypes.render(type);
  }

  @Override
  public List<String> render(Step step) {
    Op op = step.op();
    if (op instanceof CreateTable create) {
      List<String> sql = new ArrayList<>();
      sql.add(createTable(create.table(), table(create.table().name())));
      create.table().indexes().forEach(ix -> sql.add(createIndex(create.table().name(), ix)));
      return sql;
    }
    if (op instanceof DropTable drop) {
      return List.of("DROP TABLE " + table(drop.table()));
    }
    if (op instanceof RenameTable rename) {
      return List.of("ALTER TABLE " + table(rename.table()) + " RENAME TO " + identifier(rename.to()));
    }
    if (op instanceof AddColumn add && addsInPlace(add.column())) {
      return List.of("ALTER TABLE " + table(add.table()) + " ADD COLUMN " + column(add.column()));
    }
    if (op instanceof DropColumn drop) {
      return List.of("ALTER TABLE " + table(drop.table()) + " DROP COLUMN " + identifier(drop.column()));
    }
    if (op instanceof RenameColumn rename) {
      return List.of("ALTER TABLE " + table(rename.table()) + " RENAME COLUMN "
          + identifier(rename.column()) + " TO " + identifier(rename.to()));
    }
    if (op instanceof CreateIndex create) {
      return List.of(createIndex(create.table(), create.index()));
    }
    if (op instanceof DropIndex drop) {
      return List.of("DROP INDEX " + inSchema(drop.table(), drop.name()));
    }
    if (op instanceof CreateSequence create) {
      String name = table(create.sequence().name());
      return List.of("CREATE TABLE " + name + " (" + SEQUENCE_COLUMN + " bigint)",
          "INSERT INTO " + name + " (" + SEQUENCE_COLUMN + ") VALUES (" + create.sequence().start() + ")");
    }
    if (op instanceof DropSequence drop) {
      return List.of("DROP TABLE " + table(drop.name()));
    }
    if (op instanceof ExecuteSql sql) {
      return statements(sql.up());
    }
    return rebuild(rebuiltTable(step).orElseThrow(), step);
  }

  /** The table a step rebuilds, if SQLite's ALTER TABLE cannot make the change in place. */
  Optional<TableName> rebuiltTable(Step step) {
    Op op = step.op();
    if (op instanceof AddColumn add) {
      return addsInPlace(add.column()) ? Optional.empty() : Optional.of(add.table());
    }
    if (op instanceof AlterColumn alter) {
      return Optional.of(alter.table());
    }
    if (op instanceof AddUnique add) {
      return Optional.of(add.table());
    }
    if (op instanceof DropUnique drop) {
      return Optional.of(drop.table());
    }
    if (op instanceof AddForeignKey add) {
      return Optional.of(add.table());
    }
    if (op instanceof DropForeignKey drop) {
      return Optional.of(drop.table());
    }
    return Optional.empty();
  }

  /** SQLite's ADD COLUMN takes no key, no time default, no expression default, no bare NOT NULL. */
  private static boolean addsInPlace(Column column) {
    String defaultValue = column.defaultValue() == null ? null
        : column.defaultValue().strip().toUpperCase(Locale.ROOT);
    boolean constantDefault = defaultValue == null
        || !(defaultValue.startsWith("(") || defaultValue.startsWith("CURRENT_"));
    boolean hasDefault = defaultValue != null && !defaultValue.equals("NULL");
    return !column.identity() && constantDefault && (column.nullable() || hasDefault);
  }

  private List<String> rebuild(TableName name, Step step) {
    Table before = step.before().table(name).orElseThrow();
    Table after = step.after().table(name).orElseThrow();
    String temporary = "\"schemagov_new_" + Identifiers.unquoted(name.name()) + "\"";
    String temporaryQualified = name.schema() == null ? temporary : identifier(name.schema()) + "." + temporary;
    String copied = after.columns().stream().map(Column::name)
        .filter(c -> before.column(c).isPresent()).map(this::identifier)
        .collect(Collectors.joining(", "));
    List<String> sql = new ArrayList<>();
    sql.add(createTable(after, temporaryQualified));
    sql.add("INSERT INTO " + temporaryQualified + " (" + copied + ") SELECT " + copied + " FROM " + table(name));
    sql.add("DROP TABLE " + table(name));
    sql.add("PRAGMA legacy_alter_table=ON");
    sql.add("ALTER TABLE " + temporaryQualified + " RENAME TO " + identifier(name.name()));
    sql.add("PRAGMA legacy_alter_table=OFF");
    after.indexes().forEach(ix -> sql.add(createIndex(name, ix)));
    return sql;
  }

  private String createTable(Table table, String renderedName) {
    requireRowidIdentity(table);
    List<String> parts = new ArrayList<>();
    table.columns().forEach(c -> parts.add(column(c)));
    if (table.primaryKey() != null) {
      parts.add("PRIMARY KEY (" + columns(table.primaryKey().columns()) + ")");
    }
    for (Unique unique : table.uniques()) {
      parts.add("CONSTRAINT " + identifier(unique.name()) + " UNIQUE (" + columns(unique.columns()) + ")");
    }
    for (ForeignKey fk : table.foreignKeys()) {
      // SQLite resolves a foreign key's table in the schema of the table that declares it.
      parts.add("CONSTRAINT " + identifier(fk.name()) + " FOREIGN KEY (" + columns(fk.columns())
          + ") REFERENCES " + identifier(fk.referencedTable().name()) + " (" + columns(fk.referencedColumns()) + ")");
    }
    return "CREATE TABLE " + renderedName + " (\n  " + String.join(",\n  ", parts) + "\n)";
  }

  private static void requireRowidIdentity(Table table) {
    for (Column column : table.columns()) {
      if (column.identity() && (table.primaryKey() == null || table.primaryKey().columns().size() != 1
          || !Identifiers.same(table.primaryKey().columns().get(0), column.name()))) {
        throw new InvalidSchemaException("identity column " + table.name() + "." + column.name()
            + " is not the table's only primary key column; SQLite generates values only for a "
            + "single-column integer primary key, so make it the key or drop identity");
      }
    }
  }

  private String column(Column column) {
    StringBuilder sql = new StringBuilder(identifier(column.name())).append(' ')
        .append(column.identity() ? "integer" : type(column.type()));
    if (!column.nullable()) {
      sql.append(" NOT NULL");
    }
    if (column.defaultValue() != null) {
      sql.append(" DEFAULT ").append(column.defaultValue());
    }
    return sql.toString();
  }

  private String createIndex(TableName table, Index index) {
    return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + inSchema(table, index.name())
        + " ON " + identifier(table.name()) + " (" + columns(index.columns()) + ")";
  }

  /** An index name in its table's schema: SQLite qualifies the index, never the indexed table. */
  private String inSchema(TableName table, String name) {
    return table.schema() == null ? identifier(name) : identifier(table.schema()) + "." + identifier(name);
  }

  private String columns(List<String> names) {
    return names.stream().map(this::identifier).collect(Collectors.joining(", "));
  }

  @Override
  public List<String> statements(String script) {
    return SqlLexer.split(script);
  }

  @Override
  public String beginTransaction() {
    return "BEGIN IMMEDIATE";
  }

  @Override
  public List<String> beforeCommit(List<Step> steps) {
    return rebuiltTables(steps).stream().map(SqliteDialect::foreignKeyCheck).toList();
  }

  /**
   * The tables {@code steps} rebuilt, by the name each has after the steps (a table a later step
   * drops is left out): a rebuild copies the rows into a table whose foreign keys may be new, so they
   * must pass {@code PRAGMA foreign_key_check}. Only the rebuilt tables are checked, so rows that
   * already dangled elsewhere (sqlite-jdbc does not enforce foreign keys by default) block nothing.
   */
  List<TableName> rebuiltTables(List<Step> steps) {
    List<TableName> tables = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      TableName table = rebuiltTable(steps.get(i)).orElse(null);
      for (int j = i + 1; table != null && j < steps.size(); j++) {
        Op later = steps.get(j).op();
        if (later instanceof RenameTable rename && rename.table().same(table)) {
          table = table.withName(rename.to());
        } else if (later instanceof DropTable drop && drop.table().same(table)) {
          table = null;
        }
      }
      TableName rebuilt = table;
      if (rebuilt != null && tables.stream().noneMatch(rebuilt::same)) {
        tables.add(rebuilt);
      }
    }
    return tables;
  }

  /** The check of {@code table}'s rows: one result row per row whose parent row is missing. */
  static String foreignKeyCheck(TableName table) {
    return "PRAGMA " + (table.schema() == null ? "" : "\"" + Identifiers.unquoted(table.schema()) + "\".")
        + "foreign_key_check(\"" + Identifiers.unquoted(table.name()) + "\")";
  }

  @Override
  public List<String> scriptPrologue() {
    return List.of("PRAGMA foreign_keys=OFF");
  }

  @Override
  public Schema stored(Schema model) {
    return SqliteSchemas.stored(model);
  }

  @Override
  public Schema introspect(Connection connection) throws SQLException {
    return new SqliteIntrospector(connection).read();
  }

  /** SQLite creates a missing file but never its directory, nor a file where it may not write. */
  @Override
  public Optional<String> connectionProblem(SQLException e) {
    if ((e.getErrorCode() & 0xff) != SQLITE_CANTOPEN) {
      return Optional.empty();
    }
    return Optional.of("SQLite cannot open the database file (" + e.getMessage() + "); create the directory "
        + "in the URL's path (SQLite creates the file, not its directory), make it writable, or fix the path");
  }

  @Override
  public Session open(Connection connection, Duration lockTimeout) throws SQLException {
    return SqliteSession.open(this, connection, lockTimeout);
  }
}
