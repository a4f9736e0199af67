package io.schemagov.revision;

import io.schemagov.schema.Schema;
import io.schemagov.schema.Sequence;
import io.schemagov.schema.TableName;

/** Drops a sequence; its inverse recreates it from the start value, not the last value handed out. */
public record DropSequence(TableName name) implements Op {
  @Override
  public Schema apply(Schema before) {
    sequence(before);
    return before.withoutSequence(name);
  }

  @Override
  public Op inverse(Schema before) {
    return new CreateSequence(sequence(before));
  }

  private Sequence sequence(Schema schema) {
    return schema.sequence(name).orElseThrow(() -> new InvalidOpException(
        "sequence " + name + " does not exist at this point of the chain"));
  }

  @Override
  public String describe() {
    return "drop sequence " + name;
  }
}
