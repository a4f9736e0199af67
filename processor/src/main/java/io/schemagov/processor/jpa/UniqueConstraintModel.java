package io.schemagov.processor.jpa;

import java.util.List;

/**
 * A table-level {@code @UniqueConstraint}.
 *
 * @param name the physical constraint name, null when not written (the mapper derives one)
 * @param columns the physical column names, as written and named by the naming strategy
 */
public record UniqueConstraintModel(DbName name, List<DbName> columns) {
  public UniqueConstraintModel {
    columns = List.copyOf(columns);
  }
}
