package io.schemagov.revision;

import io.schemagov.schema.InvalidSchemaException;

/** An op that cannot apply to the schema before it (a column added twice, an FK to a missing column). */
public class InvalidOpException extends InvalidSchemaException {
  public InvalidOpException(String message) {
    super(message);
  }
}
