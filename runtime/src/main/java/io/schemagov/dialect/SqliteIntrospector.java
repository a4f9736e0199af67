package io.schemagov.dialect;

import io.schemagov.schema.Column;
import io.schemagov.schema.ForeignKey;
import io.schemagov.schema.Index;
import io.schemagov.schema.Names;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the main database of a SQLite connection into a {@link Schema}: {@code sqlite_master} for the
 * tables and their SQL, {@code PRAGMA table_info / foreign_key_list / index_list / index_info} for
 * the rest. SQLite's own tables ({@code sqlite_*}) are skipped. Constraint names come from the stored
 * SQL (see {@link SqliteConstraints}); a constraint declared without a name gets the derived name.
 */
final class SqliteIntrospector {
  private record Raw(String name, String sql) {}

  private record RawColumn(String name, String type, boolean notNull, String defaultValue, int keyPosition) {}

  private final Connection connection;

  SqliteIntrospector(Connection connection) {
    this.connection = connection;
  }

  Schema read() throws SQLException {
    List<Table> tables = new ArrayList<>();
    List<Sequence> sequences = new ArrayList<>();
    for (Raw raw : tables()) {
      TableName name = TableName.of(SqliteSchemas.name(raw.name()));
      List<RawColumn> columns = columns(raw.name());
      if (columns.size() == 1 && columns.get(0).name().equalsIgnoreCase(SqliteDialect.SEQUENCE_COLUMN)) {
        sequences.add(new Sequence(name, 1, 1));
      } else {
        tables.add(table(name, raw, columns));
      }
    }
    return Schema.of(tables, sequences);
  }

  private List<Raw> tables() throws SQLException {
    List<Raw> tables = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT name, sql FROM sqlite_master WHERE type = 'table' "
            + "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")) {
      while (rows.next()) {
        tables.add(new Raw(rows.getString(1), rows.getString(2)));
      }
    }
    return tables;
  }

  private Table table(TableName name, Raw raw, List<RawColumn> rawColumns) throws SQLException {
    List<String> keyColumns = rawColumns.stream().filter(c -> c.keyPosition() > 0)
        .sorted(Comparator.comparingInt(RawColumn::keyPosition))
        .map(c -> SqliteSchemas.name(c.name())).toList();
    PrimaryKey key = keyColumns.isEmpty() ? null : new PrimaryKey(keyColumns);
    List<Column> columns = new ArrayList<>();
    for (RawColumn column : rawColumns) {
      String columnName = SqliteSchemas.name(column.name());
      boolean rowid = keyColumns.size() == 1 && column.keyPosition() == 1
          && column.type().strip().equalsIgnoreCase("integer");
      columns.add(rowid ? SqliteSchemas.rowid(columnName)
          : new Column(columnName, SqliteTypes.parse(column.type()), !column.notNull(), column.defaultValue(), false));
    }
    SqliteConstraints named = SqliteConstraints.parse(raw.sql());
    List<ForeignKey> foreignKeys = foreignKeys(name, raw.name(), named);
    List<Index> indexes = new ArrayList<>();
    List<Unique> uniques = new ArrayList<>();
    indexes(name, raw.name(), named, indexes, uniques);
    return new Table(name, columns, key, foreignKeys, indexes, uniques);
  }

  private List<RawColumn> columns(String table) throws SQLException {
    List<RawColumn> columns = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("PRAGMA table_info(" + quote(table) + ")")) {
      while (rows.next()) {
        columns.add(new RawColumn(rows.getString("name"), rows.getString("type"),
            rows.getInt("notnull") != 0, rows.getString("dflt_value"), rows.getInt("pk")));
      }
    }
    return columns;
  }

  private List<ForeignKey> foreignKeys(TableName name, String table, SqliteConstraints named) throws SQLException {
    Map<Integer, List<String[]>> byId = new TreeMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("PRAGMA foreign_key_list(" + quote(table) + ")")) {
      while (rows.next()) {
        byId.computeIfAbsent(rows.getInt("id"), id -> new ArrayList<>())
            .add(new String[] {rows.getString("table"), rows.getString("from"), rows.getString("to")});
      }
    }
    List<ForeignKey> foreignKeys = new ArrayList<>();
    for (List<String[]> parts : byId.values()) {
      String referenced = parts.get(0)[0];
      List<String> from = parts.stream().map(p -> SqliteSchemas.name(p[1])).toList();
      List<String> to = parts.stream().anyMatch(p -> p[2] == null) ? primaryKeyOf(referenced, from)
          : parts.stream().map(p -> SqliteSchemas.name(p[2])).toList();
      String fkName = named.foreignKeyName(parts.stream().map(p -> p[1]).toList())
          .map(SqliteSchemas::name).orElseGet(() -> Names.foreignKey(name, from));
      foreignKeys.add(new ForeignKey(fkName, from, TableName.of(SqliteSchemas.name(referenced)), to));
    }
    foreignKeys.sort(Comparator.comparing(ForeignKey::name, SqliteSchemas.byKey()));
    return foreignKeys;
  }

  /** A foreign key declared without columns references the parent's primary key. */
  private List<String> primaryKeyOf(String table, List<String> fallback) throws SQLException {
    List<String> key = columns(table).stream().filter(c -> c.keyPosition() > 0)
        .sorted(Comparator.comparingInt(RawColumn::keyPosition))
        .map(c -> SqliteSchemas.name(c.name())).toList();
    return key.size() == fallback.size() ? key : fallback;
  }

  private void indexes(TableName name, String table, SqliteConstraints named, List<Index> indexes,
      List<Unique> uniques) throws SQLException {
    List<String[]> listed = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("PRAGMA index_list(" + quote(table) + ")")) {
      while (rows.next()) {
        listed.add(new String[] {rows.getString("name"), rows.getString("unique"), rows.getString("origin")});
      }
    }
    for (String[] index : listed) {
      List<String> rawColumns = indexColumns(index[0]);
      if (rawColumns.contains(null)) {
        continue; // an index on an expression has no model counterpart
      }
      List<String> columns = rawColumns.stream().map(SqliteSchemas::name).toList();
      switch (index[2]) {
        case "c" -> indexes.add(new Index(SqliteSchemas.name(index[0]), columns, "1".equals(index[1])));
        case "u" -> uniques.add(new Unique(named.uniqueName(rawColumns).map(SqliteSchemas::name)
            .orElseGet(() -> Names.unique(name, columns)), columns));
        default -> { } // the primary key's own index
      }
    }
    indexes.sort(Comparator.comparing(Index::name, SqliteSchemas.byKey()));
    uniques.sort(Comparator.comparing(Unique::name, SqliteSchemas.byKey()));
  }

  private List<String> indexColumns(String index) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("PRAGMA index_info(" + quote(index) + ")")) {
      while (rows.next()) {
        columns.add(rows.getString("name"));
      }
    }
    return columns;
  }

  /** A name read from the catalog, quoted for a pragma argument. */
  private static String quote(String raw) {
    return "\"" + raw.replace("\"", "\"\"") + "\"";
  }
}
