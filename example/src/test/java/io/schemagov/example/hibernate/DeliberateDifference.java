package io.schemagov.example.hibernate;

import static com.google.common.truth.Truth.assertWithMessage;
import static io.schemagov.dialect.TestDatabase.Engine.POSTGRESQL;
import static io.schemagov.dialect.TestDatabase.Engine.SQLITE;

import io.schemagov.dialect.TestDatabase.Engine;
import io.schemagov.example.hibernate.Difference.Aspect;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Every known way Hibernate's schema for the example differs from schemagov's, with the reason it is
 * deliberate; the same list as "Deliberate differences from Hibernate" in docs/entity-schema.md (its
 * item numbers in brackets). {@link #assertOnly} fails on a difference that is not listed here, and
 * on an entry that no longer matches anything, so the list stays exact.
 *
 * <p>Not compared, so not listed: constraint and index names (ours are derived with {@code Names},
 * Hibernate's are hashes or left to the database, [2]), Hibernate's check constraints (enum values,
 * [1]; the schema model has no checks) and column order ([6]).
 */
enum DeliberateDifference {
  /**
   * [9] {@code @References} declares a foreign key on a plain column ({@code CourtGradeDiscovery.productionSetId},
   * {@code ediscovery.PrivilegeLog.productionItemId}); Hibernate maps the column alone. The annotation
   * is not retained at run time, so the columns are named here.
   */
  REFERENCES_FOREIGN_KEY(EnumSet.of(SQLITE, POSTGRESQL), d -> d.aspect() == Aspect.FOREIGN_KEY && d.hibernate() == null
      && Set.of("court_grade_discovery (production_set_id)", "ediscovery_privilege_log (production_item_id)")
          .contains(d.table() + " " + d.subject().replaceFirst("\\) references .*", ")"))),
  /** [4] Hibernate's SQLite dialect writes no foreign key at all; schemagov declares them in CREATE TABLE. */
  SQLITE_NO_FOREIGN_KEYS(EnumSet.of(SQLITE), d -> d.aspect() == Aspect.FOREIGN_KEY && d.hibernate() == null),
  /** [4] Hibernate's SQLite dialect drops table-level unique constraints; only inline column uniques stay. */
  SQLITE_NO_TABLE_UNIQUES(EnumSet.of(SQLITE), d -> d.aspect() == Aspect.UNIQUE && d.hibernate() == null),
  /**
   * [5] Hibernate's SQLite DDL declares every date-time type {@code timestamp}, dropping the precision;
   * schemagov declares {@code timestamp(6)} so the precision reads back unchanged. Both drop the zone:
   * an {@code OffsetDateTime}'s {@code timestamptz(6)} is {@code timestamp(6)} on SQLite, and a UUID is
   * {@code blob} in both, so neither differs.
   */
  SQLITE_TIMESTAMP_PRECISION(EnumSet.of(SQLITE), d -> d.aspect() == Aspect.TYPE && "timestamp".equals(d.hibernate())
      && "timestamp(6)".equals(d.schemagov()));

  private final Set<Engine> engines;
  private final Predicate<Difference> matches;

  DeliberateDifference(Set<Engine> engines, Predicate<Difference> matches) {
    this.engines = engines;
    this.matches = matches;
  }

  /** {@code differences} are exactly the deliberate ones of {@code engine}: none unexplained, no entry stale. */
  static void assertOnly(Engine engine, List<Difference> differences) {
    List<DeliberateDifference> expected = Arrays.stream(values()).filter(d -> d.engines.contains(engine)).toList();
    List<Difference> unexplained = differences.stream()
        .filter(difference -> expected.stream().noneMatch(d -> d.matches.test(difference))).toList();
    List<DeliberateDifference> stale = expected.stream()
        .filter(d -> differences.stream().noneMatch(d.matches)).toList();
    assertWithMessage("differences from Hibernate's schema on %s that docs/entity-schema.md does not list "
        + "as deliberate; fix the mapping or document them (all differences: %s)", engine, differences)
        .that(unexplained).isEmpty();
    assertWithMessage("deliberate differences listed for %s that no longer occur; remove them here and in "
        + "docs/entity-schema.md", engine).that(stale).isEmpty();
  }
}
