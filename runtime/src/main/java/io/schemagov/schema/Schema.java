package io.schemagov.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * A database schema: tables and sequences, keyed by {@link TableName#key()} so that lookups match
 * names the way the database does. Immutable; every change returns a new schema.
 */
public record Schema(SortedMap<String, Table> tables, SortedMap<String, Sequence> sequences) {

  public static final Schema EMPTY = new Schema(new TreeMap<>(), new TreeMap<>());

  public Schema {
    tables = Collections.unmodifiableSortedMap(new TreeMap<>(tables));
    sequences = Collections.unmodifiableSortedMap(new TreeMap<>(sequences));
    tables.forEach((key, table) -> {
      if (!key.equals(table.name().key())) {
        throw new InvalidSchemaException("table " + table.name() + " is filed under key " + key);
      }
    });
  }

  public static Schema of(List<Table> tables, List<Sequence> sequences) {
    TreeMap<String, Table> byKey = new TreeMap<>();
    for (Table table : tables) {
      if (byKey.put(table.name().key(), table) != null) {
        throw new InvalidSchemaException("schema has table " + table.name() + " twice");
      }
    }
    TreeMap<String, Sequence> seqs = new TreeMap<>();
    for (Sequence sequence : sequences) {
      if (seqs.put(sequence.name().key(), sequence) != null) {
        throw new InvalidSchemaException("schema has sequence " + sequence.name() + " twice");
      }
    }
    return new Schema(byKey, seqs);
  }

  public Optional<Table> table(TableName name) {
    return Optional.ofNullable(tables.get(name.key()));
  }

  public Optional<Sequence> sequence(TableName name) {
    return Optional.ofNullable(sequences.get(name.key()));
  }

  public List<Table> tableList() {
    return List.copyOf(tables.values());
  }

  public Schema withTable(Table table) {
    TreeMap<String, Table> next = new TreeMap<>(tables);
    next.put(table.name().key(), table);
    return new Schema(next, sequences);
  }

  public Schema withoutTable(TableName name) {
    TreeMap<String, Table> next = new TreeMap<>(tables);
    next.remove(name.key());
    return new Schema(next, sequences);
  }

  public Schema withSequence(Sequence sequence) {
    TreeMap<String, Sequence> next = new TreeMap<>(sequences);
    next.put(sequence.name().key(), sequence);
    return new Schema(tables, next);
  }

  public Schema withoutSequence(TableName name) {
    TreeMap<String, Sequence> next = new TreeMap<>(sequences);
    next.remove(name.key());
    return new Schema(tables, next);
  }

  /** Applies {@code change} to every table (used to follow a renamed table or column in foreign keys). */
  public Schema mapTables(UnaryOperator<Table> change) {
    List<Table> next = new ArrayList<>();
    tables.values().forEach(t -> next.add(change.apply(t)));
    return of(next, List.copyOf(sequences.values()));
  }

  /** Foreign keys of other tables that reference {@code table}, as "table.fk" descriptions. */
  public List<String> referencesTo(TableName table) {
    List<String> found = new ArrayList<>();
    for (Table t : tables.values()) {
      if (t.name().same(table)) {
        continue;
      }
      t.foreignKeys().stream().filter(fk -> fk.referencedTable().same(table))
          .forEach(fk -> found.add(t.name() + "." + fk.name()));
    }
    return found;
  }
}
