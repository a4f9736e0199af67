package io.schemagov.processor.jpa;

import java.util.List;

/**
 * A table-level {@code @Index}.
 *
 * @param name the physical index name, null when not written (the mapper derives one)
 * @param columns the physical column names of {@code columnList}, without {@code ASC}/{@code DESC}
 */
public record IndexModel(DbName name, List<DbName> columns, boolean unique) {
  public IndexModel {
    columns = List.copyOf(columns);
  }
}
