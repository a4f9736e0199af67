package io.schemagov.processor.rules;

import io.schemagov.processor.jpa.RelationModel;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code fk-unknown-table}: a foreign key's text names a table nobody maps (and nobody renamed
 * away: that is {@code fk-renamed-table}), or a relationship targets a class that is not an entity.
 */
public final class FkUnknownTableRule implements Rule {
  @Override
  public String key() {
    return Messages.FK_UNKNOWN_TABLE;
  }

  @Override
  public Severity severity() {
    return Severity.ERROR;
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<Finding> out = new ArrayList<>();
    for (ForeignKeys.Resolved r : context.foreignKeys()) {
      if (r.current().isEmpty() && r.renamedAway().isEmpty()) {
        out.add(Finding.of(this, r.fk().source(), Messages.fkUnknownTable(r.where(), r.fk().table().toString())));
      }
    }
    for (RuleContext.Member m : context.members()) {
      RelationModel rel = m.attribute().relation();
      if (rel != null && rel.targetType() != null && !rel.targetIsEntity()) {
        out.add(Finding.of(this, rel.source(),
            Messages.relationshipToNonEntity(Messages.member(rel.source().element()), rel.targetType())));
      }
    }
    return out;
  }
}
