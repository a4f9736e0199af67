package io.schemagov.revision;

import io.schemagov.schema.Identifiers;
import io.schemagov.schema.Index;
import io.schemagov.schema.Schema;
import io.schemagov.schema.Table;
import io.schemagov.schema.TableName;

/** Drops an index. */
public record DropIndex(TableName table, String name) implements Op {
  @Override
  public Schema apply(Schema before) {
    Table existing = States.table(before, table);
    index(existing);
    return before.withTable(existing.withIndexes(existing.indexes().stream()
        .filter(ix -> !Identifiers.same(ix.name(), name)).toList()));
  }

  @Override
  public Op inverse(Schema before) {
    return new CreateIndex(table, index(States.table(before, table)));
  }

  private Index index(Table existing) {
    return existing.index(name).orElseThrow(() -> new InvalidOpException(
        "index " + name + " does not exist on table " + table));
  }

  @Override
  public String describe() {
    return "drop index " + name + " on " + table;
  }
}
