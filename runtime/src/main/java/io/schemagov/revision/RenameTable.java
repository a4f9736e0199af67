package io.schemagov.revision;

import io.schemagov.schema.ForeignKey;
import io.schemagov.schema.Identifiers;
import io.schemagov.schema.Schema;
import io.schemagov.schema.Table;
import io.schemagov.schema.TableName;

/** Renames a table in place (rows kept); foreign keys that reference it follow the new name. */
public record RenameTable(TableName table, String to) implements Op {
  public RenameTable {
    Identifiers.require(to, "new table");
  }

  @Override
  public Schema apply(Schema before) {
    Table existing = States.table(before, table);
    TableName renamed = table.withName(to);
    if (!renamed.same(table)) {
      States.requireAbsent(before, renamed);
    }
    return before.withoutTable(table).withTable(existing.withName(renamed))
        .mapTables(t -> t.withForeignKeys(t.foreignKeys().stream()
            .map(fk -> fk.referencedTable().same(table)
                ? new ForeignKey(fk.name(), fk.columns(), renamed, fk.referencedColumns()) : fk)
            .toList()));
  }

  @Override
  public Op inverse(Schema before) {
    return new RenameTable(table.withName(to), States.table(before, table).name().name());
  }

  @Override
  public String describe() {
    return "rename table " + table + " to " + to;
  }
}
