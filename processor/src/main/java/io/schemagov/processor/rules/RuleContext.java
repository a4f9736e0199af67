package io.schemagov.processor.rules;

import io.schemagov.processor.jpa.AttributeModel;
import io.schemagov.processor.jpa.EntityModel;
import io.schemagov.processor.jpa.PersistenceUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * What every rule reads: the compilation's entities, every table known to it, and the foreign keys
 * written as text, resolved once against those tables.
 */
public record RuleContext(PersistenceUnit unit, TableCatalog tables, List<ForeignKeys.Resolved> foreignKeys) {

  /** An attribute with the entity it was read for. */
  public record Member(EntityModel entity, AttributeModel attribute) {}

  public RuleContext {
    foreignKeys = List.copyOf(foreignKeys);
  }

  public static RuleContext of(PersistenceUnit unit, TableCatalog tables) {
    return new RuleContext(unit, tables, ForeignKeys.resolve(members(unit), tables));
  }

  /** Every attribute of every entity, in source order. */
  public List<Member> members() {
    return members(unit);
  }

  private static List<Member> members(PersistenceUnit unit) {
    List<Member> out = new ArrayList<>();
    for (EntityModel e : unit.entities()) {
      for (AttributeModel a : e.attributes()) {
        out.add(new Member(e, a));
      }
    }
    return out;
  }
}
