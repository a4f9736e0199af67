package io.schemagov.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Tables in the order their DDL can run: every table after the tables its foreign keys reference.
 *
 * <p>{@code tables} holds each table without its {@code deferred} foreign keys: those close a cycle
 * (two tables that reference each other, or longer loops) and must be added once all tables exist.
 * A self-reference closes no cycle a {@code CREATE TABLE} cannot handle, so it stays in its table; a
 * reference to a table outside the collection (an external one) does not constrain the order.
 *
 * <p>Deterministic: a depth-first walk over the tables sorted by key, following each table's foreign
 * keys in their declared order, so unrelated tables come out sorted by name and a table comes right
 * after the tables it needs. Linear in tables plus foreign keys after the sort; iterative, so a
 * chain of 20,000 references cannot overflow the stack.
 */
public record ForeignKeyOrder(List<Table> tables, List<Deferred> deferred) {

  /** A foreign key of {@code table} to add after every table exists. */
  public record Deferred(TableName table, ForeignKey foreignKey) {}

  public ForeignKeyOrder {
    tables = List.copyOf(tables);
    deferred = List.copyOf(deferred);
  }

  public static ForeignKeyOrder order(Collection<Table> tables) {
    TreeMap<String, Table> byKey = new TreeMap<>();
    for (Table table : tables) {
      if (byKey.put(table.name().key(), table) != null) {
        throw new InvalidSchemaException("table " + table.name() + " is listed twice");
      }
    }
    List<Table> sorted = new ArrayList<>(byKey.values());
    Map<String, Integer> indexOf = new HashMap<>();
    for (String key : byKey.keySet()) {
      indexOf.put(key, indexOf.size());
    }
    Walk walk = new Walk(sorted, indexOf);
    for (int root = 0; root < sorted.size(); root++) {
      walk.from(root);
    }
    return walk.result();
  }

  /** The depth-first walk; a foreign key into a table still on the path closes a cycle. */
  private static final class Walk {
    private static final byte NEW = 0;
    private static final byte ON_PATH = 1;
    private static final byte DONE = 2;

    private final List<Table> sorted;
    private final Map<String, Integer> indexOf;
    private final byte[] state;
    private final List<Table> emitted = new ArrayList<>();
    private final List<Deferred> deferred = new ArrayList<>();
    private final Map<Integer, Set<ForeignKey>> deferredOf = new HashMap<>();

    Walk(List<Table> sorted, Map<String, Integer> indexOf) {
      this.sorted = sorted;
      this.indexOf = indexOf;
      this.state = new byte[sorted.size()];
    }

    void from(int root) {
      if (state[root] != NEW) {
        return;
      }
      // Each frame is {table, index of its next foreign key}.
      List<int[]> path = new ArrayList<>();
      path.add(new int[] {root, 0});
      state[root] = ON_PATH;
      while (!path.isEmpty()) {
        int[] frame = path.get(path.size() - 1);
        Table table = sorted.get(frame[0]);
        if (frame[1] == table.foreignKeys().size()) {
          path.remove(path.size() - 1);
          state[frame[0]] = DONE;
          emitted.add(withoutDeferred(frame[0], table));
          continue;
        }
        ForeignKey fk = table.foreignKeys().get(frame[1]++);
        Integer target = indexOf.get(fk.referencedTable().key());
        if (target == null || target == frame[0]) {
          continue;
        }
        if (state[target] == NEW) {
          state[target] = ON_PATH;
          path.add(new int[] {target, 0});
        } else if (state[target] == ON_PATH) {
          deferred.add(new Deferred(table.name(), fk));
          deferredOf.computeIfAbsent(frame[0], k -> new HashSet<>()).add(fk);
        }
      }
    }

    private Table withoutDeferred(int index, Table table) {
      Set<ForeignKey> late = deferredOf.get(index);
      return late == null ? table
          : table.withForeignKeys(table.foreignKeys().stream().filter(fk -> !late.contains(fk)).toList());
    }

    ForeignKeyOrder result() {
      return new ForeignKeyOrder(emitted, deferred);
    }
  }
}
