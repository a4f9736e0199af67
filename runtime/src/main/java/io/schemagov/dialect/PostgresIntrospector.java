package io.schemagov.dialect;

import io.schemagov.schema.Column;
import io.schemagov.schema.ColumnType;
import io.schemagov.schema.ForeignKey;
import io.schemagov.schema.Index;
import io.schemagov.schema.PrimaryKey;
import io.schemagov.schema.Schema;
import io.schemagov.schema.Sequence;
import io.schemagov.schema.Table;
import io.schemagov.schema.TableName;
import io.schemagov.schema.Unique;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a live PostgreSQL database into a {@link Schema} from {@code pg_catalog} (faster than
 * {@code information_schema}, and it has identity and index details): one query each for the
 * columns of every table, the keys and constraints, the indexes and the sequences, whatever the
 * number of tables. It reads the connection's {@code current_schema()}, whose tables come back
 * without a schema, plus the schemas asked for. The history table and sequences owned by a column
 * (an identity's {@code <table>_<column>_seq}) are not part of the model; nor are indexes on
 * expressions or with a predicate, which no op creates.
 */
final class PostgresIntrospector {
  private static final String HISTORY_TABLE = "schemagov_history";

  private static final String COLUMNS = """
      SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
             a.attidentity <> '', pg_get_expr(d.adbin, d.adrelid)
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
      WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname = ANY (?)
        AND NOT (n.nspname = current_schema() AND c.relname = ?)
      ORDER BY n.nspname, c.relname, a.attnum""";

  private static final String CONSTRAINTS = """
      SELECT n.nspname, c.relname, k.conname, k.contype,
             ARRAY(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY u(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum ORDER BY u.ord),
             rn.nspname, rc.relname,
             ARRAY(SELECT a.attname FROM unnest(k.confkey) WITH ORDINALITY u(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.attnum ORDER BY u.ord)
      FROM pg_constraint k
      JOIN pg_class c ON c.oid = k.conrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_class rc ON rc.oid = k.confrelid
      LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace
      WHERE k.contype IN ('p', 'u', 'f') AND n.nspname = ANY (?)""";

  // An index that backs a primary key or unique constraint is that constraint, read above.
  private static final String INDEXES = """
      SELECT n.nspname, c.relname, ic.relname, i.indisunique,
             ARRAY(SELECT a.attname FROM unnest(i.indkey::int2[]) WITH ORDINALITY u(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = u.attnum
                   WHERE u.ord <= i.indnkeyatts ORDER BY u.ord)
      FROM pg_index i
      JOIN pg_class c ON c.oid = i.indrelid
      JOIN pg_class ic ON ic.oid = i.indexrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = ANY (?) AND i.indexprs IS NULL AND i.indpred IS NULL
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k
                        WHERE k.conindid = i.indexrelid AND k.contype IN ('p', 'u', 'x'))""";

  private static final String SEQUENCES = """
      SELECT n.nspname, c.relname, s.seqstart, s.seqincrement
      FROM pg_sequence s
      JOIN pg_class c ON c.oid = s.seqrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = ANY (?)
        AND NOT EXISTS (SELECT 1 FROM pg_depend d
                        WHERE d.classid = 'pg_class'::regclass AND d.objid = s.seqrelid
                          AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i'))""";

  /** A table while its parts are collected. */
  private static final class Parts {
    final TableName name;
    final List<Column> columns = new ArrayList<>();
    PrimaryKey primaryKey;
    final List<ForeignKey> foreignKeys = new ArrayList<>();
    final List<Index> indexes = new ArrayList<>();
    final List<Unique> uniques = new ArrayList<>();

    Parts(TableName name) {
      this.name = name;
    }

    Table table() {
      foreignKeys.sort(Comparator.comparing(ForeignKey::name, PostgresSchemas.byKey()));
      indexes.sort(Comparator.comparing(Index::name, PostgresSchemas.byKey()));
      uniques.sort(Comparator.comparing(Unique::name, PostgresSchemas.byKey()));
      return new Table(name, columns, primaryKey, foreignKeys, indexes, uniques);
    }
  }

  private final Connection connection;
  private String currentSchema;

  PostgresIntrospector(Connection connection) {
    this.connection = connection;
  }

  /** Reads the current schema and {@code schemas} (catalog spellings, e.g. {@code audit}). */
  Schema read(Set<String> schemas) throws SQLException {
    currentSchema = currentSchema();
    Set<String> read = new TreeSet<>(schemas);
    read.add(currentSchema);
    Array names = connection.createArrayOf("text", read.toArray());
    Map<String, Parts> tables = new LinkedHashMap<>();
    try (PreparedStatement query = connection.prepareStatement(COLUMNS)) {
      query.setArray(1, names);
      query.setString(2, HISTORY_TABLE);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          String schema = rows.getString(1);
          String table = rows.getString(2);
          Parts parts = tables.computeIfAbsent(schema + "." + table, k -> new Parts(name(schema, table)));
          ColumnType type = PostgresTypes.parse(rows.getString(4));
          parts.columns.add(new Column(PostgresSchemas.name(rows.getString(3)), type, !rows.getBoolean(5),
              PostgresSchemas.defaultValue(rows.getString(7), type), rows.getBoolean(6)));
        }
      }
    }
    constraints(names, tables);
    indexes(names, tables);
    List<Table> result = tables.values().stream().map(Parts::table).toList();
    return Schema.of(result, sequences(names));
  }

  private String currentSchema() throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT current_schema()")) {
      rows.next();
      String schema = rows.getString(1);
      if (schema == null) {
        throw new SQLException("the connection has no current schema (search_path names no existing "
            + "schema); set search_path or create the schema it names");
      }
      return schema;
    }
  }

  private TableName name(String schema, String table) {
    return new TableName(schema.equals(currentSchema) ? null : PostgresSchemas.name(schema),
        PostgresSchemas.name(table));
  }

  private void constraints(Array names, Map<String, Parts> tables) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(CONSTRAINTS)) {
      query.setArray(1, names);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          Parts parts = tables.get(rows.getString(1) + "." + rows.getString(2));
          if (parts == null) {
            continue; // the history table
          }
          String name = PostgresSchemas.name(rows.getString(3));
          List<String> columns = names(rows.getArray(5));
          switch (rows.getString(4)) {
            case "p" -> parts.primaryKey = new PrimaryKey(columns);
            case "u" -> parts.uniques.add(new Unique(name, columns));
            default -> parts.foreignKeys.add(new ForeignKey(name, columns,
                name(rows.getString(6), rows.getString(7)), names(rows.getArray(8))));
          }
        }
      }
    }
  }

  private void indexes(Array names, Map<String, Parts> tables) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(INDEXES)) {
      query.setArray(1, names);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          Parts parts = tables.get(rows.getString(1) + "." + rows.getString(2));
          if (parts != null) {
            parts.indexes.add(new Index(PostgresSchemas.name(rows.getString(3)), names(rows.getArray(5)),
                rows.getBoolean(4)));
          }
        }
      }
    }
  }

  private List<Sequence> sequences(Array names) throws SQLException {
    List<Sequence> sequences = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(SEQUENCES)) {
      query.setArray(1, names);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          sequences.add(new Sequence(name(rows.getString(1), rows.getString(2)), rows.getLong(3), rows.getLong(4)));
        }
      }
    }
    return sequences;
  }

  private static List<String> names(Array array) throws SQLException {
    return Arrays.stream((Object[]) array.getArray()).map(o -> PostgresSchemas.name((String) o)).toList();
  }
}
