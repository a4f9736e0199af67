package io.schemagov.processor.jpa;

/** Why a table exists: an entity's primary table, or one of the tables a mapping adds. */
public enum TableKind {
  ENTITY("entity table"),
  SECONDARY("secondary table"),
  JOIN("join table"),
  COLLECTION("collection table");

  private final String label;

  TableKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
