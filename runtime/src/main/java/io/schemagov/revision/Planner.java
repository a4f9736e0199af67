package io.schemagov.revision;

import io.schemagov.schema.Column;
import io.schemagov.schema.ForeignKey;
import io.schemagov.schema.ForeignKeyOrder;
import io.schemagov.schema.Identifiers;
import io.schemagov.schema.Index;
import io.schemagov.schema.PrimaryKey;
import io.schemagov.schema.Schema;
import io.schemagov.schema.Sequence;
import io.schemagov.schema.Table;
import io.schemagov.schema.TableName;
import io.schemagov.schema.Unique;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Plans the ops that bring one schema to another: the proposed next revision when the entities have
 * drifted from the chain. Applied in order to {@code from}, the ops give {@code to} (up to column
 * order and the spelling of names the database does not tell apart).
 *
 * <p>The ops run in phases, so each finds what it needs and nothing it would collide with: drop
 * foreign keys (gone, changed, or in the way of a table drop or a column type change); drop indexes
 * and uniques (gone, changed, or on a dropped table while the new schema reuses their name); rename
 * tables; rename columns; create tables in foreign-key order (foreign keys closing a cycle added right
 * after); add columns; alter columns; drop columns; drop tables, referencing ones first; create and
 * drop sequences; add indexes, uniques and foreign keys. Within a phase, tables come in key order and
 * columns in table order, so an unchanged input always gives the same plan. Destructive ops are
 * written unacknowledged: the developer acknowledges them in the file.
 *
 * <p>Every table and column is looked up by key, once: linear in the size of the two schemas.
 */
public final class Planner {
  private final Schema from;
  private final Schema to;
  private final PlanMatch match;

  private final List<Op> dropForeignKeys = new ArrayList<>();
  private final List<Op> dropIndexes = new ArrayList<>();
  private final List<Op> createTables = new ArrayList<>();
  private final List<Op> addColumns = new ArrayList<>();
  private final List<Op> alterColumns = new ArrayList<>();
  private final List<Op> dropColumns = new ArrayList<>();
  private final List<Op> dropTables = new ArrayList<>();
  private final List<Op> sequences = new ArrayList<>();
  private final List<Op> addIndexes = new ArrayList<>();
  private final List<Op> addForeignKeys = new ArrayList<>();
  private final List<String> differences = new ArrayList<>();
  private final List<String> unsupported = new ArrayList<>();
  /** New table key -> keys of its columns whose type changes: foreign keys on them must step aside. */
  private final Map<String, Set<String>> retyped = new HashMap<>();

  private Planner(Schema from, Schema to, PlanMatch match) {
    this.from = from;
    this.to = to;
    this.match = match;
  }

  public static Plan plan(Schema from, Schema to, Renames renames) {
    return new Planner(from, to, PlanMatch.of(from, to, renames)).plan();
  }

  private Plan plan() {
    unsupported.addAll(match.unsupported);
    match.renameTables.forEach(r -> differences.add("table " + r.table() + " renamed to " + r.to()));
    match.renameColumns.forEach(r -> differences.add(
        "column " + r.table() + "." + r.column() + " renamed to " + r.to()));
    List<Table> kept = match.kept();
    kept.forEach(this::columns);
    for (Table target : kept) {
      Table source = match.source(target);
      primaryKey(source, target);
      constraints(source, target, foreignKeyKind());
      constraints(source, target, indexKind());
      constraints(source, target, uniqueKind());
    }
    createTables();
    dropTables();
    sequences();
    List<Op> ops = Stream.of(dropForeignKeys, dropIndexes, match.renameTables, match.renameColumns,
            createTables, addColumns, alterColumns, dropColumns, dropTables, sequences, addIndexes,
            addForeignKeys)
        .flatMap(List::stream).map(Op.class::cast).toList();
    return new Plan(ops, differences, match.unused, unsupported);
  }

  private void columns(Table target) {
    Table source = match.source(target);
    Set<String> changedTypes = new HashSet<>();
    for (Column column : target.columns()) {
      Column was = match.sourceColumn(target.name(), column.name());
      if (was == null) {
        addColumns.add(new AddColumn(target.name(), column));
        differences.add("new column " + target.name() + "." + column.name() + ": " + definition(column));
      } else if (!was.withName(column.name()).sameDefinition(column)) {
        alterColumns.add(new AlterColumn(target.name(), column, false));
        differences.add("column " + target.name() + "." + column.name() + ": " + definition(was)
            + " -> " + definition(column) + (column.type().holdsAllOf(was.type()) ? "" : " (narrowing)"));
        if (!was.type().equals(column.type())) {
          changedTypes.add(Identifiers.key(column.name()));
        }
      }
    }
    retyped.put(target.name().key(), changedTypes);
    for (Column column : source.columns()) {
      if (match.targetColumn(source.name(), column.name()) == null) {
        dropColumns.add(new DropColumn(target.name(), column.name(), false));
        differences.add("dropped column " + target.name() + "." + column.name());
      }
    }
  }

  private void primaryKey(Table source, Table target) {
    List<String> before = source.primaryKey() == null ? null
        : match.columnsAfter(source.name(), source.primaryKey().columns());
    List<String> after = target.primaryKey() == null ? null : target.primaryKey().columns();
    if ((source.primaryKey() != null && before == null) || !sameNames(before, after)) {
      unsupported.add("primary key of table " + target.name() + ": " + describe(source.primaryKey())
          + " -> " + describe(target.primaryKey()) + "; no op changes a primary key: create a new "
          + "table and copy the rows in an sql op, or keep the key");
    }
  }

  /** How one kind of constraint is named, carried through the renames, compared and changed. */
  private record Kind<C>(String what, Function<Table, List<C>> of, Function<C, String> name,
      BiFunction<TableName, C, C> after, Function<C, String> signature, Function<C, String> describe,
      BiPredicate<Table, C> inTheWay,
      BiFunction<TableName, C, Op> drop, BiFunction<TableName, C, Op> add, List<Op> drops, List<Op> adds) {}

  private Kind<ForeignKey> foreignKeyKind() {
    return new Kind<>("foreign key", Table::foreignKeys, ForeignKey::name, match::after,
        fk -> keys(fk.columns()) + fk.referencedTable().key() + keys(fk.referencedColumns()),
        Planner::describe, (table, fk) -> retypes(table.name(), fk.columns()) || late(fk),
        (table, fk) -> new DropForeignKey(table, fk.name()), AddForeignKey::new,
        dropForeignKeys, addForeignKeys);
  }

  private Kind<Index> indexKind() {
    return new Kind<>("index", Table::indexes, Index::name, match::after,
        ix -> ix.unique() + keys(ix.columns()), Planner::describe,
        (table, ix) -> false, (table, ix) -> new DropIndex(table, ix.name()), CreateIndex::new,
        dropIndexes, addIndexes);
  }

  private Kind<Unique> uniqueKind() {
    return new Kind<>("unique", Table::uniques, Unique::name, match::after,
        uq -> keys(uq.columns()), Planner::describe,
        (table, uq) -> false, (table, uq) -> new DropUnique(table, uq.name()), AddUnique::new,
        dropIndexes, addIndexes);
  }

  /**
   * Drops what is gone or changed (under the old table name: drops run before renames) and adds what
   * is new or changed; one that stays but is in the way of a later op is dropped and added back.
   */
  private <C> void constraints(Table source, Table target, Kind<C> kind) {
    Map<String, C> before = byName(kind.of().apply(source), kind.name());
    Map<String, C> after = byName(kind.of().apply(target), kind.name());
    String where = kind.what() + " " + target.name() + ".";
    before.forEach((key, old) -> {
      C now = after.get(key);
      C carried = kind.after().apply(source.name(), old);
      if (now == null) {
        kind.drops().add(kind.drop().apply(source.name(), old));
        differences.add("dropped " + where + kind.name().apply(old));
      } else if (carried == null || !kind.signature().apply(carried).equals(kind.signature().apply(now))) {
        kind.drops().add(kind.drop().apply(source.name(), old));
        kind.adds().add(kind.add().apply(target.name(), now));
        differences.add(where + kind.name().apply(now) + ": " + kind.describe().apply(old) + " -> "
            + kind.describe().apply(now));
      } else if (kind.inTheWay().test(target, now)) {
        kind.drops().add(kind.drop().apply(source.name(), old));
        kind.adds().add(kind.add().apply(target.name(), now));
      }
    });
    after.forEach((key, now) -> {
      if (!before.containsKey(key)) {
        kind.adds().add(kind.add().apply(target.name(), now));
        differences.add("new " + where + kind.name().apply(now) + ": " + kind.describe().apply(now));
      }
    });
  }

  /** Column names as the database compares them, in order. */
  private static String keys(List<String> columns) {
    return columns.stream().map(Identifiers::key).toList().toString();
  }

  private void createTables() {
    ForeignKeyOrder order = ForeignKeyOrder.order(match.created());
    for (Table table : order.tables()) {
      List<ForeignKey> late = table.foreignKeys().stream().filter(this::late).toList();
      createTables.add(new CreateTable(late.isEmpty() ? table
          : table.withForeignKeys(table.foreignKeys().stream().filter(fk -> !late.contains(fk)).toList())));
      late.forEach(fk -> addForeignKeys.add(new AddForeignKey(table.name(), fk)));
    }
    order.deferred().forEach(d -> createTables.add(new AddForeignKey(d.table(), d.foreignKey())));
    match.created().forEach(t -> differences.add("new table " + t.name()));
  }

  private void dropTables() {
    List<Table> dropped = match.droppedTables();
    ForeignKeyOrder order = ForeignKeyOrder.order(dropped);
    Set<ForeignKeyOrder.Deferred> cyclic = Set.copyOf(order.deferred());
    Set<String> reusedNames = new HashSet<>();
    to.tables().values().forEach(t -> {
      t.indexes().forEach(ix -> reusedNames.add(Identifiers.key(ix.name())));
      t.uniques().forEach(uq -> reusedNames.add(Identifiers.key(uq.name())));
    });
    for (Table table : dropped) {
      table.foreignKeys().stream().filter(fk -> cyclic.contains(new ForeignKeyOrder.Deferred(table.name(), fk))
              || blocksColumnChange(fk))
          .forEach(fk -> dropForeignKeys.add(new DropForeignKey(table.name(), fk.name())));
      table.indexes().stream().filter(ix -> reusedNames.contains(Identifiers.key(ix.name())))
          .forEach(ix -> dropIndexes.add(new DropIndex(table.name(), ix.name())));
      table.uniques().stream().filter(uq -> reusedNames.contains(Identifiers.key(uq.name())))
          .forEach(uq -> dropIndexes.add(new DropUnique(table.name(), uq.name())));
      differences.add("dropped table " + table.name());
    }
    List<Table> referencedFirst = order.tables();
    for (int i = referencedFirst.size() - 1; i >= 0; i--) {
      dropTables.add(new DropTable(referencedFirst.get(i).name(), false));
    }
  }

  private void sequences() {
    List<Op> drops = new ArrayList<>();
    for (Sequence sequence : to.sequences().values()) {
      Sequence was = from.sequence(sequence.name()).orElse(null);
      if (was == null) {
        sequences.add(new CreateSequence(sequence));
        differences.add("new sequence " + sequence.name() + ": " + describe(sequence));
      } else if (was.start() != sequence.start() || was.increment() != sequence.increment()) {
        unsupported.add("sequence " + sequence.name() + ": " + describe(was) + " -> " + describe(sequence)
            + "; no op alters a sequence: keep its start and increment (allocationSize)");
      }
    }
    for (Sequence sequence : from.sequences().values()) {
      if (to.sequence(sequence.name()).isEmpty()) {
        drops.add(new DropSequence(sequence.name()));
        differences.add("dropped sequence " + sequence.name());
      }
    }
    sequences.addAll(drops);
  }

  /**
   * Whether a foreign key of the new schema can only be added once the tables and columns exist as
   * the new schema has them: it references a table still to be dropped (now an external one), or a
   * column still to be added or retyped.
   */
  private boolean late(ForeignKey fk) {
    TableName referenced = fk.referencedTable();
    if (match.dropped(referenced)) {
      return true;
    }
    if (!match.continued(referenced)) {
      return false;
    }
    return retypes(referenced, fk.referencedColumns()) || fk.referencedColumns().stream()
        .anyMatch(c -> match.sourceColumn(referenced, c) == null);
  }

  /** Whether a foreign key of a dropped table references a column that is dropped or retyped first. */
  private boolean blocksColumnChange(ForeignKey fk) {
    Table referenced = match.target(fk.referencedTable());
    if (referenced == null) {
      return false;
    }
    return fk.referencedColumns().stream().anyMatch(c -> {
      Column now = match.targetColumn(fk.referencedTable(), c);
      return now == null || retyped.get(referenced.name().key()).contains(Identifiers.key(now.name()));
    });
  }

  private boolean retypes(TableName table, List<String> columns) {
    Set<String> changed = retyped.get(table.key());
    return columns.stream().anyMatch(c -> changed.contains(Identifiers.key(c)));
  }

  private static <C> Map<String, C> byName(List<C> constraints, Function<C, String> name) {
    Map<String, C> byKey = new TreeMap<>();
    constraints.forEach(c -> byKey.put(Identifiers.key(name.apply(c)), c));
    return byKey;
  }

  private static boolean sameNames(List<String> a, List<String> b) {
    if (a == null || b == null) {
      return a == b;
    }
    return a.stream().map(Identifiers::key).toList().equals(b.stream().map(Identifiers::key).toList());
  }

  private static String definition(Column column) {
    return column.type() + (column.nullable() ? "" : " not null")
        + (column.defaultValue() == null ? "" : " default " + column.defaultValue())
        + (column.identity() ? " identity" : "");
  }

  private static String describe(PrimaryKey key) {
    return key == null ? "none" : "(" + String.join(", ", key.columns()) + ")";
  }

  private static String describe(ForeignKey fk) {
    return "(" + String.join(", ", fk.columns()) + ") -> " + fk.referencedTable() + " ("
        + String.join(", ", fk.referencedColumns()) + ")";
  }

  private static String describe(Index index) {
    return (index.unique() ? "unique " : "") + "(" + String.join(", ", index.columns()) + ")";
  }

  private static String describe(Unique unique) {
    return "(" + String.join(", ", unique.columns()) + ")";
  }

  private static String describe(Sequence sequence) {
    return "start " + sequence.start() + ", increment " + sequence.increment();
  }
}
