package io.schemagov.schema;

import java.util.List;

/**
 * A foreign key constraint. A referenced table that the schema does not hold is an external
 * reference (typically an ORM-managed table): allowed, and created first by the baseline where the
 * database enforces foreign keys at DDL time.
 */
public record ForeignKey(String name, List<String> columns, TableName referencedTable,
    List<String> referencedColumns) {
  public ForeignKey {
    Identifiers.require(name, "foreign key");
    columns = Names.requireColumns(columns, "foreign key " + name);
    if (referencedTable == null) {
      throw new InvalidSchemaException("foreign key " + name + " names no referenced table");
    }
    referencedColumns = Names.requireColumns(referencedColumns, "foreign key " + name + " reference");
    if (columns.size() != referencedColumns.size()) {
      throw new InvalidSchemaException("foreign key " + name + " has " + columns.size()
          + " columns but references " + referencedColumns.size());
    }
  }
}
