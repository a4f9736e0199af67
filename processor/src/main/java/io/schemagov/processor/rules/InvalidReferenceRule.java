package io.schemagov.processor.rules;

import io.schemagov.processor.jpa.ForeignKeyText;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code invalid-reference}: an {@code @References} value that is not {@code table.column} or
 * {@code schema.table.column} made of identifiers. Such text would be pasted into DDL, so anything
 * else (spaces, quotes, semicolons) is refused rather than guessed at.
 */
public final class InvalidReferenceRule implements Rule {
  @Override
  public String key() {
    return Messages.INVALID_REFERENCE;
  }

  @Override
  public Severity severity() {
    return Severity.ERROR;
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<Finding> out = new ArrayList<>();
    for (RuleContext.Member m : context.members()) {
      for (ForeignKeyText fk : m.attribute().foreignKeys()) {
        if (fk.origin() == ForeignKeyText.Origin.REFERENCES && fk.table() == null) {
          out.add(Finding.of(this, fk.source(),
              Messages.invalidReference(Messages.member(fk.source().element()), fk.text(), reason(fk.text()))));
        }
      }
    }
    return out;
  }

  private static String reason(String text) {
    if (text.isBlank()) {
      return Messages.REFERENCE_EMPTY;
    }
    return text.contains(".") ? Messages.REFERENCE_NOT_IDENTIFIER : Messages.REFERENCE_NO_COLUMN;
  }
}
