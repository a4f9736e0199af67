package io.schemagov.migrate;

import io.schemagov.revision.AddForeignKey;
import io.schemagov.revision.CreateSequence;
import io.schemagov.revision.CreateTable;
import io.schemagov.revision.EntitySchemaFile;
import io.schemagov.revision.Op;
import io.schemagov.revision.Step;
import io.schemagov.schema.ForeignKey;
import io.schemagov.schema.ForeignKeyOrder;
import io.schemagov.schema.Schema;
import io.schemagov.schema.Sequence;
import io.schemagov.schema.Table;
import io.schemagov.schema.TableName;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ORM-managed tables (and sequences) a baseline creates from the entity schema, and those it
 * leaves because the live database has them (policy rule 3: guarded by looking at the live tables).
 *
 * @param tables the tables to create, each with all its foreign keys, sorted by key
 * @param sequences the sequences to create
 * @param existing the ORM-managed tables considered that the database already has
 */
record BaselinePlan(List<Table> tables, List<Sequence> sequences, List<TableName> existing) {
  BaselinePlan {
    tables = List.copyOf(tables);
    sequences = List.copyOf(sequences);
    existing = List.copyOf(existing);
  }

  /** Every ORM-managed table and every sequence no revision creates, less what {@code live} has. */
  static BaselinePlan all(EntitySchemaFile entities, Schema chainSequences, Schema live) {
    List<Table> create = new ArrayList<>();
    List<TableName> existing = new ArrayList<>();
    for (Table table : entities.ormManagedTables()) {
      if (live.table(table.name()).isPresent()) {
        existing.add(table.name());
      } else {
        create.add(table);
      }
    }
    List<Sequence> sequences = entities.schema().sequences().values().stream()
        .filter(s -> chainSequences.sequence(s.name()).isEmpty() && live.sequence(s.name()).isEmpty()).toList();
    return new BaselinePlan(create, sequences, existing);
  }

  /**
   * The ORM-managed tables among {@code roots} that {@code live} lacks, and transitively the
   * ORM-managed tables they reference that it lacks too.
   */
  static BaselinePlan referenced(EntitySchemaFile entities, Collection<TableName> roots, Schema live) {
    Map<String, Table> orm = new LinkedHashMap<>();
    entities.ormManagedTables().forEach(table -> orm.put(table.name().key(), table));
    TreeMap<String, Table> create = new TreeMap<>();
    TreeMap<String, TableName> existing = new TreeMap<>();
    Deque<TableName> pending = new ArrayDeque<>(roots);
    while (!pending.isEmpty()) {
      TableName name = pending.pop();
      Table table = orm.get(name.key());
      if (table == null || create.containsKey(name.key()) || existing.containsKey(name.key())) {
        continue;
      }
      if (live.table(name).isPresent()) {
        existing.put(name.key(), table.name());
        continue;
      }
      create.put(name.key(), table);
      table.foreignKeys().forEach(fk -> pending.add(fk.referencedTable()));
    }
    return new BaselinePlan(List.copyOf(create.values()), List.of(), List.copyOf(existing.values()));
  }

  boolean isEmpty() {
    return tables.isEmpty() && sequences.isEmpty();
  }

  /** The tables to create, in the order they are created. */
  List<TableName> created() {
    return ForeignKeyOrder.order(tables).tables().stream().map(Table::name).toList();
  }

  /**
   * Foreign keys of the tables to create whose target neither the plan nor {@code live} has, as
   * {@code table -> target}: a database that checks targets at DDL time refuses them.
   */
  List<String> unresolved(Schema live) {
    List<String> found = new ArrayList<>();
    for (Table table : tables) {
      for (ForeignKey fk : table.foreignKeys()) {
        TableName target = fk.referencedTable();
        boolean planned = tables.stream().anyMatch(t -> t.name().same(target));
        if (!planned && live.table(target).isEmpty()) {
          found.add(table.name() + " -> " + target);
        }
      }
    }
    return found;
  }

  /**
   * The steps that create the plan on {@code live}: sequences, then the tables in foreign-key order.
   * Where targets are checked at DDL time, the foreign keys that close a cycle are added after every
   * table exists; elsewhere each table is created whole, in the same order.
   */
  List<Step> steps(Schema live, boolean enforcesForeignKeysAtDdl) {
    ForeignKeyOrder order = ForeignKeyOrder.order(tables);
    List<Op> ops = new ArrayList<>();
    sequences.forEach(sequence -> ops.add(new CreateSequence(sequence)));
    for (Table table : order.tables()) {
      ops.add(new CreateTable(enforcesForeignKeysAtDdl ? table
          : tables.stream().filter(t -> t.name().same(table.name())).findFirst().orElseThrow()));
    }
    if (enforcesForeignKeysAtDdl) {
      order.deferred().forEach(late -> ops.add(new AddForeignKey(late.table(), late.foreignKey())));
    }
    List<Step> steps = new ArrayList<>();
    Schema state = live;
    for (Op op : ops) {
      Step step = new Step(op, state);
      steps.add(step);
      state = step.after();
    }
    return steps;
  }
}
