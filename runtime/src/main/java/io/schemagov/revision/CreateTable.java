package io.schemagov.revision;

import io.schemagov.schema.Schema;
import io.schemagov.schema.Table;

/** Creates a table with its key, constraints and indexes. */
public record CreateTable(Table table) implements Op {
  public CreateTable {
    if (table == null) {
      throw new InvalidOpException("create_table needs a table");
    }
  }

  @Override
  public Schema apply(Schema before) {
    States.requireAbsent(before, table.name());
    table.indexes().forEach(ix -> States.requireIndexNameFree(before, ix.name()));
    table.uniques().forEach(uq -> States.requireIndexNameFree(before, uq.name()));
    table.foreignKeys().forEach(fk -> States.requireTarget(before, table, fk));
    return before.withTable(table);
  }

  @Override
  public Op inverse(Schema before) {
    return new DropTable(table.name(), true);
  }

  @Override
  public String describe() {
    return "create table " + table.name();
  }
}
