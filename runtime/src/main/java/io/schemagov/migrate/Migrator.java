package io.schemagov.migrate;

import static io.schemagov.dialect.Jdbc.execute;

import io.schemagov.dialect.Dialect;
import io.schemagov.dialect.Dialects;
import io.schemagov.dialect.LockTimeoutException;
import io.schemagov.migrate.MigrationException.Reason;
import io.schemagov.revision.Chain;
import io.schemagov.revision.Checksums;
import io.schemagov.revision.EntitySchemaFile;
import io.schemagov.revision.Revision;
import io.schemagov.revision.SchemaDiff;
import io.schemagov.revision.Step;
import io.schemagov.revision.TargetException;
import io.schemagov.schema.ForeignKey;
import io.schemagov.schema.Schema;
import io.schemagov.schema.Sequence;
import io.schemagov.schema.Table;
import io.schemagov.schema.TableName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Runs a revision chain against a database. Built once with {@link #builder()}; each command opens
 * its own connection and returns a result (printing is the caller's business).
 *
 * <pre>{@code
 * Migrator migrator = Migrator.builder()
 *     .url("jdbc:sqlite:app.db")
 *     .revisionsOnClasspath("db/schemagov")
 *     .build();
 * migrator.upgrade("head");
 * }</pre>
 *
 * <p>Every revision runs in its own transaction together with its history row. Each transaction
 * first takes the database's migration lock, then knows the current revision: the first reads the
 * history and checks every applied revision against its file, so a tampered history is refused
 * before anything runs; a later one reads and checks it again only when another connection may have
 * written since (the session tells), and otherwise goes on from what it read plus its own writes. So
 * concurrent migrators apply each revision once (Flyway's DbMigrate re-reads what is pending inside
 * the lock), without re-reading the whole history for every revision.
 *
 * <p>With the entity schema the processor exports next to the revisions ({@link EntitySchemaFile}),
 * {@code upgrade} runs a baseline before a revision whose foreign keys name ORM-managed tables the
 * database lacks, where the database checks foreign key targets at DDL time: the seed's
 * {@code db.create_all()} before {@code upgrade head}, done by the tool.
 */
public final class Migrator {
  private final Chain chain;
  private final Database database;
  private final Dialect explicitDialect;
  private final Duration lockTimeout;
  private final Consumer<Applied> listener;
  private final EntitySchemaFile entities;
  private final boolean baseline;
  private final Consumer<Baselined> baselineListener;
  /** The revisions as given (a directory or {@code classpath:<dir>}), for the commands a message names. */
  private final String revisionsLocation;
  /** By revision id (or {@link Chain#BASE}): the foreign key targets outside its schema. */
  private final Map<String, Map<String, TableName>> externalTargetsByRevision = new ConcurrentHashMap<>();

  private Migrator(Builder builder, Chain chain, EntitySchemaFile entities) {
    this.chain = chain;
    this.entities = entities;
    this.baseline = builder.baseline;
    this.baselineListener = builder.baselineListener;
    this.revisionsLocation = builder.directory != null ? builder.directory.toString()
        : builder.classpathDir != null ? "classpath:" + builder.classpathDir : "<dir>";
    this.database = builder.url == null && builder.dataSource == null ? null
        : new Database(builder.url, builder.dataSource);
    this.explicitDialect = builder.dialect;
    this.lockTimeout = builder.lockTimeout;
    this.listener = builder.listener;
    if (database != null) {
      // Every command with a database compares the applied revisions' checksums, and upgrade writes them.
      chain.computeChecksumsAhead();
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public Chain chain() {
    return chain;
  }

  /** The entity schema: found next to the revisions, or given to the builder. */
  public Optional<EntitySchemaFile> entitySchema() {
    return Optional.ofNullable(entities);
  }

  /** Applies the revisions up to {@code target}: {@code head}, an id or {@code +N}. */
  public MigrationResult upgrade(String target) {
    return run(target, true);
  }

  /** Reverts the revisions down to {@code target}: {@code base}, an id or {@code -N}. */
  public MigrationResult downgrade(String target) {
    return run(target, false);
  }

  /** The revision the database is at, {@link Chain#BASE} when none is applied. */
  public String current() {
    return withConnection((connection, dialect) -> {
      List<History.Row> rows = new History(dialect).read(connection);
      refuseMismatches(rows);
      return History.current(rows);
    });
  }

  /** The applied revisions, oldest first, then the pending ones. */
  public List<HistoryEntry> history() {
    return withConnection((connection, dialect) -> {
      List<History.Row> rows = new History(dialect).read(connection);
      List<HistoryEntry> entries = new ArrayList<>();
      for (History.Row row : rows) {
        HistoryEntry.Status status = row.baseline() ? HistoryEntry.Status.BASELINE : chain.revision(row.id())
            .map(revision -> History.checksumMatches(row, revision) ? HistoryEntry.Status.APPLIED
                : HistoryEntry.Status.CHANGED)
            .orElse(HistoryEntry.Status.MISSING);
        entries.add(new HistoryEntry(row.id(), row.message(), status, row.kind(), row.appliedAt(), row.durationMs()));
      }
      String current = History.current(rows);
      if (chain.revision(current).isPresent() || Chain.BASE.equals(current)) {
        for (Revision pending : chain.between(current, chain.head())) {
          entries.add(new HistoryEntry(pending.id(), pending.message(), HistoryEntry.Status.PENDING, null, null, null));
        }
      }
      return entries;
    });
  }

  /**
   * Compares the live database with the chain's schema at the database's current revision, listing
   * every missing, extra or different table, column, key, index and sequence.
   *
   * <p>With an entity schema, ORM-managed tables are the entities' business, never extra: those
   * present are compared with the entity schema, and those missing are reported only when a baseline
   * recorded creating them (a table the ORM has not created yet is not a difference).
   */
  public CheckResult check() {
    return withConnection((connection, dialect) -> {
      List<History.Row> rows = new History(dialect).read(connection);
      refuseMismatches(rows);
      String current = History.current(rows);
      Schema model = chain.schemaAt(current);
      // The model names the database schemas its tables live in (@Table(schema = ...)).
      Schema actual = dialect.introspect(connection, entities == null ? model : withOrm(model, entities.schema()))
          .withoutTable(History.TABLE);
      if (entities != null) {
        model = withOrm(model, ormExpected(rows, actual));
      }
      Schema expected = dialect.stored(model);
      return new CheckResult(current, SchemaDiff.between(expected, actual));
    });
  }

  /** {@code model} plus the tables and sequences of {@code orm} that the model does not have. */
  private static Schema withOrm(Schema model, Schema orm) {
    Schema merged = model;
    for (Table table : orm.tableList()) {
      merged = merged.table(table.name()).isPresent() ? merged : merged.withTable(table);
    }
    for (Sequence sequence : orm.sequences().values()) {
      merged = merged.sequence(sequence.name()).isPresent() ? merged : merged.withSequence(sequence);
    }
    return merged;
  }

  /**
   * The ORM-managed tables {@code check} expects: those the database has, and those a baseline row
   * says it created; the entity schema's sequences that the database has.
   */
  private Schema ormExpected(List<History.Row> rows, Schema actual) {
    Set<String> baselined = new HashSet<>();
    rows.stream().filter(History.Row::baseline)
        .forEach(row -> row.baselineTables().forEach(name -> baselined.add(TableName.parse(name).key())));
    List<Table> tables = entities.ormManagedTables().stream()
        .filter(t -> actual.table(t.name()).isPresent() || baselined.contains(t.name().key())).toList();
    List<Sequence> sequences = entities.schema().sequences().values().stream()
        .filter(s -> actual.sequence(s.name()).isPresent()).toList();
    return Schema.of(tables, sequences);
  }

  /** Records the database as being at {@code target} without running anything. */
  public MigrationResult stamp(String target) {
    return withConnection((connection, dialect) -> {
      History history = new History(dialect);
      try (Dialect.Session session = dialect.open(connection, lockTimeout)) {
        session.begin();
        try {
          List<History.Row> rows = history.ensureAndRead(connection);
          refuseMismatches(rows);
          String from = History.current(rows);
          String to = resolve(target, from);
          execute(connection, history.deleteRevisions());
          for (Revision revision : chain.between(Chain.BASE, to)) {
            execute(connection, history.insert(revision, chain, History.STAMP, 0));
          }
          session.commit(List.of());
          return new MigrationResult(from, to, List.of(), List.of());
        } catch (RuntimeException | SQLException e) {
          rollbackAfter(session, e);
          throw e;
        }
      }
    });
  }

  /**
   * The chain is valid (building this migrator checked it); with a database, also every applied
   * revision against its file. Problems are returned, not thrown.
   */
  public VerifyResult verify() {
    if (database == null) {
      return new VerifyResult(chain.revisions().size(), chain.head(), false, List.of());
    }
    List<String> problems = withConnection((connection, dialect) ->
        History.problems(new History(dialect).read(connection), chain));
    return new VerifyResult(chain.revisions().size(), chain.head(), true, problems);
  }

  /**
   * The SQL that moves a database from {@code from} to {@code to} (upgrade or downgrade; {@code to}
   * may be relative to {@code from}), with the history writes; no database is needed.
   */
  public String sql(String from, String to) {
    String start = resolve(from, Chain.BASE);
    String end = resolve(to, start);
    return new OfflineSql(chain, explicitDialect != null ? explicitDialect
        : database != null ? database.dialectFromUrl().orElse(Dialects.named("sqlite")) : Dialects.named("sqlite"))
        .script(start, end);
  }

  private MigrationResult run(String target, boolean upgrade) {
    return withConnection((connection, dialect) -> {
      History history = new History(dialect);
      List<Applied> applied = new ArrayList<>();
      List<Baselined> baselines = new ArrayList<>();
      String from = null;
      String resolved = null;
      // The history as this run knows it. It is read and checked whole (every applied revision against
      // its file) in the first transaction, and again in any later one where the session says another
      // connection may have written since this run's previous transaction (on SQLite, whose lock is per
      // transaction, a competing migrator, which may hold other files, can have applied or reverted
      // revisions in between; on PostgreSQL the run holds the lock throughout). Otherwise nothing but
      // this run has written since it last read: the rows are what it read plus its own writes, kept
      // here, and reading and checking them again for every revision (two metadata lookups and the
      // whole table each time) would only make the run O(n^2) in rows and cost round trips.
      List<History.Row> rows = null;
      if (upgrade && dialect.enforcesForeignKeysAtDdl()) {
        // baselineFor walks every revision's schema for its external targets; on another core they are ready
        // before it asks (it computes one that is not yet itself).
        ForkJoinPool.commonPool().execute(() -> chain.revisions().forEach(revision -> externalTargets(revision.id())));
      }
      try (Dialect.Session session = dialect.open(connection, lockTimeout)) {
        while (true) {
          session.begin();
          try {
            boolean stale = session.othersMayHaveWritten(); // asked in every transaction: see its contract
            if (rows == null || stale) {
              rows = history.ensureAndRead(connection);
              refuseMismatches(rows);
            }
            String current = History.current(rows);
            if (resolved == null) {
              from = current;
              resolved = resolveDirected(target, current, upgrade);
            }
            int now = position(chain, current);
            int goal = position(chain, resolved);
            if (upgrade ? now >= goal : now <= goal) {
              session.rollback();
              return new MigrationResult(from, current, applied, baselines);
            }
            Revision revision = upgrade ? chain.revisions().get(now + 1) : chain.revisions().get(now);
            Optional<BaselinePlan> needed = upgrade && dialect.enforcesForeignKeysAtDdl()
                ? baselineFor(connection, dialect, revision) : Optional.empty();
            if (needed.isPresent()) {
              // Its own transaction; the next turn re-reads the history and finds the tables there.
              Baselined done = runBaseline(connection, dialect, session, history, rows, needed.get(),
                  "ORM-managed tables that " + revision.id() + " references");
              baselines.add(done);
              baselineListener.accept(done);
              rows = null;
              continue;
            }
            Applied done = apply(connection, session, history, revision, upgrade);
            // Committed: the history now holds what apply wrote, and so do the rows this run knows.
            if (upgrade) {
              rows.add(History.inserted(rows, revision, chain, History.UPGRADE, done.durationMs()));
            } else {
              rows.removeIf(row -> !row.baseline() && row.id().equals(revision.id()));
            }
            applied.add(done);
            listener.accept(done);
          } catch (RuntimeException | SQLException e) {
            rollbackAfter(session, e);
            throw e;
          }
        }
      }
    });
  }

  /**
   * Creates every ORM-managed table of the entity schema that the database lacks (the whole
   * {@code create_all} of the ORM-managed part) and the sequences no revision creates, in one
   * transaction, recorded in the history; tables already there are left alone. Works on every
   * database, whether or not it checks foreign key targets at DDL time.
   */
  public Baselined baseline() {
    EntitySchemaFile schema = requireEntities("baseline needs the entity schema");
    return withConnection((connection, dialect) -> {
      History history = new History(dialect);
      try (Dialect.Session session = dialect.open(connection, lockTimeout)) {
        session.begin();
        try {
          List<History.Row> rows = history.ensureAndRead(connection);
          refuseMismatches(rows);
          Schema live = live(connection, dialect);
          BaselinePlan plan = BaselinePlan.all(schema, chain.replay(), live);
          return runBaseline(connection, dialect, session, history, rows, plan,
              "every ORM-managed table the database lacked");
        } catch (RuntimeException | SQLException e) {
          rollbackAfter(session, e);
          throw e;
        }
      }
    });
  }

  /**
   * The baseline the smoke gate runs on a database that checks foreign key targets at DDL time: the
   * ORM-managed tables the chain references, so that every check applies the chain as production does.
   */
  Optional<Baselined> baselineReferenced() {
    if (entities == null) {
      return Optional.empty();
    }
    return withConnection((connection, dialect) -> {
      if (!dialect.enforcesForeignKeysAtDdl()) {
        return Optional.empty();
      }
      History history = new History(dialect);
      try (Dialect.Session session = dialect.open(connection, lockTimeout)) {
        session.begin();
        try {
          List<History.Row> rows = history.ensureAndRead(connection);
          BaselinePlan plan = BaselinePlan.referenced(entities, chain.externalReferences(), live(connection, dialect));
          if (plan.isEmpty()) {
            session.rollback();
            return Optional.empty();
          }
          return Optional.of(runBaseline(connection, dialect, session, history, rows, plan,
              "ORM-managed tables the chain references"));
        } catch (RuntimeException | SQLException e) {
          rollbackAfter(session, e);
          throw e;
        }
      }
    });
  }

  /**
   * The baseline {@code revision} needs before it can run: its foreign keys' targets that no revision
   * creates and the database lacks, and the ORM-managed tables they reference in turn. Empty when
   * nothing is missing; refuses when the baseline is turned off or cannot be made.
   */
  private Optional<BaselinePlan> baselineFor(Connection connection, Dialect dialect, Revision revision)
      throws SQLException {
    TreeMap<String, TableName> targets = new TreeMap<>(externalTargets(revision.id()));
    // Targets the parent already referenced were there when it applied: one introspection per revision
    // that adds an external reference, not per revision.
    targets.keySet().removeAll(externalTargets(Objects.requireNonNullElse(revision.parent(), Chain.BASE)).keySet());
    if (targets.isEmpty()) {
      return Optional.empty();
    }
    Schema live = live(connection, dialect);
    List<TableName> missing = targets.values().stream().filter(name -> live.table(name).isEmpty()).toList();
    if (missing.isEmpty()) {
      return Optional.empty();
    }
    String why = "revision " + label(revision) + " has foreign keys into " + names(missing) + ", which no "
        + "revision creates and the database lacks; " + dialect.name() + " checks foreign key targets when a "
        + "key is created, so they must exist first";
    if (entities == null) {
      throw new MigrationException(Reason.REFUSED, why + ". There is no " + EntitySchemaFile.FILE_NAME
          + " next to the revisions to create them from: build the project with the schemagov processor (it "
          + "exports the entity schema into the revisions directory), or create the tables (the ORM's "
          + "create_all) before upgrade");
    }
    List<TableName> unknown = missing.stream().filter(name -> entities.ormManagedTables().stream()
        .noneMatch(t -> t.name().same(name))).toList();
    if (!unknown.isEmpty()) {
      throw new MigrationException(Reason.REFUSED, why + ". " + names(unknown) + " is not an ORM-managed table "
          + "of " + EntitySchemaFile.FILE_NAME + " either: fix the foreign key, or rebuild the project so the "
          + "processor exports the entity that maps it");
    }
    BaselinePlan plan = BaselinePlan.referenced(entities, missing, live);
    if (!baseline) {
      throw new MigrationException(Reason.REFUSED, why + ". upgrade --no-baseline does not create them (the "
          + "baseline would create " + names(plan.created()) + "). Create them with: schemagov baseline --url '"
          + database.describe() + "' --revisions " + revisionsLocation + ", or run upgrade without --no-baseline");
    }
    return Optional.of(plan);
  }

  /**
   * {@link #externalTargets(Schema)} of the schema at revision {@code id}, each computed once: an upgrade
   * asks for every revision's and its parent's, and each walks every table of the schema.
   */
  private Map<String, TableName> externalTargets(String id) {
    return externalTargetsByRevision.computeIfAbsent(id,
        at -> Collections.unmodifiableMap(externalTargets(chain.schemaAt(at))));
  }

  /** The tables {@code schema}'s foreign keys name that it does not hold, by key. */
  private static TreeMap<String, TableName> externalTargets(Schema schema) {
    TreeMap<String, TableName> targets = new TreeMap<>();
    for (Table table : schema.tableList()) {
      for (ForeignKey fk : table.foreignKeys()) {
        if (schema.table(fk.referencedTable()).isEmpty()) {
          targets.putIfAbsent(fk.referencedTable().key(), fk.referencedTable());
        }
      }
    }
    return targets;
  }

  /** Runs {@code plan} in the transaction the caller began, records it and commits. */
  private Baselined runBaseline(Connection connection, Dialect dialect, Dialect.Session session, History history,
      List<History.Row> rows, BaselinePlan plan, String reason) throws SQLException {
    long started = System.nanoTime();
    Schema live = live(connection, dialect);
    if (dialect.enforcesForeignKeysAtDdl()) {
      List<String> unresolved = plan.unresolved(live);
      if (!unresolved.isEmpty()) {
        throw new MigrationException(Reason.REFUSED, "the baseline cannot create " + names(plan.created())
            + ": foreign keys " + String.join(", ", unresolved) + " name tables the database lacks and the "
            + "baseline does not create (migration-managed ones come from the revisions: upgrade to the revision "
            + "that creates them, then run baseline)");
      }
    }
    List<Step> steps = plan.steps(live, dialect.enforcesForeignKeysAtDdl());
    for (Step step : steps) {
      try {
        session.apply(step);
      } catch (SQLException e) {
        throw new MigrationException(Reason.DATABASE, "the baseline failed at " + step.op().describe() + ": "
            + e.getMessage() + "; nothing of it was applied", e);
      }
    }
    long durationMs = (System.nanoTime() - started) / 1_000_000;
    if (!plan.isEmpty()) {
      String checksum = Checksums.of(new Revision(History.BASELINE, null, null,
          steps.stream().map(Step::op).toList(), null));
      int number = (int) rows.stream().filter(History.Row::baseline).count();
      for (String tables : chunks(plan)) {
        execute(connection, history.insertBaseline(History.BASELINE + "-" + ++number, tables, checksum, durationMs));
      }
    }
    session.commit(steps);
    return new Baselined(plan.created(), plan.sequences().stream().map(Sequence::name).toList(), plan.existing(),
        reason, durationMs);
  }

  /** The created tables and sequences as history messages, each within the message column. */
  private static List<String> chunks(BaselinePlan plan) {
    List<String> names = new ArrayList<>();
    plan.created().forEach(name -> names.add(name.toString()));
    plan.sequences().forEach(sequence -> names.add(sequence.name().toString()));
    List<String> chunks = new ArrayList<>();
    StringBuilder chunk = new StringBuilder();
    for (String name : names) {
      if (chunk.length() > 0 && chunk.length() + 2 + name.length() > History.MESSAGE_LENGTH) {
        chunks.add(chunk.toString());
        chunk.setLength(0);
      }
      chunk.append(chunk.length() > 0 ? ", " : "").append(name);
    }
    if (chunk.length() > 0) {
      chunks.add(chunk.toString());
    }
    return chunks;
  }

  /** The live tables and sequences, reading the schemas the chain and the entities name. */
  private Schema live(Connection connection, Dialect dialect) throws SQLException {
    Schema model = entities == null ? chain.replay() : withOrm(chain.replay(), entities.schema());
    return dialect.introspect(connection, model).withoutTable(History.TABLE);
  }

  private EntitySchemaFile requireEntities(String what) {
    if (entities == null) {
      throw new MigrationException(Reason.REFUSED, what + " (" + EntitySchemaFile.FILE_NAME + " in the revisions "
          + "directory " + revisionsLocation + "), and there is none: build the project with the schemagov "
          + "processor, which exports it there");
    }
    return entities;
  }

  private static String names(List<TableName> names) {
    return String.join(", ", names.stream().map(TableName::toString).toList());
  }

  private Applied apply(Connection connection, Dialect.Session session, History history, Revision revision,
      boolean upgrade) throws SQLException {
    long started = System.nanoTime();
    List<Step> steps = upgrade ? chain.upgradeSteps(revision.id()) : chain.downgradeSteps(revision.id());
    for (int k = 0; k < steps.size(); k++) {
      try {
        session.apply(steps.get(k));
      } catch (SQLException e) {
        throw new MigrationException(Reason.DATABASE, (upgrade ? "upgrade" : "downgrade") + " of revision "
            + label(revision) + " failed at op " + (upgrade ? k + 1 : steps.size() - k) + " ("
            + steps.get(k).op().describe() + "): " + e.getMessage() + "; nothing of it was applied, the "
            + "database stays at revision " + (upgrade ? Objects.requireNonNullElse(revision.parent(), Chain.BASE)
            : revision.id()) + ". Fix the revision (or the data it trips over) and run again", e);
      }
    }
    long durationMs = (System.nanoTime() - started) / 1_000_000;
    execute(connection, upgrade ? history.insert(revision, chain, History.UPGRADE, durationMs)
        : history.delete(revision.id()));
    session.commit(steps);
    return new Applied(revision.id(), revision.message(),
        upgrade ? Applied.Direction.UPGRADE : Applied.Direction.DOWNGRADE,
        (System.nanoTime() - started) / 1_000_000, upgrade ? List.of() : dropped(steps));
  }

  /**
   * Rolls back after {@code failure}. When the connection died (a killed server or session) the
   * rollback fails too, and the transaction is gone with it; the failure that says why must not be
   * replaced by that rollback's "connection has been closed".
   */
  private static void rollbackAfter(Dialect.Session session, Exception failure) {
    try {
      session.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  private static String label(Revision revision) {
    return revision.id() + (revision.source() == null ? "" : " (" + revision.source() + ")");
  }

  /** What the steps destroy, e.g. "drops table events and all its rows". */
  static List<String> dropped(List<Step> steps) {
    List<String> dropped = new ArrayList<>();
    for (Step step : steps) {
      step.op().dataLoss(step.before()).ifPresent(dropped::add);
    }
    return dropped;
  }

  private String resolveDirected(String target, String current, boolean upgrade) {
    String resolved = resolve(target, current);
    int now = position(chain, current);
    int goal = position(chain, resolved);
    if (upgrade && goal < now) {
      throw new MigrationException(Reason.BAD_TARGET, "target " + target + " (" + resolved + ") is below the "
          + "current revision " + current + "; use downgrade " + target);
    }
    if (!upgrade && goal > now) {
      throw new MigrationException(Reason.BAD_TARGET, "target " + target + " (" + resolved + ") is above the "
          + "current revision " + current + "; use upgrade " + target);
    }
    return resolved;
  }

  private String resolve(String target, String current) {
    try {
      return chain.resolve(target, current);
    } catch (TargetException e) {
      throw new MigrationException(Reason.BAD_TARGET, e.getMessage(), e);
    }
  }

  static int position(Chain chain, String id) {
    try {
      return chain.position(id);
    } catch (TargetException e) {
      throw new MigrationException(Reason.BAD_TARGET, "unknown revision " + id, e);
    }
  }

  private void refuseMismatches(List<History.Row> rows) {
    List<String> problems = History.problems(rows, chain);
    if (!problems.isEmpty()) {
      throw new MigrationException(Reason.REFUSED, "refusing to run: the database's history does not match "
          + "the revision files (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + "):\n  "
          + String.join("\n  ", problems));
    }
  }

  private interface Work<T> {
    T run(Connection connection, Dialect dialect) throws SQLException;
  }

  private <T> T withConnection(Work<T> work) {
    if (database == null) {
      throw new MigrationException(Reason.BAD_TARGET, "no database given; pass --url (or build the "
          + "migrator with url(...) or dataSource(...))");
    }
    try (Connection connection = database.connect()) {
      Dialect dialect = explicitDialect != null ? explicitDialect : database.dialect(connection);
      return work.run(connection, dialect);
    } catch (LockTimeoutException e) {
      throw new MigrationException(Reason.DATABASE, e.getMessage(), e);
    } catch (SQLException e) {
      throw new MigrationException(Reason.DATABASE, "database error on " + database.describe() + ": "
          + e.getMessage(), e);
    }
  }

  /** Configures a {@link Migrator}: a database (URL or data source) and the revisions. */
  public static final class Builder {
    private String url;
    private DataSource dataSource;
    private Path directory;
    private String classpathDir;
    private ClassLoader classLoader;
    private Chain chain;
    private Dialect dialect;
    private Duration lockTimeout = Duration.ofSeconds(60);
    private Consumer<Applied> listener = applied -> { };
    private EntitySchemaFile entitySchema;
    private boolean baseline = true;
    private Consumer<Baselined> baselineListener = baselined -> { };

    private Builder() {}

    /** A JDBC URL, e.g. {@code jdbc:sqlite:app.db}. */
    public Builder url(String url) {
      this.url = url;
      return this;
    }

    public Builder dataSource(DataSource dataSource) {
      this.dataSource = dataSource;
      return this;
    }

    /** A directory of revision files. */
    public Builder revisions(Path directory) {
      this.directory = directory;
      return this;
    }

    /** A resource directory of revision files on the context class loader, e.g. {@code db/schemagov}. */
    public Builder revisionsOnClasspath(String resourceDir) {
      return revisionsOnClasspath(Thread.currentThread().getContextClassLoader(), resourceDir);
    }

    public Builder revisionsOnClasspath(ClassLoader loader, String resourceDir) {
      this.classLoader = loader;
      this.classpathDir = resourceDir;
      return this;
    }

    /** {@code classpath:<dir>} or a file-system directory. */
    public Builder revisions(String location) {
      return location.startsWith("classpath:")
          ? revisionsOnClasspath(location.substring("classpath:".length()).replaceFirst("^/+", ""))
          : revisions(Path.of(location));
    }

    /** A chain built in code. */
    public Builder chain(Chain chain) {
      this.chain = chain;
      return this;
    }

    /** The dialect; by default found from the URL or the connection's database product. */
    public Builder dialect(Dialect dialect) {
      this.dialect = dialect;
      return this;
    }

    /** How long a command waits for another migrator's lock (default 60 s). */
    public Builder lockTimeout(Duration lockTimeout) {
      this.lockTimeout = lockTimeout;
      return this;
    }

    /** Told of each revision as soon as its transaction commits. */
    public Builder listener(Consumer<Applied> listener) {
      this.listener = listener;
      return this;
    }

    /**
     * The entity schema the baseline creates ORM-managed tables from; by default {@value
     * EntitySchemaFile#FILE_NAME} in the revisions directory (or resource directory), when there is one.
     */
    public Builder entitySchema(EntitySchemaFile entitySchema) {
      this.entitySchema = entitySchema;
      return this;
    }

    /**
     * Whether {@code upgrade} creates the ORM-managed tables a revision's foreign keys need on a database
     * that checks them at DDL time (default true); false makes their absence an error instead.
     */
    public Builder baseline(boolean baseline) {
      this.baseline = baseline;
      return this;
    }

    /** Told of each baseline {@code upgrade} runs, as soon as its transaction commits. */
    public Builder baselineListener(Consumer<Baselined> baselineListener) {
      this.baselineListener = baselineListener;
      return this;
    }

    /**
     * Loads and validates the chain; throws {@link io.schemagov.revision.ChainException} with every
     * problem when the revisions are refused.
     */
    public Migrator build() {
      Chain loaded = chain != null ? chain
          : directory != null ? Chain.load(directory)
          : classpathDir != null ? Chain.loadClasspath(classLoader, classpathDir)
          : null;
      if (loaded == null) {
        throw new MigrationException(Reason.BAD_TARGET, "no revisions given; pass --revisions <dir> "
            + "(or classpath:<dir>)");
      }
      return new Migrator(this, loaded, entitySchema != null ? entitySchema : exportedEntitySchema());
    }

    /** The entity schema next to the revisions, null when there is none. */
    private EntitySchemaFile exportedEntitySchema() {
      try {
        if (directory != null) {
          Path file = directory.resolve(EntitySchemaFile.FILE_NAME);
          return Files.isRegularFile(file) ? EntitySchemaFile.read(file) : null;
        }
        if (classpathDir != null) {
          String resource = classpathDir.replaceAll("^/+|/+$", "") + "/" + EntitySchemaFile.FILE_NAME;
          return classLoader.getResource(resource) == null ? null
              : EntitySchemaFile.readClasspath(classLoader, classpathDir);
        }
        return null;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + EntitySchemaFile.FILE_NAME + ": " + e.getMessage(), e);
      }
    }
  }
}
