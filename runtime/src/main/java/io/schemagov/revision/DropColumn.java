package io.schemagov.revision;

import io.schemagov.schema.Schema;
import io.schemagov.schema.Table;
import io.schemagov.schema.TableName;
import java.util.List;
import java.util.Optional;

/**
 * Drops a column and its values; a revision must acknowledge that. Constraints and indexes on the
 * column are dropped by their own ops first, so the inverse can restore exactly what was there.
 */
public record DropColumn(TableName table, String column, boolean acknowledgeDataLoss) implements Op {
  @Override
  public Schema apply(Schema before) {
    Table existing = States.table(before, table);
    States.column(existing, column);
    existing.constraintUsing(column).ifPresent(constraint -> {
      throw new InvalidOpException("column " + table + "." + column + " is used by " + constraint
          + "; drop it in an earlier op of the revision");
    });
    List<String> references = States.referencesToColumn(before, table, column);
    if (!references.isEmpty()) {
      throw new InvalidOpException("column " + table + "." + column
          + " is referenced by foreign key(s) " + references + "; drop those first");
    }
    if (existing.columns().size() == 1) {
      throw new InvalidOpException("column " + table + "." + column
          + " is the table's only column; drop the table instead");
    }
    return before.withTable(existing.withColumnRemoved(column));
  }

  @Override
  public Op inverse(Schema before) {
    return new AddColumn(table, States.column(States.table(before, table), column));
  }

  @Override
  public Optional<String> dataLoss(Schema before) {
    return Optional.of("drops column " + table + "." + column + " and its values");
  }

  @Override
  public boolean dataLossAcknowledged() {
    return acknowledgeDataLoss;
  }

  @Override
  public String describe() {
    return "drop column " + table + "." + column;
  }
}
