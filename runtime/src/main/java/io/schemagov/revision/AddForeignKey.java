package io.schemagov.revision;

import io.schemagov.schema.ForeignKey;
import io.schemagov.schema.Schema;
import io.schemagov.schema.Table;
import io.schemagov.schema.TableName;
import java.util.ArrayList;
import java.util.List;

/** Adds a foreign key constraint to a table. */
public record AddForeignKey(TableName table, ForeignKey foreignKey) implements Op {
  @Override
  public Schema apply(Schema before) {
    Table existing = States.table(before, table);
    if (existing.foreignKey(foreignKey.name()).isPresent()) {
      throw new InvalidOpException("foreign key " + foreignKey.name() + " already exists on table " + table);
    }
    List<ForeignKey> next = new ArrayList<>(existing.foreignKeys());
    next.add(foreignKey);
    Table changed = existing.withForeignKeys(next);
    States.requireTarget(before, changed, foreignKey);
    return before.withTable(changed);
  }

  @Override
  public Op inverse(Schema before) {
    return new DropForeignKey(table, foreignKey.name());
  }

  @Override
  public String describe() {
    return "add foreign key " + foreignKey.name() + " on " + table;
  }
}
