package io.schemagov.schema;

import java.util.List;

/** An index; {@code unique} makes it a unique index (as JPA's {@code @Index(unique = true)}). */
public record Index(String name, List<String> columns, boolean unique) {
  public Index {
    Identifiers.require(name, "index");
    columns = Names.requireColumns(columns, "index " + name);
  }
}
