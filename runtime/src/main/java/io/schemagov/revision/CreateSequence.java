package io.schemagov.revision;

import io.schemagov.schema.Schema;
import io.schemagov.schema.Sequence;

/** Creates a sequence (Hibernate's {@code <entity>_seq} or a {@code @SequenceGenerator}'s). */
public record CreateSequence(Sequence sequence) implements Op {
  @Override
  public Schema apply(Schema before) {
    if (before.sequence(sequence.name()).isPresent()) {
      throw new InvalidOpException("sequence " + sequence.name() + " already exists");
    }
    return before.withSequence(sequence);
  }

  @Override
  public Op inverse(Schema before) {
    return new DropSequence(sequence.name());
  }

  @Override
  public String describe() {
    return "create sequence " + sequence.name();
  }
}
