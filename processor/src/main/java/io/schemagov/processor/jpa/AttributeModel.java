package io.schemagov.processor.jpa;

import java.util.List;

/**
 * One persistent attribute (field or property, following the entity's access type).
 *
 * @param javaType the declared type, erased
 * @param columns the columns it maps (embedded attributes are flattened into their columns)
 * @param relation set for relationships, null otherwise
 * @param collectionTable set for {@code @ElementCollection}, null otherwise
 * @param collectionColumns the collection table's columns, set with {@code collectionTable}
 * @param renamedFrom old column names from {@code @RenamedFrom}
 * @param renamedFromSource the {@code @RenamedFrom}'s value, null without one
 */
public record AttributeModel(
    String name,
    String javaType,
    boolean id,
    List<ColumnModel> columns,
    RelationModel relation,
    TableModel collectionTable,
    CollectionModel collectionColumns,
    List<ForeignKeyText> foreignKeys,
    List<String> renamedFrom,
    Source renamedFromSource,
    Source source) {

  public AttributeModel {
    columns = List.copyOf(columns);
    foreignKeys = List.copyOf(foreignKeys);
    renamedFrom = List.copyOf(renamedFrom);
  }
}
