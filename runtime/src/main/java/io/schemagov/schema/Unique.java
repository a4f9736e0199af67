package io.schemagov.schema;

import java.util.List;

/** A unique constraint (as JPA's {@code @UniqueConstraint} or {@code @Column(unique = true)}). */
public record Unique(String name, List<String> columns) {
  public Unique {
    Identifiers.require(name, "unique constraint");
    columns = Names.requireColumns(columns, "unique constraint " + name);
  }
}
