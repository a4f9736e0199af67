package io.schemagov.processor.rules;

import io.schemagov.processor.jpa.DbName;
import io.schemagov.processor.jpa.EntityModel;
import io.schemagov.processor.jpa.PersistenceUnit;
import io.schemagov.processor.jpa.TableKind;
import io.schemagov.processor.jpa.TableModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every table known to the compilation, hashed by the name the database sees: the compilation's
 * own tables and those read from the table indexes of its classpath. Lookups are O(1), so rules
 * never compare tables pairwise.
 */
public final class TableCatalog {
  private final Map<String, List<TableModel>> byQualifiedKey = new LinkedHashMap<>();
  private final Map<String, List<TableModel>> byName = new HashMap<>();
  private final Map<String, List<TableModel>> byOldName = new HashMap<>();

  /**
   * @param external tables from dependencies' indexes; entries owned by a class of this
   *     compilation are dropped (the sources are newer than any index left on the classpath)
   */
  public TableCatalog(PersistenceUnit unit, Collection<TableModel> external) {
    Set<String> local = new HashSet<>();
    for (EntityModel e : unit.entities()) {
      local.add(e.qualifiedName());
      e.ownedTables().forEach(this::add);
    }
    for (TableModel t : external) {
      if (!local.contains(t.owner())) {
        add(t);
      }
    }
  }

  private void add(TableModel t) {
    byQualifiedKey.computeIfAbsent(t.qualifiedKey(), k -> new ArrayList<>()).add(t);
    byName.computeIfAbsent(t.name().key(), k -> new ArrayList<>()).add(t);
    if (t.kind() == TableKind.ENTITY) {
      for (DbName old : t.renamedFrom()) {
        byOldName.computeIfAbsent(old.key(), k -> new ArrayList<>()).add(t);
      }
    }
  }

  /** Tables grouped by catalog, schema and name, in the order they were met. */
  public Collection<List<TableModel>> groups() {
    return byQualifiedKey.values();
  }

  /**
   * The tables a foreign key's text can mean: same name, and same schema when the text names one
   * (a table without a schema matches any, since its schema is the connection's default).
   */
  public List<TableModel> lookup(DbName schema, DbName table) {
    List<TableModel> out = new ArrayList<>();
    for (TableModel t : byName.getOrDefault(table.key(), List.of())) {
      if (schema == null || t.schema() == null || t.schema().key().equals(schema.key())) {
        out.add(t);
      }
    }
    return out;
  }

  /** Entity tables whose {@code @RenamedFrom} lists {@code oldName}. */
  public List<TableModel> renamedFrom(DbName oldName) {
    return byOldName.getOrDefault(oldName.key(), List.of());
  }
}
