package io.schemagov.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A table: columns in order, an optional primary key, and its constraints and indexes. Every
 * constraint names only columns of this table; every name appears once.
 */
public record Table(TableName name, List<Column> columns, PrimaryKey primaryKey,
    List<ForeignKey> foreignKeys, List<Index> indexes, List<Unique> uniques) {

  public Table {
    if (name == null) {
      throw new InvalidSchemaException("table is missing a name");
    }
    columns = List.copyOf(columns);
    foreignKeys = List.copyOf(foreignKeys == null ? List.of() : foreignKeys);
    indexes = List.copyOf(indexes == null ? List.of() : indexes);
    uniques = List.copyOf(uniques == null ? List.of() : uniques);
    if (columns.isEmpty()) {
      throw new InvalidSchemaException("table " + name + " has no columns");
    }
    Set<String> seen = new HashSet<>();
    for (Column column : columns) {
      if (!seen.add(Identifiers.key(column.name()))) {
        throw new InvalidSchemaException("table " + name + " has column " + column.name() + " twice");
      }
    }
    TableName table = name;
    Function<List<String>, String> missing = cols -> cols.stream()
        .filter(c -> !seen.contains(Identifiers.key(c))).findFirst().orElse(null);
    if (primaryKey != null && missing.apply(primaryKey.columns()) != null) {
      throw new InvalidSchemaException("primary key of table " + table + " names missing column "
          + missing.apply(primaryKey.columns()));
    }
    Set<String> constraintNames = new HashSet<>();
    foreignKeys.forEach(fk -> checkConstraint(table, "foreign key", fk.name(), fk.columns(), missing, constraintNames));
    indexes.forEach(ix -> checkConstraint(table, "index", ix.name(), ix.columns(), missing, constraintNames));
    uniques.forEach(uq -> checkConstraint(table, "unique constraint", uq.name(), uq.columns(), missing, constraintNames));
  }

  private static void checkConstraint(TableName table, String what, String name, List<String> columns,
      Function<List<String>, String> missing, Set<String> names) {
    if (!names.add(Identifiers.key(name))) {
      throw new InvalidSchemaException("table " + table + " has two constraints or indexes named " + name);
    }
    String absent = missing.apply(columns);
    if (absent != null) {
      throw new InvalidSchemaException(what + " " + name + " of table " + table
          + " names column " + absent + ", which the table does not have");
    }
  }

  public static Table of(TableName name, List<Column> columns, PrimaryKey primaryKey) {
    return new Table(name, columns, primaryKey, List.of(), List.of(), List.of());
  }

  public Optional<Column> column(String columnName) {
    return columns.stream().filter(c -> Identifiers.same(c.name(), columnName)).findFirst();
  }

  public Optional<ForeignKey> foreignKey(String fkName) {
    return foreignKeys.stream().filter(f -> Identifiers.same(f.name(), fkName)).findFirst();
  }

  public Optional<Index> index(String indexName) {
    return indexes.stream().filter(i -> Identifiers.same(i.name(), indexName)).findFirst();
  }

  public Optional<Unique> unique(String uniqueName) {
    return uniques.stream().filter(u -> Identifiers.same(u.name(), uniqueName)).findFirst();
  }

  /** Whether the primary key, a foreign key, an index or a unique constraint uses {@code column}. */
  public Optional<String> constraintUsing(String column) {
    if (primaryKey != null && primaryKey.columns().stream().anyMatch(c -> Identifiers.same(c, column))) {
      return Optional.of("the primary key");
    }
    for (ForeignKey fk : foreignKeys) {
      if (fk.columns().stream().anyMatch(c -> Identifiers.same(c, column))) {
        return Optional.of("foreign key " + fk.name());
      }
    }
    for (Index ix : indexes) {
      if (ix.columns().stream().anyMatch(c -> Identifiers.same(c, column))) {
        return Optional.of("index " + ix.name());
      }
    }
    for (Unique uq : uniques) {
      if (uq.columns().stream().anyMatch(c -> Identifiers.same(c, column))) {
        return Optional.of("unique constraint " + uq.name());
      }
    }
    return Optional.empty();
  }

  public Table withName(TableName newName) {
    return new Table(newName, columns, primaryKey, foreignKeys, indexes, uniques);
  }

  public Table withColumns(List<Column> newColumns) {
    return new Table(name, newColumns, primaryKey, foreignKeys, indexes, uniques);
  }

  public Table withPrimaryKey(PrimaryKey newPrimaryKey) {
    return new Table(name, columns, newPrimaryKey, foreignKeys, indexes, uniques);
  }

  public Table withForeignKeys(List<ForeignKey> newForeignKeys) {
    return new Table(name, columns, primaryKey, newForeignKeys, indexes, uniques);
  }

  public Table withIndexes(List<Index> newIndexes) {
    return new Table(name, columns, primaryKey, foreignKeys, newIndexes, uniques);
  }

  public Table withUniques(List<Unique> newUniques) {
    return new Table(name, columns, primaryKey, foreignKeys, indexes, newUniques);
  }

  public Table withColumnAdded(Column column) {
    List<Column> next = new ArrayList<>(columns);
    next.add(column);
    return withColumns(next);
  }

  /** Replaces the column named {@code columnName} (keeping its position). */
  public Table withColumnReplaced(String columnName, Column replacement) {
    return withColumns(columns.stream()
        .map(c -> Identifiers.same(c.name(), columnName) ? replacement : c).toList());
  }

  public Table withColumnRemoved(String columnName) {
    return withColumns(columns.stream().filter(c -> !Identifiers.same(c.name(), columnName)).toList());
  }

  /** Renames a column everywhere this table names it: the column, its key, constraints and indexes. */
  public Table withColumnRenamed(String from, String to) {
    UnaryOperator<List<String>> rename = cols -> cols.stream()
        .map(c -> Identifiers.same(c, from) ? to : c).toList();
    return new Table(name,
        columns.stream().map(c -> Identifiers.same(c.name(), from) ? c.withName(to) : c).toList(),
        primaryKey == null ? null : new PrimaryKey(rename.apply(primaryKey.columns())),
        foreignKeys.stream().map(fk -> new ForeignKey(fk.name(), rename.apply(fk.columns()),
            fk.referencedTable(), fk.referencedColumns())).toList(),
        indexes.stream().map(ix -> new Index(ix.name(), rename.apply(ix.columns()), ix.unique())).toList(),
        uniques.stream().map(uq -> new Unique(uq.name(), rename.apply(uq.columns()))).toList());
  }
}
