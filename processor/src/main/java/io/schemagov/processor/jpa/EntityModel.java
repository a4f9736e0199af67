package io.schemagov.processor.jpa;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * One {@code @Entity} class.
 *
 * @param table the primary table; for a SINGLE_TABLE subclass the root's table (owner = root)
 * @param inheritance the hierarchy's strategy ({@code SINGLE_TABLE}, {@code JOINED}, {@code
 *     TABLE_PER_CLASS}), null when the entity is in no entity hierarchy
 * @param superEntity the nearest entity superclass, null for a root
 * @param access {@code FIELD} or {@code PROPERTY}
 * @param attributes this class's persistent attributes plus those of the mapped superclasses
 *     between it and its entity superclass
 * @param idClass the {@code @IdClass}, null when none
 * @param discriminatorColumn the root's discriminator column name for SINGLE_TABLE/JOINED roots
 * @param discriminator the {@code @DiscriminatorColumn} (or its defaults) of any entity without an
 *     entity superclass, null for a subclass
 * @param keyJoin a JOINED subclass's {@code @PrimaryKeyJoinColumn(s)}, {@link KeyJoinModel#NONE}
 *     otherwise
 * @param abstractClass whether the class is abstract
 */
public record EntityModel(
    TypeElement element,
    String qualifiedName,
    String entityName,
    TableModel table,
    List<TableModel> secondaryTables,
    String inheritance,
    String superEntity,
    boolean migrationManaged,
    boolean sharedTable,
    String access,
    List<AttributeModel> attributes,
    String idClass,
    DbName discriminatorColumn,
    DiscriminatorModel discriminator,
    KeyJoinModel keyJoin,
    boolean abstractClass) {

  public EntityModel {
    secondaryTables = List.copyOf(secondaryTables);
    attributes = List.copyOf(attributes);
  }

  /** Whether this entity maps its primary table itself (false for a SINGLE_TABLE subclass). */
  public boolean ownsTable() {
    return table.owner().equals(qualifiedName);
  }

  /** Every table this entity maps itself: primary (if owned), secondary, join and collection. */
  public List<TableModel> ownedTables() {
    List<TableModel> out = new ArrayList<>();
    if (ownsTable()) {
      out.add(table);
    }
    out.addAll(secondaryTables);
    for (AttributeModel a : attributes) {
      if (a.relation() != null && a.relation().joinTable() != null) {
        out.add(a.relation().joinTable());
      }
      if (a.collectionTable() != null) {
        out.add(a.collectionTable());
      }
    }
    return out;
  }
}
