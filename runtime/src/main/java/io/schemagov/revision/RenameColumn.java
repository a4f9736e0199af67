package io.schemagov.revision;

import io.schemagov.schema.ForeignKey;
import io.schemagov.schema.Identifiers;
import io.schemagov.schema.Schema;
import io.schemagov.schema.Table;
import io.schemagov.schema.TableName;

/** Renames a column in place (values kept); its key, constraints, indexes and references follow. */
public record RenameColumn(TableName table, String column, String to) implements Op {
  public RenameColumn {
    Identifiers.require(to, "new column");
  }

  @Override
  public Schema apply(Schema before) {
    Table existing = States.table(before, table);
    States.column(existing, column);
    if (!Identifiers.same(column, to) && existing.column(to).isPresent()) {
      throw new InvalidOpException("column " + table + "." + to + " already exists");
    }
    return before.withTable(existing.withColumnRenamed(column, to))
        .mapTables(t -> t.withForeignKeys(t.foreignKeys().stream()
            .map(fk -> fk.referencedTable().same(table)
                ? new ForeignKey(fk.name(), fk.columns(), fk.referencedTable(),
                    fk.referencedColumns().stream()
                        .map(c -> Identifiers.same(c, column) ? to : c).toList())
                : fk)
            .toList()));
  }

  @Override
  public Op inverse(Schema before) {
    return new RenameColumn(table, to, States.column(States.table(before, table), column).name());
  }

  @Override
  public String describe() {
    return "rename column " + table + "." + column + " to " + to;
  }
}
