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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * PostgreSQL 15: every op is one of PostgreSQL's own statements (no table is ever rebuilt), and a
 * revision's DDL runs inside its transaction, so a failure leaves nothing behind. Types are those of
 * Hibernate 7's {@code PostgreSQLDialect} ({@link PostgresTypes}); primary keys are left unnamed, as
 * Hibernate leaves them ({@code <table>_pkey}); unique and foreign key constraints and indexes carry
 * the model's names. A table or sequence in a named schema creates that schema when missing; dropping
 * the table leaves the schema, which may hold objects schemagov does not know.
 */
public final class PostgresDialect implements Dialect {
  /**
   * PostgreSQL's reserved keywords and those that cannot name a column or table (categories R and T of
   * {@code pg_get_keywords()} on 15): such a name is quoted. Other keywords are valid plain names.
   */
  static final Set<String> KEYWORDS = Set.of(
      "ALL", "ANALYSE", "ANALYZE", "AND", "ANY", "ARRAY", "AS", "ASC", "ASYMMETRIC", "AUTHORIZATION",
      "BINARY", "BOTH", "CASE", "CAST", "CHECK", "COLLATE", "COLLATION", "COLUMN", "CONCURRENTLY",
      "CONSTRAINT", "CREATE", "CROSS", "CURRENT_CATALOG", "CURRENT_DATE", "CURRENT_ROLE", "CURRENT_SCHEMA",
      "CURRENT_TIME", "CURRENT_TIMESTAMP", "CURRENT_USER", "DEFAULT", "DEFERRABLE", "DESC", "DISTINCT",
      "DO", "ELSE", "END", "EXCEPT", "FALSE", "FETCH", "FOR", "FOREIGN", "FREEZE", "FROM", "FULL", "GRANT",
      "GROUP", "HAVING", "ILIKE", "IN", "INITIALLY", "INNER", "INTERSECT", "INTO", "IS", "ISNULL", "JOIN",
      "LATERAL", "LEADING", "LEFT", "LIKE", "LIMIT", "LOCALTIME", "LOCALTIMESTAMP", "NATURAL", "NOT",
      "NOTNULL", "NULL", "OFFSET", "ON", "ONLY", "OR", "ORDER", "OUTER", "OVERLAPS", "PLACING", "PRIMARY",
      "REFERENCES", "RETURNING", "RIGHT", "SELECT", "SESSION_USER", "SIMILAR", "SOME", "SYMMETRIC",
      "TABLE", "TABLESAMPLE", "THEN", "TO", "TRAILING", "TRUE", "UNION", "UNIQUE", "USER", "USING",
      "VARIADIC", "VERBOSE", "WHEN", "WHERE", "WINDOW", "WITH");

  /** The migrator's history table; the lock key derives from it and introspection skips it. */
  static final TableName HISTORY_TABLE = TableName.of("schemagov_history");

  @Override
  public String name() {
    return "postgresql";
  }

  @Override
  public boolean enforcesForeignKeysAtDdl() {
    return true;
  }

  @Override
  public Set<String> keywords() {
    return KEYWORDS;
  }

  @Override
  public String type(ColumnType type) {
    return PostgresTypes.render(type);
  }

  @Override
  public List<String> render(Step step) {
    Op op = step.op();
    if (op instanceof CreateTable create) {
      return createTable(create.table());
    }
    if (op instanceof DropTable drop) {
      return List.of("DROP TABLE " + table(drop.table()));
    }
    if (op instanceof RenameTable rename) {
      return List.of(alter(rename.table()) + "RENAME TO " + identifier(rename.to()));
    }
    if (op instanceof AddColumn add) {
      return List.of(alter(add.table()) + "ADD COLUMN " + column(add.column()));
    }
    if (op instanceof DropColumn drop) {
      return List.of(alter(drop.table()) + "DROP COLUMN " + identifier(drop.column()));
    }
    if (op instanceof RenameColumn rename) {
      return List.of(alter(rename.table()) + "RENAME COLUMN " + identifier(rename.column())
          + " TO " + identifier(rename.to()));
    }
    if (op instanceof AlterColumn alter) {
      Column before = step.before().table(alter.table()).orElseThrow().column(alter.column().name()).orElseThrow();
      return alterColumn(alter.table(), before, alter.column().withName(before.name()));
    }
    if (op instanceof CreateIndex create) {
      return List.of(createIndex(create.table(), create.index()));
    }
    if (op instanceof DropIndex drop) {
      return List.of("DROP INDEX " + table(drop.table().withName(drop.name())));
    }
    if (op instanceof AddUnique add) {
      return List.of(alter(add.table()) + "ADD " + unique(add.unique()));
    }
    if (op instanceof DropUnique drop) {
      return List.of(alter(drop.table()) + "DROP CONSTRAINT " + identifier(drop.name()));
    }
    if (op instanceof AddForeignKey add) {
      return List.of(alter(add.table()) + "ADD " + foreignKey(add.foreignKey()));
    }
    if (op instanceof DropForeignKey drop) {
      return List.of(alter(drop.table()) + "DROP CONSTRAINT " + identifier(drop.name()));
    }
    if (op instanceof CreateSequence create) {
      List<String> sql = new ArrayList<>(createSchema(create.sequence().name()));
      sql.add("CREATE SEQUENCE " + table(create.sequence().name()) + " START WITH " + create.sequence().start()
          + " INCREMENT BY " + create.sequence().increment());
      return sql;
    }
    if (op instanceof DropSequence drop) {
      return List.of("DROP SEQUENCE " + table(drop.name()));
    }
    if (op instanceof ExecuteSql sql) {
      return statements(sql.up());
    }
    throw new IllegalArgumentException("no PostgreSQL rendering for " + op.describe());
  }

  private String alter(TableName table) {
    return "ALTER TABLE " + table(table) + " ";
  }

  private List<String> createSchema(TableName name) {
    return name.schema() == null ? List.of() : List.of("CREATE SCHEMA IF NOT EXISTS " + identifier(name.schema()));
  }

  private List<String> createTable(Table table) {
    List<String> parts = new ArrayList<>();
    table.columns().forEach(c -> parts.add(column(c)));
    if (table.primaryKey() != null) {
      parts.add("PRIMARY KEY (" + columns(table.primaryKey().columns()) + ")");
    }
    table.uniques().forEach(u -> parts.add(unique(u)));
    table.foreignKeys().forEach(fk -> parts.add(foreignKey(fk)));
    List<String> sql = new ArrayList<>(createSchema(table.name()));
    sql.add("CREATE TABLE " + table(table.name()) + " (\n  " + String.join(",\n  ", parts) + "\n)");
    table.indexes().forEach(ix -> sql.add(createIndex(table.name(), ix)));
    return sql;
  }

  private String column(Column column) {
    if (column.identity() && column.defaultValue() != null) {
      throw new InvalidSchemaException("identity column " + column.name() + " also has a default ("
          + column.defaultValue() + "); PostgreSQL generates its values, so remove the default");
    }
    StringBuilder sql = new StringBuilder(identifier(column.name())).append(' ').append(type(column.type()));
    if (column.identity()) {
      sql.append(" GENERATED BY DEFAULT AS IDENTITY");
    } else if (!column.nullable()) {
      sql.append(" NOT NULL");
    }
    if (column.defaultValue() != null) {
      sql.append(" DEFAULT ").append(column.defaultValue());
    }
    return sql.toString();
  }

  /**
   * One statement per changed property, in the order PostgreSQL accepts them: identity dropped and the
   * old default removed before the type changes (a default may not cast to the new type), the type,
   * nullability, the new default, then identity added and its sequence moved past the existing values.
   */
  private List<String> alterColumn(TableName table, Column before, Column after) {
    String column = alter(table) + "ALTER COLUMN " + identifier(before.name()) + " ";
    boolean typeChanges = !before.type().equals(after.type());
    boolean defaultChanges = !Objects.equals(before.defaultValue(), after.defaultValue());
    List<String> sql = new ArrayList<>();
    if (before.identity() && !after.identity()) {
      sql.add(column + "DROP IDENTITY");
    }
    if (before.defaultValue() != null && (typeChanges || defaultChanges)) {
      sql.add(column + "DROP DEFAULT");
    }
    if (typeChanges) {
      String type = type(after.type());
      // Within a family PostgreSQL's assignment casts convert; across families (text to integer) they
      // do not, and the explicit cast says how.
      sql.add(column + "TYPE " + type + (sameFamily(before.type(), after.type()) ? ""
          : " USING " + identifier(before.name()) + "::" + type));
    }
    if (before.nullable() != after.nullable() && !after.identity()) {
      sql.add(column + (after.nullable() ? "DROP NOT NULL" : "SET NOT NULL"));
    }
    if (after.defaultValue() != null && (typeChanges || defaultChanges)) {
      sql.add(column + "SET DEFAULT " + after.defaultValue());
    }
    if (after.identity() && !before.identity()) {
      if (before.nullable()) {
        sql.add(column + "SET NOT NULL");
      }
      sql.add(column + "ADD GENERATED BY DEFAULT AS IDENTITY");
      sql.add("SELECT setval(pg_get_serial_sequence(" + literal(table(table)) + ", "
          + literal(Identifiers.key(before.name())) + "), coalesce(max(" + identifier(before.name())
          + "), 0) + 1, false) FROM " + table(table));
    }
    return sql;
  }

  private static boolean sameFamily(ColumnType a, ColumnType b) {
    return a.holdsAllOf(b) || b.holdsAllOf(a);
  }

  private String unique(Unique unique) {
    return "CONSTRAINT " + identifier(unique.name()) + " UNIQUE (" + columns(unique.columns()) + ")";
  }

  private String foreignKey(ForeignKey fk) {
    return "CONSTRAINT " + identifier(fk.name()) + " FOREIGN KEY (" + columns(fk.columns()) + ") REFERENCES "
        + table(fk.referencedTable()) + " (" + columns(fk.referencedColumns()) + ")";
  }

  /** The index lives in its table's schema, so its name is never qualified here. */
  private String createIndex(TableName table, Index index) {
    return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + identifier(index.name())
        + " ON " + table(table) + " (" + columns(index.columns()) + ")";
  }

  private String columns(List<String> names) {
    return names.stream().map(this::identifier).collect(Collectors.joining(", "));
  }

  @Override
  public List<String> statements(String script) {
    return PostgresScripts.split(script);
  }

  @Override
  public String beginTransaction() {
    return "BEGIN";
  }

  @Override
  public List<String> beforeCommit(List<Step> steps) {
    return List.of(); // foreign keys are checked by each statement
  }

  @Override
  public List<String> scriptPrologue() {
    return List.of();
  }

  @Override
  public Schema stored(Schema model) {
    return PostgresSchemas.stored(model);
  }

  @Override
  public Schema introspect(Connection connection) throws SQLException {
    return new PostgresIntrospector(connection).read(Set.of());
  }

  /** Also reads every database schema that {@code model}'s tables and sequences live in. */
  @Override
  public Schema introspect(Connection connection, Schema model) throws SQLException {
    Set<String> schemas = new TreeSet<>();
    model.tables().values().forEach(t -> addSchema(schemas, t.name()));
    model.sequences().values().forEach(s -> addSchema(schemas, s.name()));
    return new PostgresIntrospector(connection).read(schemas);
  }

  private static void addSchema(Set<String> schemas, TableName name) {
    if (name.schema() != null) {
      schemas.add(Identifiers.key(name.schema()));
    }
  }

  @Override
  public Optional<String> connectionProblem(SQLException e) {
    return PostgresErrors.connectionProblem(e);
  }

  @Override
  public Session open(Connection connection, Duration lockTimeout) throws SQLException {
    return PostgresSession.open(this, connection, lockTimeout);
  }
}
