package io.schemagov.processor.drift;

import io.schemagov.processor.jpa.TableModel;
import io.schemagov.schema.Identifiers;
import io.schemagov.schema.TableName;
import java.util.Optional;

/** The runtime's key of a mapped table, as the schema mapper names it (no catalog); empty when no identifier. */
final class TableKeys {
  private TableKeys() {}

  static Optional<String> of(TableModel table) {
    String schema = table.schema() == null ? null : table.schema().toString();
    String name = table.name().toString();
    if (!Identifiers.isValid(name) || schema != null && !Identifiers.isValid(schema)) {
      return Optional.empty();
    }
    return Optional.of(new TableName(schema, name).key());
  }
}
