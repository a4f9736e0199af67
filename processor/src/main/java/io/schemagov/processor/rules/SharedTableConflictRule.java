package io.schemagov.processor.rules;

import io.schemagov.processor.jpa.ColumnModel;
import io.schemagov.processor.jpa.EntityModel;
import io.schemagov.processor.jpa.TableKind;
import io.schemagov.processor.jpa.TableModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code shared-table-conflict}: entities that share a table on purpose ({@code @SharedTable} on
 * all) map a common column differently; the database can hold only one definition.
 */
public final class SharedTableConflictRule implements Rule {
  @Override
  public String key() {
    return Messages.SHARED_TABLE_CONFLICT;
  }

  @Override
  public Severity severity() {
    return Severity.ERROR;
  }

  @Override
  public List<Finding> check(RuleContext context) {
    Map<String, EntityModel> byName = new HashMap<>();
    context.unit().entities().forEach(e -> byName.put(e.qualifiedName(), e));
    List<Finding> out = new ArrayList<>();
    for (List<TableModel> group : context.tables().groups()) {
      if (!sharedByAll(group)) {
        continue;
      }
      Map<String, Mapped> first = new HashMap<>();
      Set<String> seen = new HashSet<>();
      for (TableModel t : group) {
        EntityModel e = byName.get(t.owner());
        if (e == null || !seen.add(e.qualifiedName())) {
          continue;
        }
        for (ColumnModel c : columns(e)) {
          Mapped m = new Mapped(e.qualifiedName(), c);
          Mapped earlier = first.putIfAbsent(c.name().key(), m);
          if (earlier != null && !earlier.column.definition().equals(c.definition())) {
            out.add(Finding.of(this, c.source(), Messages.sharedTableConflict(
                t.displayName(), c.name().toString(),
                earlier.where(), earlier.column.definition(), m.where(), c.definition())));
          }
        }
      }
    }
    return out;
  }

  private static boolean sharedByAll(List<TableModel> group) {
    Set<String> owners = new HashSet<>();
    for (TableModel t : group) {
      if (t.kind() != TableKind.ENTITY || !t.shared()) {
        return false;
      }
      owners.add(t.owner());
    }
    return owners.size() > 1;
  }

  /** The columns an entity maps in its primary table. */
  private static List<ColumnModel> columns(EntityModel e) {
    List<ColumnModel> out = new ArrayList<>();
    e.attributes().forEach(a -> a.columns().stream().filter(c -> c.table() == null).forEach(out::add));
    return out;
  }

  private record Mapped(String entity, ColumnModel column) {
    String where() {
      return entity + "." + column.source().element().getSimpleName();
    }
  }
}
