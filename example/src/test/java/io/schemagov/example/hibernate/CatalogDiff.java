package io.schemagov.example.hibernate;

import io.schemagov.example.hibernate.Difference.Aspect;
import io.schemagov.schema.Column;
import io.schemagov.schema.ForeignKey;
import io.schemagov.schema.Schema;
import io.schemagov.schema.Sequence;
import io.schemagov.schema.Table;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares Hibernate's schema with schemagov's, table by table and column by column: names, types,
 * nullability, identity, defaults, keys, uniques, indexes and sequences. Constraints are compared by
 * what they constrain, not by name: the names are deliberately ours (docs/entity-schema.md).
 * Columns are compared as sets, because Hibernate orders them by size (hibernate-ddl.md Q1).
 */
final class CatalogDiff {
  /** The migrator's own table, which Hibernate knows nothing about. */
  private static final String HISTORY = "schemagov_history";

  private final List<Difference> differences = new ArrayList<>();

  private CatalogDiff() {}

  static List<Difference> between(Schema hibernate, Schema schemagov) {
    CatalogDiff diff = new CatalogDiff();
    Map<String, Table> ours = byKey(schemagov.tableList(), t -> t.name().key());
    ours.remove(HISTORY);
    diff.tables(byKey(hibernate.tableList().stream().filter(t -> !helperTable(t)).toList(), t -> t.name().key()), ours);
    diff.sequences(hibernate.sequences().values(), schemagov.sequences().values());
    return List.copyOf(diff.differences);
  }

  /**
   * Hibernate's SQLite session creates HT_/HTE_ tables for its multi-table mutations at boot; they
   * are not part of the mapped schema (hibernate-ddl.md Q11).
   */
  private static boolean helperTable(Table table) {
    String name = table.name().name().toUpperCase(Locale.ROOT);
    return name.startsWith("HT_") || name.startsWith("HTE_");
  }

  private void tables(Map<String, Table> hibernate, Map<String, Table> schemagov) {
    for (String key : union(hibernate.keySet(), schemagov.keySet())) {
      Table h = hibernate.get(key);
      Table s = schemagov.get(key);
      if (h == null || s == null) {
        add(Aspect.TABLE, key, null, h == null ? null : "table", s == null ? null : "table");
      } else {
        columns(key, h, s);
        compare(Aspect.PRIMARY_KEY, key, null, primaryKey(h), primaryKey(s));
        constraints(Aspect.FOREIGN_KEY, key, foreignKeys(h), foreignKeys(s));
        constraints(Aspect.UNIQUE, key, lists(h.uniques().stream().map(u -> u.columns()).toList()),
            lists(s.uniques().stream().map(u -> u.columns()).toList()));
        constraints(Aspect.INDEX, key, indexes(h), indexes(s));
      }
    }
  }

  private void columns(String table, Table hibernate, Table schemagov) {
    Map<String, Column> h = byKey(hibernate.columns(), c -> lower(c.name()));
    Map<String, Column> s = byKey(schemagov.columns(), c -> lower(c.name()));
    for (String name : union(h.keySet(), s.keySet())) {
      Column hc = h.get(name);
      Column sc = s.get(name);
      if (hc == null || sc == null) {
        add(Aspect.COLUMN, table, name, hc == null ? null : hc.type().toString(), sc == null ? null : sc.type().toString());
      } else {
        compare(Aspect.TYPE, table, name, hc.type().toString(), sc.type().toString());
        compare(Aspect.NULLABLE, table, name, String.valueOf(hc.nullable()), String.valueOf(sc.nullable()));
        compare(Aspect.IDENTITY, table, name, String.valueOf(hc.identity()), String.valueOf(sc.identity()));
        compare(Aspect.DEFAULT, table, name, hc.defaultValue(), sc.defaultValue());
      }
    }
  }

  private void sequences(Collection<Sequence> hibernate, Collection<Sequence> schemagov) {
    Map<String, String> h = hibernate.stream().collect(Collectors.toMap(q -> q.name().key(), CatalogDiff::sequence));
    Map<String, String> s = schemagov.stream().collect(Collectors.toMap(q -> q.name().key(), CatalogDiff::sequence));
    for (String key : union(h.keySet(), s.keySet())) {
      compare(Aspect.SEQUENCE, key, null, h.get(key), s.get(key));
    }
  }

  private static String sequence(Sequence sequence) {
    return "start " + sequence.start() + " increment " + sequence.increment();
  }

  private void constraints(Aspect aspect, String table, Set<String> hibernate, Set<String> schemagov) {
    for (String constraint : union(hibernate, schemagov)) {
      if (!hibernate.contains(constraint) || !schemagov.contains(constraint)) {
        add(aspect, table, constraint, hibernate.contains(constraint) ? constraint : null,
            schemagov.contains(constraint) ? constraint : null);
      }
    }
  }

  private static String primaryKey(Table table) {
    return table.primaryKey() == null ? null : lower(String.join(", ", table.primaryKey().columns()));
  }

  private static Set<String> foreignKeys(Table table) {
    return table.foreignKeys().stream().map(CatalogDiff::foreignKey).collect(Collectors.toCollection(TreeSet::new));
  }

  private static String foreignKey(ForeignKey fk) {
    return lower("(" + String.join(", ", fk.columns()) + ") references " + fk.referencedTable().key() + " ("
        + String.join(", ", fk.referencedColumns()) + ")");
  }

  private static Set<String> indexes(Table table) {
    return table.indexes().stream().map(i -> (i.unique() ? "unique " : "") + "(" + lower(String.join(", ", i.columns())) + ")")
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** Column sets of unique constraints: the order of their columns does not change what they constrain. */
  private static Set<String> lists(List<List<String>> columnLists) {
    return columnLists.stream().map(columns -> "(" + columns.stream().map(CatalogDiff::lower).sorted()
        .collect(Collectors.joining(", ")) + ")").collect(Collectors.toCollection(TreeSet::new));
  }

  private void compare(Aspect aspect, String table, String subject, String hibernate, String schemagov) {
    if (!Objects.equals(hibernate, schemagov)) {
      add(aspect, table, subject, hibernate, schemagov);
    }
  }

  private void add(Aspect aspect, String table, String subject, String hibernate, String schemagov) {
    differences.add(new Difference(aspect, table, subject, hibernate, schemagov));
  }

  private static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
    return items.stream().collect(Collectors.toMap(key, Function.identity(), (a, b) -> a, TreeMap::new));
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new TreeSet<>(a);
    all.addAll(b);
    return all;
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
