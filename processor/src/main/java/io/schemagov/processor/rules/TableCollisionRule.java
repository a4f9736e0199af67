package io.schemagov.processor.rules;

import io.schemagov.processor.jpa.Ann;
import io.schemagov.processor.jpa.AttributeModel;
import io.schemagov.processor.jpa.CollectionModel;
import io.schemagov.processor.jpa.ColumnModel;
import io.schemagov.processor.jpa.EntityModel;
import io.schemagov.processor.jpa.PersistenceUnit;
import io.schemagov.processor.jpa.TableKind;
import io.schemagov.processor.jpa.TableModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * {@code table-collision}: two entities map one table, or an entity table is also a join,
 * collection or secondary table. Legal sharing never reaches this rule as a collision: a SINGLE_TABLE
 * subclass maps its root's table (one owner), mapped superclasses and embeddables map no table, and
 * different schemas are different keys. Two auxiliary tables with one name are left alone (the ORM
 * accepts, for example, one join table declared on both sides of an association), and so is an
 * entity over an association's own table that maps exactly its columns (see {@link #associationEntity}).
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
    Map<TableModel, Set<String>> columns = columns(context.unit());
    for (List<TableModel> group : context.tables().groups()) {
      if (group.size() < 2 || !collides(group) || associationEntity(group, columns)) {
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

  /**
   * One entity over the join or collection tables of associations, every one of them with exactly
   * the entity's columns: one table described twice alike, which the ORM accepts and real code does
   * to query or bulk-delete an association (Keycloak's ClientScopeRoleMappingEntity over
   * ClientScopeEntity's collection table). Any column the two do not share is still a collision:
   * one of them cannot write the table (say, an entity's generated id the association never sets).
   */
  static boolean associationEntity(List<TableModel> group, Map<TableModel, Set<String>> columns) {
    List<TableModel> entities = group.stream().filter(t -> t.kind() == TableKind.ENTITY).toList();
    if (entities.size() != 1 || group.stream().anyMatch(t -> t.external() || t.kind() == TableKind.SECONDARY)) {
      return false;
    }
    Set<String> entityColumns = columns.get(entities.get(0));
    return entityColumns != null && !entityColumns.isEmpty()
        && group.stream().allMatch(t -> entityColumns.equals(columns.get(t)));
  }

  /**
   * The column keys of the compilation's root entity tables and its join and collection tables.
   * Tables whose columns are not all known here are left out: those of hierarchies (inherited
   * columns; a discriminator, which Hibernate adds to a JOINED root only when declared but other
   * providers add to any root with subclasses), and join tables of maps or ordered lists (key and
   * order columns).
   */
  private static Map<TableModel, Set<String>> columns(PersistenceUnit unit) {
    Map<TableModel, Set<String>> out = new HashMap<>();
    Set<TableModel> partial = new HashSet<>();
    Set<String> roots = new HashSet<>();
    unit.entities().forEach(e -> roots.add(e.superEntity()));
    for (EntityModel e : unit.entities()) {
      if (e.superEntity() != null || roots.contains(e.qualifiedName()) || "SINGLE_TABLE".equals(e.inheritance())
          || Ann.hasJpa(e.element(), "DiscriminatorColumn")) {
        partial.add(e.table());
      }
      Set<String> own = null; // the entity table's set, looked up once (a record hashes all its fields)
      for (AttributeModel a : e.attributes()) {
        if (a.collectionTable() != null) {
          CollectionModel c = a.collectionColumns();
          out.put(a.collectionTable(), keys(Stream.of(c.owner().stream(), Stream.ofNullable(c.mapKey()),
              Stream.ofNullable(c.order()), c.elements().stream()).flatMap(s -> s)));
        } else if (a.relation() != null && a.relation().joinTable() != null) {
          boolean keyed = a.javaType().equals("java.util.Map")
              || Stream.of("OrderColumn", "MapKeyColumn", "MapKeyJoinColumn").anyMatch(n -> Ann.hasJpa(a.source().element(), n));
          if (!keyed) {
            out.put(a.relation().joinTable(), keys(a.relation().joinTableColumns().stream()));
          }
        } else {
          own = own != null ? own : out.computeIfAbsent(e.table(), t -> new HashSet<>());
          own.addAll(keys(a.columns().stream().filter(col -> col.table() == null)));
        }
      }
    }
    partial.forEach(out::remove);
    return out;
  }

  private static Set<String> keys(Stream<ColumnModel> columns) {
    Set<String> out = new HashSet<>();
    columns.forEach(c -> out.add(c.name().key()));
    return out;
  }
}
