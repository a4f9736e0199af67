package io.schemagov.migrate;

import io.schemagov.migrate.MigrationException.Reason;
import io.schemagov.revision.Chain;
import io.schemagov.revision.EntitySchemaFile;
import io.schemagov.revision.Revision;
import io.schemagov.schema.Schema;
import io.schemagov.schema.TableName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Where the smoke checks run. Each check starts from a known state, so one failing check cannot
 * make the next one fail: on scratch SQLite every check gets a new file; on a given database each
 * check starts at base and the database is brought back to base after it.
 */
sealed interface SmokeTarget extends AutoCloseable {
  /** The database for the next check, at base; a {@link SmokeCheckFailed} if it cannot be. */
  SmokeDatabase open();

  /** After a check: what went wrong bringing the database back to base, if anything. */
  Optional<String> release(SmokeDatabase database);

  /** For the report: where the checks ran. */
  String describe();

  @Override
  void close();

  /** A new SQLite file per check in a temporary directory, deleted with it at the end. */
  final class Scratch implements SmokeTarget {
    private final Chain chain;
    private final Path directory;
    private int opened;

    Scratch(Chain chain) {
      this.chain = chain;
      try {
        this.directory = Files.createTempDirectory("schemagov-smoke-");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create a scratch directory for the smoke checks", e);
      }
    }

    @Override
    public SmokeDatabase open() {
      opened++;
      return new SmokeDatabase("jdbc:sqlite:" + directory.resolve("check-" + opened + ".db"), chain, Set.of(), null);
    }

    @Override
    public Optional<String> release(SmokeDatabase database) {
      return Optional.empty();
    }

    @Override
    public String describe() {
      return "scratch SQLite";
    }

    @Override
    public void close() {
      try (Stream<Path> files = Files.walk(directory)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(file);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete the smoke checks' scratch directory " + directory, e);
      }
    }
  }

  /**
   * The user's database ({@code --url}). It must hold nothing of the chain at the start; tables the
   * chain does not create (a baseline, e.g. the ORM-managed tables its foreign keys name) may be there
   * and are left alone. With the entity schema, on a database that checks foreign key targets at DDL
   * time, the ORM-managed tables the chain references are created first when missing, as
   * {@code upgrade} does, and become part of that baseline.
   */
  final class Given implements SmokeTarget {
    private final String url;
    private final Chain chain;
    private final Set<TableName> baseline;
    private final Baselined baselined;

    Given(String url, Chain chain, EntitySchemaFile entities) {
      this.url = url;
      this.chain = chain;
      SmokeDatabase probe = new SmokeDatabase(url, chain, Set.of(), null);
      String current = probe.migrator().current();
      Schema start = probe.schema();
      Set<String> chainNames = namesCreatedBy(chain);
      TreeSet<String> clash = new TreeSet<>();
      Set<TableName> present = new HashSet<>();
      start.tables().values().forEach(table -> present.add(table.name()));
      start.sequences().values().forEach(sequence -> present.add(sequence.name()));
      present.stream().filter(name -> chainNames.contains(name.key())).forEach(name -> clash.add(name.toString()));
      if (!Chain.BASE.equals(current) || !clash.isEmpty()) {
        throw new MigrationException(Reason.REFUSED, "refusing to run the smoke checks on "
            + new Database(url, null).describe() + ": it is not empty ("
            + (Chain.BASE.equals(current) ? "" : "revisions applied up to " + current + "; ")
            + (clash.isEmpty() ? "" : "holds " + String.join(", ", clash) + ", which the chain creates; ")
            + "the checks upgrade and downgrade the whole chain). Point --url at an empty database, "
            + "or leave --url out to run on a scratch SQLite file");
      }
      this.baselined = entities == null ? null
          : Migrator.builder().url(url).chain(chain).entitySchema(entities).build().baselineReferenced().orElse(null);
      if (baselined != null) {
        present.addAll(baselined.created());
      }
      this.baseline = Set.copyOf(present);
    }

    @Override
    public SmokeDatabase open() {
      SmokeDatabase database = new SmokeDatabase(url, chain, baseline, baselined);
      String current = database.migrator().current();
      if (!Chain.BASE.equals(current)) {
        throw new SmokeCheckFailed("the database is at " + current + ", not at base, after the previous "
            + "check; it could not be brought back, so this check cannot start from a known state");
      }
      return database;
    }

    @Override
    public Optional<String> release(SmokeDatabase database) {
      try {
        database.migrator().downgrade(Chain.BASE);
        return Optional.empty();
      } catch (RuntimeException e) {
        return Optional.of("could not bring the database back to base: " + e.getMessage());
      }
    }

    @Override
    public String describe() {
      return new Database(url, null).describe();
    }

    @Override
    public void close() {
    }

    /** The keys of every table and sequence that some revision of the chain leaves in place. */
    private static Set<String> namesCreatedBy(Chain chain) {
      Set<String> names = new HashSet<>();
      for (Revision revision : chain.revisions()) {
        Schema state = chain.schemaAt(revision.id());
        names.addAll(state.tables().keySet());
        names.addAll(state.sequences().keySet());
      }
      return names;
    }
  }
}
