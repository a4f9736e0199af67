package io.schemagov.processor.rules;

import io.schemagov.processor.jpa.TableKind;
import io.schemagov.processor.jpa.TableModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code table-collision}: two entities map one table, or an entity table is also a join,
 * collection or secondary table. Legal sharing never reaches this rule as a collision: a SINGLE_TABLE
 * subclass maps its root's table (one owner), mapped superclasses and embeddables map no table, and
 * different schemas are different keys. Two auxiliary tables with one name are left alone (the ORM
 * accepts, for example, one join table declared on both sides of an association).
 */
public final class TableCollisionRule implements Rule {
  @Override
  public String key() {
    return Messages.TABLE_COLLISION;
  }

  @Override
  public Severity severity() {
    return Severity.ERROR;
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<Finding> out = new ArrayList<>();
    for (List<TableModel> group : context.tables().groups()) {
      if (group.size() < 2 || !collides(group)) {
        continue;
      }
      Set<String> mappings = new TreeSet<>();
      group.forEach(t -> mappings.add(t.owner() + " (" + t.kind().label() + ")"));
      String message = Messages.tableCollision(group.get(0).displayName(), List.copyOf(mappings));
      for (TableModel t : group) {
        if (!t.external()) {
          out.add(Finding.of(this, t.source(), message));
        }
      }
    }
    return out;
  }

  static boolean collides(List<TableModel> group) {
    Set<String> entityOwners = new TreeSet<>();
    boolean allShared = true;
    boolean auxiliary = false;
    boolean local = false;
    for (TableModel t : group) {
      local |= !t.external();
      if (t.kind() == TableKind.ENTITY) {
        entityOwners.add(t.owner());
        allShared &= t.shared();
      } else {
        auxiliary = true;
      }
    }
    if (!local || entityOwners.isEmpty()) {
      return false;
    }
    return auxiliary || entityOwners.size() > 1 && !allShared;
  }
}
