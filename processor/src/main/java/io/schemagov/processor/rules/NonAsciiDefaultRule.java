package io.schemagov.processor.rules;

import io.schemagov.processor.jpa.ColumnModel;
import io.schemagov.schema.Column;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code non-ascii-default}: a column default with characters outside ASCII (the policy's rule 4:
 * such defaults were rendered differently by drivers and broke migrations); the same check as the
 * runtime's {@link Column#isPlainAscii}.
 */
public final class NonAsciiDefaultRule implements Rule {
  @Override
  public String key() {
    return Messages.NON_ASCII_DEFAULT;
  }

  @Override
  public Severity severity() {
    return Severity.ERROR;
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<Finding> out = new ArrayList<>();
    for (RuleContext.Member m : context.members()) {
      for (ColumnModel c : m.attribute().columns()) {
        if (c.defaultValue() != null && !Column.isPlainAscii(c.defaultValue().text())) {
          out.add(Finding.of(this, c.defaultValue().source(),
              Messages.nonAsciiDefault(Messages.member(c.source().element()), c.defaultValue().text())));
        }
      }
    }
    return out;
  }
}
