package io.schemagov.revision;

import io.schemagov.schema.Schema;
import io.schemagov.schema.TableName;
import java.util.List;
import java.util.Optional;

/** Drops a table and its rows; a revision must acknowledge that. */
public record DropTable(TableName table, boolean acknowledgeDataLoss) implements Op {
  @Override
  public Schema apply(Schema before) {
    States.table(before, table);
    List<String> references = before.referencesTo(table);
    if (!references.isEmpty()) {
      throw new InvalidOpException("table " + table + " is still referenced by foreign key(s) "
          + references + "; drop those first");
    }
    return before.withoutTable(table);
  }

  @Override
  public Op inverse(Schema before) {
    return new CreateTable(States.table(before, table));
  }

  @Override
  public Optional<String> dataLoss(Schema before) {
    return Optional.of("drops table " + table + " and all its rows");
  }

  @Override
  public boolean dataLossAcknowledged() {
    return acknowledgeDataLoss;
  }

  @Override
  public String describe() {
    return "drop table " + table;
  }
}
