package io.schemagov.revision;

import io.schemagov.schema.Index;
import io.schemagov.schema.Schema;
import io.schemagov.schema.Table;
import io.schemagov.schema.TableName;
import java.util.ArrayList;
import java.util.List;

/** Creates an index (unique or not) on a table. */
public record CreateIndex(TableName table, Index index) implements Op {
  @Override
  public Schema apply(Schema before) {
    Table existing = States.table(before, table);
    States.requireIndexNameFree(before, index.name());
    List<Index> next = new ArrayList<>(existing.indexes());
    next.add(index);
    return before.withTable(existing.withIndexes(next));
  }

  @Override
  public Op inverse(Schema before) {
    return new DropIndex(table, index.name());
  }

  @Override
  public String describe() {
    return "create index " + index.name() + " on " + table;
  }
}
