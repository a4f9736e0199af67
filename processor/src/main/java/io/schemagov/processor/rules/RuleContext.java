package io.schemagov.processor.rules;

import io.schemagov.processor.jpa.AttributeModel;
import io.schemagov.processor.jpa.EntityModel;
import io.schemagov.processor.jpa.PersistenceUnit;
import java.util.ArrayList;
import java.util.List;

/** What every rule reads: the compilation's entities and every table known to it. */
public record RuleContext(PersistenceUnit unit, TableCatalog tables) {

  /** An attribute with the entity it was read for. */
  public record Member(EntityModel entity, AttributeModel attribute) {}

  /** Every attribute of every entity, in source order. */
  public List<Member> members() {
    List<Member> out = new ArrayList<>();
    for (EntityModel e : unit.entities()) {
      for (AttributeModel a : e.attributes()) {
        out.add(new Member(e, a));
      }
    }
    return out;
  }
}
