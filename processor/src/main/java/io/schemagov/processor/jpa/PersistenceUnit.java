package io.schemagov.processor.jpa;

import java.util.List;

/**
 * The entities of one compilation, in source order, and the entities of other modules (read from
 * the classpath) that their relationships target: those give a foreign-key column its type but map
 * no table of this compilation.
 */
public record PersistenceUnit(List<EntityModel> entities, List<EntityModel> referenced) {
  public PersistenceUnit {
    entities = List.copyOf(entities);
    referenced = List.copyOf(referenced);
  }

  public PersistenceUnit(List<EntityModel> entities) {
    this(entities, List.of());
  }
}
