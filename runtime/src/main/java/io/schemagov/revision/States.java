package io.schemagov.revision;

import io.schemagov.schema.Column;
import io.schemagov.schema.ForeignKey;
import io.schemagov.schema.Identifiers;
import io.schemagov.schema.Schema;
import io.schemagov.schema.Table;
import io.schemagov.schema.TableName;
import java.util.List;

/** Lookups that ops share, each failing with a message that says what is missing. */
final class States {
  private States() {}

  static Table table(Schema schema, TableName name) {
    return schema.table(name).orElseThrow(() -> new InvalidOpException(
        "table " + name + " does not exist at this point of the chain"));
  }

  static Column column(Table table, String name) {
    return table.column(name).orElseThrow(() -> new InvalidOpException(
        "column " + table.name() + "." + name + " does not exist at this point of the chain"));
  }

  static void requireAbsent(Schema schema, TableName name) {
    if (schema.table(name).isPresent()) {
      throw new InvalidOpException("table " + name + " already exists");
    }
  }

  /** Index and unique-constraint names are schema-wide objects on PostgreSQL and SQLite alike. */
  static void requireIndexNameFree(Schema schema, String name) {
    for (Table t : schema.tables().values()) {
      if (t.index(name).isPresent() || t.unique(name).isPresent()) {
        throw new InvalidOpException("an index or unique constraint named " + name
            + " already exists on table " + t.name() + "; choose another name");
      }
    }
  }

  /** A foreign key into a table of the chain must name existing columns of it; others are external. */
  static void requireTarget(Schema schema, Table owner, ForeignKey fk) {
    Table target = owner.name().same(fk.referencedTable()) ? owner
        : schema.table(fk.referencedTable()).orElse(null);
    if (target == null) {
      return;
    }
    for (String column : fk.referencedColumns()) {
      if (target.column(column).isEmpty()) {
        throw new InvalidOpException("foreign key " + fk.name() + " of table " + owner.name()
            + " references " + fk.referencedTable() + "." + column + ", which does not exist");
      }
    }
  }

  /** Descriptions of foreign keys that reference {@code table.column}, the table's own included. */
  static List<String> referencesToColumn(Schema schema, TableName table, String column) {
    return schema.tables().values().stream()
        .flatMap(t -> t.foreignKeys().stream()
            .filter(fk -> fk.referencedTable().same(table)
                && fk.referencedColumns().stream().anyMatch(c -> Identifiers.same(c, column)))
            .map(fk -> t.name() + "." + fk.name()))
        .toList();
  }
}
