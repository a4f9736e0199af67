package io.schemagov.migrate;

import java.util.List;

/**
 * What an {@code upgrade} or {@code downgrade} did: the revision the database was at when this run
 * first held the lock, the revision it is at now, and the revisions this run applied or reverted
 * (another migrator running at the same time applies the others), and the baselines it ran first
 * (ORM-managed tables a revision's foreign keys needed).
 */
public record MigrationResult(String from, String to, List<Applied> applied, List<Baselined> baselines) {
  public MigrationResult {
    applied = List.copyOf(applied);
    baselines = List.copyOf(baselines);
  }
}
