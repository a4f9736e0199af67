package io.schemagov.processor.jpa;

import java.util.List;

/**
 * A relationship attribute.
 *
 * @param targetType fully qualified target class (collection element type for to-many), null when
 *     it cannot be known (a type variable)
 * @param targetIsEntity whether the target class carries {@code @Entity}
 * @param targetMigrationManaged whether the target entity carries {@code @MigrationManaged}
 * @param owning false when {@code mappedBy} is set: the other side maps the foreign key
 * @param joinTable the join table this side maps, null when none
 * @param joinTableColumns the join table's columns (owner side first), empty without a join table
 * @param joinTableOwnerColumns how many of {@code joinTableColumns} reference the owner
 * @param foreignKey the {@code @JoinColumns(foreignKey)} or else {@code @JoinColumn(foreignKey)}
 *     of a foreign key in the owner's table, null when not written
 */
public record RelationModel(
    String kind,
    String targetType,
    boolean targetIsEntity,
    boolean targetMigrationManaged,
    boolean owning,
    String mappedBy,
    TableModel joinTable,
    List<ColumnModel> joinTableColumns,
    int joinTableOwnerColumns,
    ForeignKeyModel foreignKey,
    Source source) {

  public RelationModel {
    joinTableColumns = List.copyOf(joinTableColumns);
  }

  /** Whether this side of the relationship puts a foreign key in the database. */
  public boolean mapsForeignKey() {
    return owning && !kind.equals("OneToMany") || joinTable != null;
  }
}
