package io.schemagov.schema;

/** A model object that cannot exist: a bad name, a missing column, a duplicate constraint. */
public class InvalidSchemaException extends RuntimeException {
  public InvalidSchemaException(String message) {
    super(message);
  }
}
