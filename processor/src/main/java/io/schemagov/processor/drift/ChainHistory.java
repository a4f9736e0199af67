package io.schemagov.processor.drift;

import io.schemagov.revision.Chain;
import io.schemagov.revision.Renames;
import io.schemagov.revision.Revision;
import io.schemagov.revision.Step;
import io.schemagov.schema.Column;
import io.schemagov.schema.Identifiers;
import io.schemagov.schema.Schema;
import io.schemagov.schema.Table;
import io.schemagov.schema.TableName;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/**
 * Every table and column the chain ever had, in any state between its ops, keyed as the database
 * compares names. A {@code @RenamedFrom} is checked against this history, not the head alone: the
 * planner takes a rename whose new name exists as already done, so a misspelt old name would
 * otherwise pass unnoticed.
 */
final class ChainHistory {
  private final Set<String> tables = new HashSet<>();
  private final Set<String> columns = new HashSet<>();

  private ChainHistory() {}

  static ChainHistory of(Chain chain) {
    ChainHistory history = new ChainHistory();
    // States repeat (an op that leaves a table alone shares it), so each table object is read once.
    Set<Table> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Revision revision : chain.revisions()) {
      for (Step step : chain.upgradeSteps(revision.id())) {
        history.add(step.before(), seen);
      }
    }
    history.add(chain.replay(), seen);
    return history;
  }

  private void add(Schema state, Set<Table> seen) {
    for (Table table : state.tables().values()) {
      if (seen.add(table)) {
        tables.add(table.name().key());
        for (Column column : table.columns()) {
          columns.add(column(table.name(), column.name()));
        }
      }
    }
  }

  /** Why the chain cannot have been the source of {@code rename}; empty when it can. */
  Optional<String> unknown(Renames.Rename rename, Renames declared) {
    if (rename instanceof Renames.TableRename table) {
      return tables.contains(table.from().key()) ? Optional.empty() : Optional.of("table " + table.from());
    }
    Renames.ColumnRename column = (Renames.ColumnRename) rename;
    if (columns.contains(column(column.table(), column.from()))) {
      return Optional.empty();
    }
    for (Renames.TableRename table : declared.tables()) {
      if (table.to().same(column.table()) && columns.contains(column(table.from(), column.from()))) {
        return Optional.empty();
      }
    }
    return Optional.of("column " + column.table() + "." + column.from());
  }

  private static String column(TableName table, String column) {
    return table.key() + "." + Identifiers.key(column);
  }
}
