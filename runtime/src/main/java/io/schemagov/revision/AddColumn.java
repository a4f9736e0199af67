package io.schemagov.revision;

import io.schemagov.schema.Column;
import io.schemagov.schema.Schema;
import io.schemagov.schema.Table;
import io.schemagov.schema.TableName;

/** Adds a column at the end of a table. */
public record AddColumn(TableName table, Column column) implements Op {
  @Override
  public Schema apply(Schema before) {
    Table existing = States.table(before, table);
    if (existing.column(column.name()).isPresent()) {
      throw new InvalidOpException("column " + table + "." + column.name() + " already exists");
    }
    return before.withTable(existing.withColumnAdded(column));
  }

  @Override
  public Op inverse(Schema before) {
    return new DropColumn(table, column.name(), true);
  }

  @Override
  public String describe() {
    return "add column " + table + "." + column.name();
  }
}
