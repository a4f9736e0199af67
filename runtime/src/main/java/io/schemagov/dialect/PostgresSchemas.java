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
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A model as PostgreSQL stores it, in the canonical form {@link PostgresIntrospector} reads back:
 * <ul>
 *   <li>names as the catalog holds them: a plain name folded to lower case, a quoted one kept, and
 *       a catalog name that needs no quotes written plain ({@code "order"} and {@code order} are one
 *       name);
 *   <li>types as {@link PostgresTypes#stored} says;
 *   <li>defaults as PostgreSQL prints them back: casts stripped, {@code true}/{@code false} in lower
 *       case, the {@code CURRENT_*} functions in upper case, {@code DEFAULT NULL} as no default;
 *   <li>constraints and indexes in name order.
 * </ul>
 */
final class PostgresSchemas {
  private static final Pattern CATALOG_PLAIN = Pattern.compile("[a-z_][a-z0-9_]*");
  private static final Pattern QUOTED_NUMBER = Pattern.compile("'(-?[0-9]+(?:\\.[0-9]+)?)'");
  private static final Pattern CAST = Pattern.compile("::[a-z ]+(?:\\([0-9, ]+\\))?(?: with(?:out)? time zone)?(?:\\[\\])?$");

  private PostgresSchemas() {}

  static Schema stored(Schema model) {
    List<Table> tables = model.tables().values().stream().map(PostgresSchemas::table).toList();
    List<Sequence> sequences = model.sequences().values().stream()
        .map(s -> new Sequence(tableName(s.name()), s.start(), s.increment())).toList();
    return Schema.of(tables, sequences);
  }

  /** A name as the catalog holds it, in the model's spelling. */
  static String name(String catalogName) {
    return CATALOG_PLAIN.matcher(catalogName).matches() ? catalogName : "\"" + catalogName + "\"";
  }

  /** A model name as the catalog will hold it. */
  static String canonical(String modelName) {
    return name(Identifiers.isQuoted(modelName) ? Identifiers.unquoted(modelName)
        : modelName.toLowerCase(Locale.ROOT));
  }

  /**
   * A default as the catalog prints it ({@code pg_get_expr}), back in the form a revision writes:
   * {@code 'open'::character varying} is {@code 'open'}, {@code '-1'::integer} is {@code -1},
   * {@code NULL::text} is no default.
   */
  static String defaultValue(String printed, ColumnType type) {
    if (printed == null) {
      return null;
    }
    String text = printed.strip();
    String uncast = CAST.matcher(text).replaceFirst("");
    while (!uncast.equals(text)) {
      text = uncast;
      uncast = CAST.matcher(text).replaceFirst("");
    }
    var number = QUOTED_NUMBER.matcher(text);
    if (number.matches() && numeric(type)) {
      text = number.group(1);
    }
    return text.equalsIgnoreCase("NULL") ? null : text;
  }

  static Comparator<String> byKey() {
    return Comparator.comparing(Identifiers::key);
  }

  private static boolean numeric(ColumnType type) {
    return switch (type.kind()) {
      case SMALLINT, INTEGER, BIGINT, REAL, DOUBLE, DECIMAL -> true;
      default -> false;
    };
  }

  private static String modelDefault(String value) {
    if (value == null) {
      return null;
    }
    String text = value.strip();
    String upper = text.toUpperCase(Locale.ROOT);
    return switch (upper) {
      case "NULL" -> null;
      case "TRUE", "FALSE" -> upper.toLowerCase(Locale.ROOT);
      case "CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_TIME", "LOCALTIME", "LOCALTIMESTAMP" -> upper;
      default -> text;
    };
  }

  private static List<String> canonical(List<String> names) {
    return names.stream().map(PostgresSchemas::canonical).toList();
  }

  private static TableName tableName(TableName name) {
    return new TableName(name.schema() == null ? null : canonical(name.schema()), canonical(name.name()));
  }

  private static Table table(Table table) {
    PrimaryKey key = table.primaryKey() == null ? null : new PrimaryKey(canonical(table.primaryKey().columns()));
    List<Column> columns = table.columns().stream()
        .map(c -> new Column(canonical(c.name()), PostgresTypes.stored(c.type()), c.nullable(),
            modelDefault(c.defaultValue()), c.identity()))
        .toList();
    List<ForeignKey> foreignKeys = table.foreignKeys().stream()
        .map(fk -> new ForeignKey(canonical(fk.name()), canonical(fk.columns()),
            tableName(fk.referencedTable()), canonical(fk.referencedColumns())))
        .sorted(Comparator.comparing(ForeignKey::name, byKey())).toList();
    List<Index> indexes = table.indexes().stream()
        .map(ix -> new Index(canonical(ix.name()), canonical(ix.columns()), ix.unique()))
        .sorted(Comparator.comparing(Index::name, byKey())).toList();
    List<Unique> uniques = table.uniques().stream()
        .map(uq -> new Unique(canonical(uq.name()), canonical(uq.columns())))
        .sorted(Comparator.comparing(Unique::name, byKey())).toList();
    return new Table(tableName(table.name()), columns, key, foreignKeys, indexes, uniques);
  }
}
