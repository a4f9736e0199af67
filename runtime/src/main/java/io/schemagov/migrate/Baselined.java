package io.schemagov.migrate;

import io.schemagov.schema.TableName;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A baseline that ran in its own transaction: the ORM-managed tables (and sequences) it created from
 * the entity schema, and those it left because the database had them.
 *
 * @param created the tables created, in the order they were created (foreign-key order)
 * @param reason why, e.g. {@code ORM-managed tables that 0001 references}
 */
public record Baselined(List<TableName> created, List<TableName> sequences, List<TableName> existing,
    String reason, long durationMs) {
  public Baselined {
    created = List.copyOf(created);
    sequences = List.copyOf(sequences);
    existing = List.copyOf(existing);
  }

  /** {@code Baseline: created users, evidence_item (ORM-managed tables that 0001 references)}. */
  public String describe() {
    String line = created.isEmpty() && sequences.isEmpty() ? "Baseline: nothing to create"
        : "Baseline: created " + join(created) + (sequences.isEmpty() ? "" : (created.isEmpty() ? "" : ", ")
            + "sequence(s) " + join(sequences)) + " (" + reason + ")";
    return existing.isEmpty() ? line : line + "; already present, left alone: " + join(existing);
  }

  private static String join(List<TableName> names) {
    return names.stream().map(TableName::toString).collect(Collectors.joining(", "));
  }
}
