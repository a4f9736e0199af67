package io.schemagov.revision;

import io.schemagov.schema.Schema;

/** An op together with the schema it applies to: what a dialect needs to render it. */
public record Step(Op op, Schema before) {
  public Schema after() {
    return op.apply(before);
  }
}
