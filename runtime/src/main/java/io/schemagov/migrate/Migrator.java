package io.schemagov.migrate;

import io.schemagov.dialect.Dialect;
import io.schemagov.dialect.Dialects;
import io.schemagov.dialect.LockTimeoutException;
import io.schemagov.migrate.MigrationException.Reason;
import io.schemagov.revision.Chain;
import io.schemagov.revision.Revision;
import io.schemagov.revision.SchemaDiff;
import io.schemagov.revision.Step;
import io.schemagov.revision.TargetException;
import io.schemagov.schema.Schema;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
 * first takes the database's migration lock, then reads the current revision and checks every
 * applied revision against its file, so concurrent migrators apply each revision once (Flyway's
 * DbMigrate re-reads what is pending inside the lock) and a tampered history is refused before
 * anything runs.
 */
public final class Migrator {
  private final Chain chain;
  private final Database database;
  private final Dialect explicitDialect;
  private final Duration lockTimeout;
  private final Consumer<Applied> listener;

  private Migrator(Builder builder, Chain chain) {
    this.chain = chain;
    this.database = builder.url == null && builder.dataSource == null ? null
        : new Database(builder.url, builder.dataSource);
    this.explicitDialect = builder.dialect;
    this.lockTimeout = builder.lockTimeout;
    this.listener = builder.listener;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Chain chain() {
    return chain;
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
        HistoryEntry.Status status = chain.revision(row.id())
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
   */
  public CheckResult check() {
    return withConnection((connection, dialect) -> {
      List<History.Row> rows = new History(dialect).read(connection);
      refuseMismatches(rows);
      String current = History.current(rows);
      Schema expected = dialect.stored(chain.schemaAt(current));
      // The expected schema names the database schemas its tables live in (@Table(schema = ...)).
      Schema actual = dialect.introspect(connection, expected).withoutTable(History.TABLE);
      return new CheckResult(current, SchemaDiff.between(expected, actual));
    });
  }

  /** Records the database as being at {@code target} without running anything. */
  public MigrationResult stamp(String target) {
    return withConnection((connection, dialect) -> {
      History history = new History(dialect);
      try (Dialect.Session session = dialect.open(connection, lockTimeout)) {
        session.begin();
        try {
          history.ensure(connection);
          List<History.Row> rows = history.read(connection);
          refuseMismatches(rows);
          String from = History.current(rows);
          String to = resolve(target, from);
          execute(connection, history.deleteAll());
          for (Revision revision : chain.between(Chain.BASE, to)) {
            execute(connection, history.insert(revision, chain, History.STAMP, 0));
          }
          session.commit(List.of());
          return new MigrationResult(from, to, List.of());
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
      String from = null;
      String resolved = null;
      try (Dialect.Session session = dialect.open(connection, lockTimeout)) {
        while (true) {
          session.begin();
          try {
            history.ensure(connection);
            List<History.Row> rows = history.read(connection);
            refuseMismatches(rows);
            String current = History.current(rows);
            if (resolved == null) {
              from = current;
              resolved = resolveDirected(target, current, upgrade);
            }
            int now = position(chain, current);
            int goal = position(chain, resolved);
            if (upgrade ? now >= goal : now <= goal) {
              session.rollback();
              return new MigrationResult(from, current, applied);
            }
            Revision revision = upgrade ? chain.revisions().get(now + 1) : chain.revisions().get(now);
            Applied done = apply(connection, session, history, revision, upgrade);
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
    if (Chain.BASE.equals(id)) {
      return -1;
    }
    List<Revision> revisions = chain.revisions();
    for (int k = 0; k < revisions.size(); k++) {
      if (revisions.get(k).id().equals(id)) {
        return k;
      }
    }
    throw new MigrationException(Reason.BAD_TARGET, "unknown revision " + id);
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

  private static void execute(Connection connection, String sql) throws SQLException {
    try (var statement = connection.createStatement()) {
      statement.execute(sql);
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
      return new Migrator(this, loaded);
    }
  }
}
