package io.schemagov.schema;

import java.util.List;

/** A table's primary key columns, in key order. */
public record PrimaryKey(List<String> columns) {
  public PrimaryKey {
    columns = Names.requireColumns(columns, "primary key");
  }

  public static PrimaryKey of(String... columns) {
    return new PrimaryKey(List.of(columns));
  }
}
