package io.schemagov.dialect;

import io.schemagov.schema.Column;
import io.schemagov.schema.ColumnType;
import io.schemagov.schema.ForeignKey;
import io.schemagov.schema.Identifiers;
import io.schemagov.schema.Index;
import io.schemagov.schema.PrimaryKey;
import io.schemagov.schema.Schema;
import io.schemagov.schema.Sequence;
import io.schemagov.schema.Table;
import io.schemagov.schema.TableName;
import io.schemagov.schema.Unique;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A model as SQLite stores it, in the canonical form the introspector reads back:
 * <ul>
 *   <li>SQLite compares every name case-insensitively, quoted or not, so a quoted name made only of
 *       letters, digits and '_' is the plain name;
 *   <li>a single-column primary key declared {@code integer} is the rowid, which SQLite generates:
 *       it reads back as a generated {@code bigint};
 *   <li>a {@code timestamptz(p)} column is declared, so reads back as, {@code timestamp(p)}, and a
 *       {@code uuid} column as {@code blob}, as Hibernate's SQLite dialect declares them
 *       ({@link SqliteTypes#stored});
 *   <li>a sequence is a table that keeps no start or increment: both read back as 1;
 *   <li>a foreign key references a table of its own schema;
 *   <li>constraints and indexes in name order.
 * </ul>
 */
final class SqliteSchemas {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private SqliteSchemas() {}

  static Schema stored(Schema model) {
    List<Table> tables = model.tables().values().stream().map(SqliteSchemas::table).toList();
    List<Sequence> sequences = model.sequences().values().stream()
        .map(s -> new Sequence(tableName(s.name()), 1, 1)).toList();
    return Schema.of(tables, sequences);
  }

  /** A name as SQLite reports it (without quotes), in the model's spelling. */
  static String name(String raw) {
    return PLAIN.matcher(raw).matches() ? raw : "\"" + raw + "\"";
  }

  static Comparator<String> byKey() {
    return Comparator.comparing(Identifiers::key);
  }

  private static String plain(String name) {
    return name(Identifiers.unquoted(name));
  }

  private static List<String> plain(List<String> names) {
    return names.stream().map(SqliteSchemas::plain).toList();
  }

  private static TableName tableName(TableName name) {
    return new TableName(name.schema() == null ? null : plain(name.schema()), plain(name.name()));
  }

  private static Table table(Table table) {
    PrimaryKey key = table.primaryKey() == null ? null : new PrimaryKey(plain(table.primaryKey().columns()));
    List<Column> columns = table.columns().stream().map(c -> column(c, key)).toList();
    List<ForeignKey> foreignKeys = table.foreignKeys().stream()
        .map(fk -> new ForeignKey(plain(fk.name()), plain(fk.columns()),
            TableName.of(plain(fk.referencedTable().name())), plain(fk.referencedColumns())))
        .sorted(Comparator.comparing(ForeignKey::name, byKey())).toList();
    List<Index> indexes = table.indexes().stream()
        .map(ix -> new Index(plain(ix.name()), plain(ix.columns()), ix.unique()))
        .sorted(Comparator.comparing(Index::name, byKey())).toList();
    List<Unique> uniques = table.uniques().stream()
        .map(uq -> new Unique(plain(uq.name()), plain(uq.columns())))
        .sorted(Comparator.comparing(Unique::name, byKey())).toList();
    return new Table(tableName(table.name()), columns, key, foreignKeys, indexes, uniques);
  }

  private static Column column(Column column, PrimaryKey key) {
    String name = plain(column.name());
    boolean rowid = key != null && key.columns().size() == 1 && Identifiers.same(key.columns().get(0), name)
        && (column.identity() || column.type().kind() == ColumnType.Kind.INTEGER);
    return rowid ? rowid(name)
        : new Column(name, SqliteTypes.stored(column.type()), column.nullable(), column.defaultValue(), false);
  }

  /** SQLite's rowid alias: a generated 64-bit integer key. */
  static Column rowid(String name) {
    return new Column(name, ColumnType.of(ColumnType.Kind.BIGINT), false, null, true);
  }
}
