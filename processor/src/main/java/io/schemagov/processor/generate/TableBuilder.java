package io.schemagov.processor.generate;

import io.schemagov.schema.Column;
import io.schemagov.schema.ForeignKey;
import io.schemagov.schema.Identifiers;
import io.schemagov.schema.Index;
import io.schemagov.schema.PrimaryKey;
import io.schemagov.schema.Table;
import io.schemagov.schema.TableName;
import io.schemagov.schema.Unique;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects one table's parts while the entities are read. A column mapped twice (a foreign key also
 * mapped as a read-only basic attribute, or two SINGLE_TABLE subclasses sharing a column) is one
 * database column: the first mapping wins. A constraint whose name is already taken is skipped.
 */
final class TableBuilder {
  final TableName name;
  private final Map<String, Column> columns = new LinkedHashMap<>();
  private final List<ForeignKey> foreignKeys = new ArrayList<>();
  private final List<Index> indexes = new ArrayList<>();
  private final List<Unique> uniques = new ArrayList<>();
  private final Set<String> constraintNames = new HashSet<>();
  private PrimaryKey primaryKey;

  TableBuilder(TableName name) {
    this.name = name;
  }

  void column(Column column) {
    columns.putIfAbsent(Identifiers.key(column.name()), column);
  }

  boolean hasColumn(String column) {
    return columns.containsKey(Identifiers.key(column));
  }

  void primaryKey(List<String> columnNames) {
    if (primaryKey == null && !columnNames.isEmpty()) {
      primaryKey = new PrimaryKey(columnNames);
    }
  }

  void foreignKey(ForeignKey fk) {
    if (constraintNames.add(Identifiers.key(fk.name()))) {
      foreignKeys.add(fk);
    }
  }

  void index(Index index) {
    if (constraintNames.add(Identifiers.key(index.name()))) {
      indexes.add(index);
    }
  }

  void unique(Unique unique) {
    if (constraintNames.add(Identifiers.key(unique.name()))) {
      uniques.add(unique);
    }
  }

  /** The table; throws {@link io.schemagov.schema.InvalidSchemaException} when the parts disagree. */
  Table build() {
    return new Table(name, List.copyOf(columns.values()), primaryKey, foreignKeys, indexes, uniques);
  }
}
