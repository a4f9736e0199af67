package io.schemagov.revision;

import io.schemagov.schema.Schema;

/**
 * Raw SQL for a data migration. It cannot change the schema the chain tracks, and since its inverse
 * cannot be derived it must carry its own {@code down}.
 */
public record ExecuteSql(String up, String down) implements Op {
  public ExecuteSql {
    if (up == null || up.isBlank()) {
      throw new InvalidOpException("sql op has no 'up' statement");
    }
    if (down == null || down.isBlank()) {
      throw new InvalidOpException("sql op has no 'down': write the statement that undoes 'up' "
          + "(a data migration must be reversible too)");
    }
  }

  @Override
  public Schema apply(Schema before) {
    return before;
  }

  @Override
  public Op inverse(Schema before) {
    return new ExecuteSql(down, up);
  }

  @Override
  public String describe() {
    String first = up.strip().lines().findFirst().orElse("");
    return "sql " + (first.length() > 60 ? first.substring(0, 57) + "..." : first);
  }
}
