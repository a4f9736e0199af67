package io.schemagov.migrate;

import io.schemagov.revision.Chain;
import io.schemagov.revision.EntitySchemaFile;
import io.schemagov.revision.Revision;
import io.schemagov.revision.SchemaDiff;
import io.schemagov.schema.Schema;
import io.schemagov.schema.TableName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The smoke gate: the seed's {@code ci_migration_smoke.py} as a product feature. Nine checks run the
 * chain through a {@link Migrator} on a scratch SQLite file per check (or on an empty database given
 * by URL) and report each as passed or failed; one failing check never stops the others.
 *
 * <pre>{@code
 * SmokeReport report = Smoke.run(Chain.load(Path.of("src/main/resources/db/schemagov")));
 * report.checks().forEach(check -> System.out.println(check.line()));
 * }</pre>
 */
public final class Smoke {
  /** A check: given the chain and its database, says what it found, or throws {@link SmokeCheckFailed}. */
  private interface Body {
    String run(Chain chain, SmokeDatabase database);
  }

  private record Check(String name, Body body) {}

  private static final List<Check> CHECKS = List.of(
      new Check("upgrade_base_to_head", Smoke::upgradeBaseToHead),
      new Check("downgrade_head_to_base", Smoke::downgradeHeadToBase),
      new Check("round_trip_base_head_base_head", Smoke::roundTrip),
      new Check("each_revision_up_down_up", Smoke::eachRevisionUpDownUp),
      new Check("chain_integrity", Smoke::chainIntegrity),
      new Check("no_drift_at_head", Smoke::noDriftAtHead),
      new Check("downgrade_leaves_no_managed_table", Smoke::downgradeLeavesNoManagedTable),
      new Check("blank_database_without_orm_tables", Smoke::blankDatabaseWithoutOrmTables),
      new Check("history_matches_chain", Smoke::historyMatchesChain));

  private Smoke() {}

  /** The names of the checks, in the order they run. */
  public static List<String> checkNames() {
    return CHECKS.stream().map(Check::name).toList();
  }

  /** Runs the checks on scratch SQLite files, deleted afterwards. */
  public static SmokeReport run(Chain chain) {
    return run(chain, null, check -> { });
  }

  /** Runs the checks on {@code url}, or on scratch SQLite when it is null. */
  public static SmokeReport run(Chain chain, String url) {
    return run(chain, url, check -> { });
  }

  /**
   * As {@link #run(Chain, String)}, telling {@code listener} of each check as it ends. A database given
   * by URL must hold nothing of the chain (a {@link MigrationException} with reason
   * {@link MigrationException.Reason#REFUSED} otherwise) and is left at base.
   */
  public static SmokeReport run(Chain chain, String url, Consumer<SmokeCheck> listener) {
    return run(chain, null, url, listener);
  }

  /**
   * As {@link #run(Chain, String, Consumer)}, with the entity schema: on a database given by URL that
   * checks foreign key targets at DDL time, the run first creates the ORM-managed tables the chain
   * references that the database lacks (a baseline, recorded in the history and left in place), as
   * {@code upgrade} would. {@code entities} may be null.
   */
  public static SmokeReport run(Chain chain, EntitySchemaFile entities, String url, Consumer<SmokeCheck> listener) {
    long started = System.nanoTime();
    try (SmokeTarget target = url == null ? new SmokeTarget.Scratch(chain)
        : new SmokeTarget.Given(url, chain, entities)) {
      List<SmokeCheck> checks = new ArrayList<>();
      for (Check check : CHECKS) {
        SmokeCheck done = run(check, chain, target);
        checks.add(done);
        listener.accept(done);
      }
      return new SmokeReport(target.describe(), checks, Duration.ofNanos(System.nanoTime() - started));
    }
  }

  private static SmokeCheck run(Check check, Chain chain, SmokeTarget target) {
    long started = System.nanoTime();
    boolean passed = false;
    String detail;
    SmokeDatabase database = null;
    try {
      database = target.open();
      detail = check.body().run(chain, database);
      passed = true;
    } catch (RuntimeException e) {
      detail = Objects.requireNonNullElse(e.getMessage(), e.getClass().getName());
    }
    if (database != null) {
      Optional<String> left = target.release(database);
      if (left.isPresent()) {
        passed = false;
        detail = detail + "; " + left.get();
      }
    }
    return new SmokeCheck(check.name(), passed, detail, Duration.ofNanos(System.nanoTime() - started));
  }

  private static String upgradeBaseToHead(Chain chain, SmokeDatabase database) {
    MigrationResult result = database.migrator().upgrade(Chain.HEAD);
    expectCurrent(database, chain.head(), "after upgrade head");
    return "applied " + ids(result.applied()) + "; now at " + chain.head();
  }

  private static String downgradeHeadToBase(Chain chain, SmokeDatabase database) {
    database.migrator().upgrade(Chain.HEAD);
    MigrationResult result = database.migrator().downgrade(Chain.BASE);
    expectCurrent(database, Chain.BASE, "after downgrade base");
    return "reverted " + ids(result.applied()) + "; now at base";
  }

  private static String roundTrip(Chain chain, SmokeDatabase database) {
    Migrator migrator = database.migrator();
    Schema base = database.schema();
    migrator.upgrade(Chain.HEAD);
    Schema head = database.schema();
    migrator.downgrade(Chain.BASE);
    expectSame(base, database.schema(), "base -> head -> base does not come back to the schema at base");
    migrator.upgrade(Chain.HEAD);
    expectSame(head, database.schema(), "head reached a second time differs from head reached the first time");
    return "base -> head -> base -> head: the same schema at base and at head (" + head.tables().size()
        + " tables) both times";
  }

  /** Policy rule 1: every revision's downgrade fully reverses its upgrade, each on its own. */
  private static String eachRevisionUpDownUp(Chain chain, SmokeDatabase database) {
    Migrator migrator = database.migrator();
    List<String> problems = new ArrayList<>();
    for (Revision revision : chain.revisions()) {
      String parent = Objects.requireNonNullElse(revision.parent(), Chain.BASE);
      try {
        Schema before = database.schema();
        migrator.upgrade(revision.id());
        Schema after = database.schema();
        migrator.downgrade(parent);
        differences(before, database.schema()).ifPresent(found -> problems.add("revision " + label(revision)
            + ": its downgrade does not reverse its upgrade; after up and down, compared with before: " + found));
        migrator.upgrade(revision.id());
        differences(after, database.schema()).ifPresent(found -> problems.add("revision " + label(revision)
            + ": upgrading it again gives a different schema: " + found));
      } catch (MigrationException e) {
        problems.add(e.getMessage());
        break;
      }
    }
    if (!problems.isEmpty()) {
      throw new SmokeCheckFailed(String.join("\n", problems));
    }
    return chain.revisions().size() + " revisions each upgraded, downgraded and upgraded again; every "
        + "downgrade restored the schema before its upgrade";
  }

  /** Policy rule 6, restated on the loaded chain: one root, each parent the revision before, one head. */
  private static String chainIntegrity(Chain chain, SmokeDatabase database) {
    List<Revision> revisions = chain.revisions();
    List<String> problems = new ArrayList<>();
    Set<String> parents = new HashSet<>();
    for (int k = 0; k < revisions.size(); k++) {
      Revision revision = revisions.get(k);
      String expected = k == 0 ? null : revisions.get(k - 1).id();
      if (!Objects.equals(revision.parent(), expected)) {
        problems.add("revision " + label(revision) + " has parent " + revision.parent() + ", expected " + expected);
      }
      if (revision.parent() != null) {
        parents.add(revision.parent());
      }
    }
    List<String> heads = revisions.stream().map(Revision::id).filter(id -> !parents.contains(id)).toList();
    if (heads.size() > 1) {
      problems.add("heads " + String.join(", ", heads) + "; the chain must have one head");
    }
    if (!problems.isEmpty()) {
      throw new SmokeCheckFailed(String.join("; ", problems));
    }
    return revisions.isEmpty() ? "no revisions" : revisions.size() + " revisions, linear "
        + revisions.get(0).id() + " -> " + chain.head() + ", one head (" + chain.head() + "), every parent present";
  }

  private static String noDriftAtHead(Chain chain, SmokeDatabase database) {
    database.migrator().upgrade(Chain.HEAD);
    Schema expected = database.stored(chain.replay());
    expectSame(expected, database.schema(), "the database at head differs from the chain's replay");
    return "the database at head matches the chain's replay: " + expected.tables().size() + " tables, "
        + expected.sequences().size() + " sequences";
  }

  private static String downgradeLeavesNoManagedTable(Chain chain, SmokeDatabase database) {
    Migrator migrator = database.migrator();
    migrator.upgrade(Chain.HEAD);
    int created = chain.replay().tables().size();
    migrator.downgrade(Chain.BASE);
    Schema left = database.schema();
    List<String> remaining = Stream.concat(left.tables().values().stream().map(t -> t.name().toString()),
        left.sequences().values().stream().map(s -> "sequence " + s.name())).toList();
    if (!remaining.isEmpty()) {
      throw new SmokeCheckFailed("after downgrade base the database still holds " + String.join(", ", remaining));
    }
    List<String> rows = migrator.history().stream()
        .filter(entry -> entry.status() != HistoryEntry.Status.PENDING && entry.status() != HistoryEntry.Status.BASELINE)
        .map(HistoryEntry::id).toList();
    if (!rows.isEmpty()) {
      throw new SmokeCheckFailed("after downgrade base the history still lists " + String.join(", ", rows));
    }
    return "after downgrade base none of the " + created + " tables at head remains, and the history is empty";
  }

  /**
   * What the seed's CI relied on: the chain applies on a blank database, without the ORM's
   * {@code create_all()}. Foreign keys into tables no revision creates are external references; a
   * database that checks foreign key targets at DDL time needs a baseline that creates them first.
   */
  private static String blankDatabaseWithoutOrmTables(Chain chain, SmokeDatabase database) {
    List<TableName> external = chain.externalReferences();
    Set<String> present = database.baselineKeys();
    String missing = external.stream().filter(name -> !present.contains(name.key()))
        .map(TableName::toString).collect(Collectors.joining(", "));
    String all = external.stream().map(TableName::toString).collect(Collectors.joining(", "));
    try {
      database.migrator().upgrade(Chain.HEAD);
    } catch (MigrationException e) {
      if (missing.isEmpty()) {
        throw e;
      }
      throw new SmokeCheckFailed(e.getMessage() + "\nThe chain's foreign keys reference " + missing
          + ", which no revision creates and this database lacks: it checks foreign key targets at DDL time, "
          + "so a baseline must create them before upgrade head (the seed's db.create_all())");
    }
    if (external.isEmpty()) {
      return "the chain references no table outside it, so it applies on a blank database anywhere";
    }
    return missing.isEmpty()
        ? "external references " + all + " (created by no revision) were present, "
            + database.baselined().map(done -> "created by this run's baseline from the entity schema ("
                + done.describe() + ")").orElse("as a baseline creates them")
        : "applied without " + missing + ": external references (created by no revision, e.g. ORM-managed) "
            + "that this database stores as text at DDL time, as SQLite does; PostgreSQL and MySQL check "
            + "foreign key targets at DDL time and need a baseline that creates them before upgrade head";
  }

  private static String historyMatchesChain(Chain chain, SmokeDatabase database) {
    Migrator migrator = database.migrator();
    List<String> ids = chain.revisions().stream().map(Revision::id).toList();
    for (int k = 0; k < ids.size(); k++) {
      migrator.upgrade(ids.get(k));
      expectCurrent(database, ids.get(k), "after upgrade " + ids.get(k));
      List<HistoryEntry> history = migrator.history();
      expectHistory(history, HistoryEntry.Status.APPLIED, ids.subList(0, k + 1), "after upgrade " + ids.get(k));
      expectHistory(history, HistoryEntry.Status.PENDING, ids.subList(k + 1, ids.size()),
          "after upgrade " + ids.get(k));
    }
    if (!migrator.verify().ok()) {
      throw new SmokeCheckFailed("at head, the history disagrees with the files: "
          + String.join("; ", migrator.verify().problems()));
    }
    migrator.downgrade(Chain.BASE);
    expectCurrent(database, Chain.BASE, "after downgrade base");
    expectHistory(migrator.history(), HistoryEntry.Status.APPLIED, List.of(), "after downgrade base");
    return "after each upgrade, current named the revision and the history listed exactly the applied "
        + "revisions with matching checksums; after downgrade base, current is base";
  }

  private static void expectCurrent(SmokeDatabase database, String expected, String when) {
    String current = database.migrator().current();
    if (!current.equals(expected)) {
      throw new SmokeCheckFailed(when + " the database is at " + current + ", expected " + expected);
    }
  }

  private static void expectHistory(List<HistoryEntry> history, HistoryEntry.Status status, List<String> expected,
      String when) {
    List<String> actual = history.stream().filter(entry -> entry.status() == status).map(HistoryEntry::id).toList();
    if (!actual.equals(expected)) {
      throw new SmokeCheckFailed(when + " the history lists " + actual + " as " + status.name().toLowerCase(Locale.ROOT)
          + ", expected " + expected + " (whole history: " + history.stream()
          .map(entry -> entry.id() + " " + entry.status().name().toLowerCase(Locale.ROOT)).toList() + ")");
    }
  }

  private static void expectSame(Schema expected, Schema actual, String what) {
    differences(expected, actual).ifPresent(found -> {
      throw new SmokeCheckFailed(what + ": " + found);
    });
  }

  private static Optional<String> differences(Schema expected, Schema actual) {
    List<SchemaDiff.Difference> found = SchemaDiff.between(expected, actual);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.size() + " difference(s): "
        + found.stream().map(SchemaDiff.Difference::description).collect(Collectors.joining("; ")));
  }

  private static String ids(List<Applied> applied) {
    return applied.isEmpty() ? "nothing" : applied.size() + " revision(s) ("
        + applied.stream().map(Applied::id).collect(Collectors.joining(", ")) + ")";
  }

  private static String label(Revision revision) {
    return revision.id() + (revision.source() == null ? "" : " (" + revision.source() + ")");
  }
}
