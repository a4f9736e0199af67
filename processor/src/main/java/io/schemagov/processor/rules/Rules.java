package io.schemagov.processor.rules;

import java.util.List;

/** The rules a compilation runs, in reporting order. */
public final class Rules {
  private Rules() {}

  public static List<Rule> all() {
    return List.of(
        new TableCollisionRule(),
        new SharedTableConflictRule(),
        new InvalidReferenceRule(),
        new FkRenamedTableRule(),
        new FkRenamedReusedRule(),
        new FkUnknownTableRule(),
        new FkOrmManagedRule(),
        new NonAsciiDefaultRule());
  }
}
