package io.schemagov.processor.jpa;

import java.util.List;

/** The entities of one compilation, in source order. */
public record PersistenceUnit(List<EntityModel> entities) {
  public PersistenceUnit {
    entities = List.copyOf(entities);
  }
}
