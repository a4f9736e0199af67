package io.schemagov.processor.rules;

import io.schemagov.processor.jpa.TableModel;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code fk-renamed-table}: a foreign key's text names a table that {@code @RenamedFrom} renamed
 * away, and no table carries that name any more.
 */
public final class FkRenamedTableRule implements Rule {
  @Override
  public String key() {
    return Messages.FK_RENAMED_TABLE;
  }

  @Override
  public Severity severity() {
    return Severity.ERROR;
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<Finding> out = new ArrayList<>();
    for (ForeignKeys.Resolved r : context.foreignKeys()) {
      if (!r.renamedAway().isEmpty() && r.current().isEmpty()) {
        TableModel renamed = r.renamedAway().get(0);
        out.add(Finding.of(this, r.fk().source(), Messages.fkRenamedTable(
            r.where(), r.fk().table().toString(), renamed.owner(), renamed.displayName())));
      }
    }
    return out;
  }
}
