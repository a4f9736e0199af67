package io.schemagov.processor.rules;

import java.util.List;

/**
 * One check over the entity model, in the style of error-prone's BugChecker: a stable key, a
 * severity, and a pure function from the model to findings.
 */
public interface Rule {
  /** The key users see in {@code [schemagov:<key>]} and name in {@code @SuppressWarnings}. */
  String key();

  Severity severity();

  List<Finding> check(RuleContext context);
}
