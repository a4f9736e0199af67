package io.schemagov.schema;

/** A database sequence, as Hibernate's SEQUENCE and AUTO generators expect one. */
public record Sequence(TableName name, long start, long increment) {
  public Sequence {
    if (name == null) {
      throw new InvalidSchemaException("sequence is missing a name");
    }
    if (increment == 0) {
      throw new InvalidSchemaException("sequence " + name + " has increment 0");
    }
  }
}
