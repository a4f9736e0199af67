package io.schemagov.revision;

import io.schemagov.schema.Schema;
import io.schemagov.schema.Table;
import io.schemagov.schema.TableName;
import io.schemagov.schema.Unique;
import java.util.ArrayList;
import java.util.List;

/** Adds a unique constraint to a table. */
public record AddUnique(TableName table, Unique unique) implements Op {
  @Override
  public Schema apply(Schema before) {
    Table existing = States.table(before, table);
    States.requireIndexNameFree(before, unique.name());
    List<Unique> next = new ArrayList<>(existing.uniques());
    next.add(unique);
    return before.withTable(existing.withUniques(next));
  }

  @Override
  public Op inverse(Schema before) {
    return new DropUnique(table, unique.name());
  }

  @Override
  public String describe() {
    return "add unique " + unique.name() + " on " + table;
  }
}
