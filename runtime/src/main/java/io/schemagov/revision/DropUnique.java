package io.schemagov.revision;

import io.schemagov.schema.Identifiers;
import io.schemagov.schema.Schema;
import io.schemagov.schema.Table;
import io.schemagov.schema.TableName;
import io.schemagov.schema.Unique;

/** Drops a unique constraint. */
public record DropUnique(TableName table, String name) implements Op {
  @Override
  public Schema apply(Schema before) {
    Table existing = States.table(before, table);
    unique(existing);
    return before.withTable(existing.withUniques(existing.uniques().stream()
        .filter(uq -> !Identifiers.same(uq.name(), name)).toList()));
  }

  @Override
  public Op inverse(Schema before) {
    return new AddUnique(table, unique(States.table(before, table)));
  }

  private Unique unique(Table existing) {
    return existing.unique(name).orElseThrow(() -> new InvalidOpException(
        "unique constraint " + name + " does not exist on table " + table));
  }

  @Override
  public String describe() {
    return "drop unique " + name + " on " + table;
  }
}
