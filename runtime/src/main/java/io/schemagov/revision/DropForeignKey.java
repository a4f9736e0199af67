package io.schemagov.revision;

import io.schemagov.schema.ForeignKey;
import io.schemagov.schema.Identifiers;
import io.schemagov.schema.Schema;
import io.schemagov.schema.Table;
import io.schemagov.schema.TableName;

/** Drops a foreign key constraint. */
public record DropForeignKey(TableName table, String name) implements Op {
  @Override
  public Schema apply(Schema before) {
    Table existing = States.table(before, table);
    foreignKey(existing);
    return before.withTable(existing.withForeignKeys(existing.foreignKeys().stream()
        .filter(fk -> !Identifiers.same(fk.name(), name)).toList()));
  }

  @Override
  public Op inverse(Schema before) {
    return new AddForeignKey(table, foreignKey(States.table(before, table)));
  }

  private ForeignKey foreignKey(Table existing) {
    return existing.foreignKey(name).orElseThrow(() -> new InvalidOpException(
        "foreign key " + name + " does not exist on table " + table));
  }

  @Override
  public String describe() {
    return "drop foreign key " + name + " on " + table;
  }
}
