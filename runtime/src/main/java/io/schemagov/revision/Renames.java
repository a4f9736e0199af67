package io.schemagov.revision;

import io.schemagov.schema.Identifiers;
import io.schemagov.schema.TableName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renames the user declared ({@code @RenamedFrom}), the only way the {@link Planner} turns a drop and
 * a create into a rename: renames are never guessed. Old and new names match the way the database
 * matches names ({@link TableName#key()}, {@link Identifiers#key}). A column rename names the table
 * by its new name.
 */
public record Renames(List<TableRename> tables, List<ColumnRename> columns) {

  public static final Renames NONE = new Renames(List.of(), List.of());

  /** One declared rename, as the planner reports it back when it could not use it. */
  public sealed interface Rename permits TableRename, ColumnRename {
    String describe();
  }

  public record TableRename(TableName from, TableName to) implements Rename {
    @Override
    public String describe() {
      return "table " + to + " renamed from " + from;
    }
  }

  /** Column {@code from} of the table now named {@code table} is now called {@code to}. */
  public record ColumnRename(TableName table, String from, String to) implements Rename {
    public ColumnRename {
      Identifiers.require(from, "old column");
      Identifiers.require(to, "new column");
    }

    @Override
    public String describe() {
      return "column " + table + "." + to + " renamed from " + from;
    }
  }

  /** Rejects a name declared twice on either side: the planner could not tell which rename wins. */
  public Renames {
    tables = List.copyOf(tables);
    columns = List.copyOf(columns);
    Map<String, Rename> seen = new HashMap<>();
    for (TableRename rename : tables) {
      requireOnce(seen, "old table " + rename.from().key(), rename);
      requireOnce(seen, "new table " + rename.to().key(), rename);
    }
    for (ColumnRename rename : columns) {
      String table = rename.table().key() + ".";
      requireOnce(seen, "old column " + table + Identifiers.key(rename.from()), rename);
      requireOnce(seen, "new column " + table + Identifiers.key(rename.to()), rename);
    }
  }

  private static void requireOnce(Map<String, Rename> seen, String what, Rename rename) {
    Rename other = seen.put(what, rename);
    if (other != null) {
      throw new IllegalArgumentException("two renames share the " + what + ": " + other.describe()
          + " and " + rename.describe() + "; keep one");
    }
  }

  public Renames withTable(TableName from, TableName to) {
    List<TableRename> next = new ArrayList<>(tables);
    next.add(new TableRename(from, to));
    return new Renames(next, columns);
  }

  public Renames withColumn(TableName table, String from, String to) {
    List<ColumnRename> next = new ArrayList<>(columns);
    next.add(new ColumnRename(table, from, to));
    return new Renames(tables, next);
  }
}
