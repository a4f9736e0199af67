package io.schemagov.revision;

import io.schemagov.schema.Column;
import io.schemagov.schema.Schema;
import io.schemagov.schema.Table;
import io.schemagov.schema.TableName;
import java.util.Optional;

/**
 * Changes a column's type, nullability or default to {@code column}'s definition (same name).
 * Narrowing a type or length can cut values, so a revision must acknowledge it; widening needs nothing.
 */
public record AlterColumn(TableName table, Column column, boolean acknowledgeDataLoss) implements Op {
  @Override
  public Schema apply(Schema before) {
    Table existing = States.table(before, table);
    Column current = States.column(existing, column.name());
    if (current.sameDefinition(column)) {
      throw new InvalidOpException("alter column " + table + "." + column.name()
          + " changes nothing; remove the op");
    }
    return before.withTable(existing.withColumnReplaced(column.name(), column.withName(current.name())));
  }

  @Override
  public Op inverse(Schema before) {
    return new AlterColumn(table, States.column(States.table(before, table), column.name()), true);
  }

  @Override
  public Optional<String> dataLoss(Schema before) {
    Column current = States.column(States.table(before, table), column.name());
    if (column.type().holdsAllOf(current.type())) {
      return Optional.empty();
    }
    return Optional.of("narrows column " + table + "." + column.name() + " from " + current.type()
        + " to " + column.type() + ", which can cut or reject existing values");
  }

  @Override
  public boolean dataLossAcknowledged() {
    return acknowledgeDataLoss;
  }

  @Override
  public String describe() {
    return "alter column " + table + "." + column.name();
  }
}
