package io.schemagov.revision;

import io.schemagov.schema.Column;
import io.schemagov.schema.ForeignKey;
import io.schemagov.schema.Identifiers;
import io.schemagov.schema.Index;
import io.schemagov.schema.Schema;
import io.schemagov.schema.Table;
import io.schemagov.schema.TableName;
import io.schemagov.schema.Unique;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which table and column of the old schema each one of the new schema continues: a declared rename
 * first, then the same name. A declared rename applies when its old name exists and its new name does
 * not yet; when the new name already exists the rename is taken as done by an earlier revision (the
 * annotation stays in the code after its revision is committed). Everything is keyed as the database
 * compares names.
 */
final class PlanMatch {
  final List<RenameTable> renameTables = new ArrayList<>();
  final List<RenameColumn> renameColumns = new ArrayList<>();
  final List<Renames.Rename> unused = new ArrayList<>();
  final List<String> unsupported = new ArrayList<>();

  private final Schema from;
  private final Schema to;
  /** New table key -> the old table it continues. */
  private final Map<String, Table> sourceOf = new HashMap<>();
  /** Old table key -> the new table continuing it. */
  private final Map<String, Table> targetOf = new HashMap<>();
  /** New table key -> (new column key -> old column). */
  private final Map<String, Map<String, Column>> sourceColumns = new HashMap<>();
  /** Old table key -> (old column key -> new column). */
  private final Map<String, Map<String, Column>> targetColumns = new HashMap<>();

  private PlanMatch(Schema from, Schema to) {
    this.from = from;
    this.to = to;
  }

  static PlanMatch of(Schema from, Schema to, Renames renames) {
    PlanMatch match = new PlanMatch(from, to);
    match.matchTables(renames.tables());
    match.matchColumns(renames.columns());
    return match;
  }

  private void matchTables(List<Renames.TableRename> declared) {
    Map<String, Table> renamedFrom = new HashMap<>();
    Set<String> claimed = new HashSet<>();
    for (Renames.TableRename rename : declared) {
      if (from.table(rename.to()).isPresent()) {
        continue;
      }
      Table old = from.table(rename.from()).orElse(null);
      Table target = to.table(rename.to()).orElse(null);
      if (old == null || target == null) {
        unused.add(rename);
      } else if (!sameSchema(old.name(), target.name())) {
        unsupported.add("table " + old.name() + " renamed to " + target.name()
            + " moves it to another schema, which no op does; keep the schema or copy the rows in an sql op");
      } else {
        renamedFrom.put(target.name().key(), old);
        claimed.add(old.name().key());
      }
    }
    for (Table target : to.tables().values()) {
      Table old = renamedFrom.get(target.name().key());
      if (old != null) {
        renameTables.add(new RenameTable(old.name(), target.name().name()));
      } else if (!claimed.contains(target.name().key())) {
        old = from.tables().get(target.name().key());
      }
      if (old != null) {
        sourceOf.put(target.name().key(), old);
        targetOf.put(old.name().key(), target);
      }
    }
  }

  private void matchColumns(List<Renames.ColumnRename> declared) {
    Map<String, List<Renames.ColumnRename>> pending = new HashMap<>();
    for (Renames.ColumnRename rename : declared) {
      Table target = to.table(rename.table()).orElse(null);
      Table old = target == null ? null : source(target);
      if (old == null) {
        unused.add(rename);
      } else if (old.column(rename.to()).isEmpty()) {
        pending.computeIfAbsent(target.name().key(), k -> new ArrayList<>()).add(rename);
      }
    }
    for (Table target : to.tables().values()) {
      Table old = source(target);
      if (old != null) {
        matchColumns(old, target, pending.getOrDefault(target.name().key(), List.of()));
      }
    }
  }

  /** Matches the columns of one continued table; {@code declared} holds renames not done yet. */
  private void matchColumns(Table old, Table target, List<Renames.ColumnRename> declared) {
    Map<String, Column> renamedFrom = new HashMap<>();
    Set<String> claimed = new HashSet<>();
    for (Renames.ColumnRename rename : declared) {
      Column was = old.column(rename.from()).orElse(null);
      if (was == null || target.column(rename.to()).isEmpty()) {
        unused.add(rename);
      } else {
        renamedFrom.put(Identifiers.key(rename.to()), was);
        claimed.add(Identifiers.key(was.name()));
      }
    }
    Map<String, Column> oldByKey = new HashMap<>();
    old.columns().forEach(c -> oldByKey.put(Identifiers.key(c.name()), c));
    Map<String, Column> sources = new HashMap<>();
    Map<String, Column> targets = new HashMap<>();
    for (Column column : target.columns()) {
      String key = Identifiers.key(column.name());
      Column was = renamedFrom.get(key);
      if (was != null) {
        renameColumns.add(new RenameColumn(target.name(), was.name(), column.name()));
      } else if (!claimed.contains(key)) {
        was = oldByKey.get(key);
      }
      if (was != null) {
        sources.put(key, was);
        targets.put(Identifiers.key(was.name()), column);
      }
    }
    sourceColumns.put(target.name().key(), sources);
    targetColumns.put(old.name().key(), targets);
  }

  private static boolean sameSchema(TableName a, TableName b) {
    return a.schema() == null ? b.schema() == null
        : b.schema() != null && Identifiers.same(a.schema(), b.schema());
  }

  /** The old table a new one continues, or null for a new table. */
  Table source(Table target) {
    return sourceOf.get(target.name().key());
  }

  /** The new table an old one continues as, or null when it is dropped. */
  Table target(TableName old) {
    return targetOf.get(old.key());
  }

  /** Whether {@code name} is a table of the old schema that the new one drops. */
  boolean dropped(TableName name) {
    return from.tables().containsKey(name.key()) && !targetOf.containsKey(name.key());
  }

  /** Whether {@code name} is a table of the new schema that continues an old one. */
  boolean continued(TableName name) {
    return sourceOf.containsKey(name.key());
  }

  /** The old column that {@code column} of a continued table continues, or null for a new column. */
  Column sourceColumn(TableName target, String column) {
    return sourceColumns.get(target.key()).get(Identifiers.key(column));
  }

  /** The new column that {@code column} of a continued old table continues as, or null when dropped. */
  Column targetColumn(TableName old, String column) {
    return targetColumns.get(old.key()).get(Identifiers.key(column));
  }

  List<Table> kept() {
    return to.tables().values().stream().filter(t -> continued(t.name())).toList();
  }

  List<Table> created() {
    return to.tables().values().stream().filter(t -> !continued(t.name())).toList();
  }

  List<Table> droppedTables() {
    return from.tables().values().stream().filter(t -> dropped(t.name())).toList();
  }

  /** Old column names in their new names, or null when one of them is dropped. */
  List<String> columnsAfter(TableName old, List<String> columns) {
    List<String> renamed = new ArrayList<>();
    for (String column : columns) {
      Column now = targetColumn(old, column);
      if (now == null) {
        return null;
      }
      renamed.add(now.name());
    }
    return renamed;
  }

  /** An old table's index as the renames leave it, or null when one of its columns is dropped. */
  Index after(TableName old, Index index) {
    List<String> columns = columnsAfter(old, index.columns());
    return columns == null ? null : new Index(index.name(), columns, index.unique());
  }

  Unique after(TableName old, Unique unique) {
    List<String> columns = columnsAfter(old, unique.columns());
    return columns == null ? null : new Unique(unique.name(), columns);
  }

  /** An old table's foreign key as the renames leave it (both ends), or null when a column is gone. */
  ForeignKey after(TableName old, ForeignKey fk) {
    List<String> columns = columnsAfter(old, fk.columns());
    if (columns == null) {
      return null;
    }
    Table referenced = target(fk.referencedTable());
    if (referenced == null) {
      return new ForeignKey(fk.name(), columns, fk.referencedTable(), fk.referencedColumns());
    }
    List<String> referencedColumns = columnsAfter(fk.referencedTable(), fk.referencedColumns());
    return referencedColumns == null ? null
        : new ForeignKey(fk.name(), columns, referenced.name(), referencedColumns);
  }
}
