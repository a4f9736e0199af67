package io.schemagov.processor.jpa;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A JOINED subclass's {@code @PrimaryKeyJoinColumn(s)}: how its key columns, copies of its
 * parent's, are named, and the foreign key to the parent.
 *
 * @param columns physical names by position, null where the parent's key column name is kept
 * @param foreignKey the single {@code @PrimaryKeyJoinColumn(foreignKey)}, null when not written
 */
public record KeyJoinModel(List<DbName> columns, ForeignKeyModel foreignKey) {
  public static final KeyJoinModel NONE = new KeyJoinModel(List.of(), null);

  public KeyJoinModel {
    columns = Collections.unmodifiableList(new ArrayList<>(columns));
  }
}
