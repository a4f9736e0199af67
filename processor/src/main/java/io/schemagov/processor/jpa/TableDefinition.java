package io.schemagov.processor.jpa;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a table's annotation ({@code @Table}, {@code @SecondaryTable}, {@code @JoinTable}, {@code
 * @CollectionTable}) says beyond its name: the parts the entity schema needs.
 *
 * @param uniqueConstraints {@code uniqueConstraints}
 * @param indexes {@code indexes}
 * @param keyJoinColumns a secondary table's {@code pkJoinColumns}: physical names by position, null
 *     where the entity's key column keeps its name
 * @param foreignKey {@code foreignKey} (secondary, join and collection tables), null when not written
 * @param inverseForeignKey a join table's {@code inverseForeignKey}, null when not written
 * @param renamedFromSource the {@code @RenamedFrom} of an entity table, null when none
 */
public record TableDefinition(
    List<UniqueConstraintModel> uniqueConstraints,
    List<IndexModel> indexes,
    List<DbName> keyJoinColumns,
    ForeignKeyModel foreignKey,
    ForeignKeyModel inverseForeignKey,
    Source renamedFromSource) {

  /** A table no annotation describes (a defaulted join table, a table read from an index). */
  public static final TableDefinition NONE = new TableDefinition(List.of(), List.of(), List.of(), null, null, null);

  public TableDefinition {
    uniqueConstraints = List.copyOf(uniqueConstraints);
    indexes = List.copyOf(indexes);
    keyJoinColumns = Collections.unmodifiableList(new ArrayList<>(keyJoinColumns));
  }

  TableDefinition withRenamedFromSource(Source source) {
    return new TableDefinition(uniqueConstraints, indexes, keyJoinColumns, foreignKey, inverseForeignKey, source);
  }
}
