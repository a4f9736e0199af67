package io.schemagov.processor.rules;

import io.schemagov.processor.jpa.TableModel;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code fk-renamed-reused}: a foreign key's text names a table that {@code @RenamedFrom} renamed
 * away and that another entity maps now. Either may be meant, so the developer confirms.
 */
public final class FkRenamedReusedRule implements Rule {
  @Override
  public String key() {
    return Messages.FK_RENAMED_REUSED;
  }

  @Override
  public Severity severity() {
    return Severity.WARNING;
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<Finding> out = new ArrayList<>();
    for (ForeignKeys.Resolved r : context.foreignKeys()) {
      if (!r.renamedAway().isEmpty() && !r.current().isEmpty()) {
        TableModel renamed = r.renamedAway().get(0);
        out.add(Finding.of(this, r.fk().source(), Messages.fkRenamedReused(
            r.where(), r.fk().table().toString(), renamed.owner(), renamed.displayName(), r.current().get(0).owner())));
      }
    }
    return out;
  }
}
