package io.schemagov.processor.jpa;

import java.util.List;

/**
 * The columns of an {@code @ElementCollection}'s table.
 *
 * @param owner the join columns to the owning entity (type: the owner's class)
 * @param mapKey the map key column of a {@code Map}, null otherwise
 * @param order the {@code @OrderColumn}, null without one
 * @param elements the element's columns (one for a basic element, several for an embeddable)
 */
public record CollectionModel(List<ColumnModel> owner, ColumnModel mapKey, ColumnModel order, List<ColumnModel> elements) {
  public CollectionModel {
    owner = List.copyOf(owner);
    elements = List.copyOf(elements);
  }
}
