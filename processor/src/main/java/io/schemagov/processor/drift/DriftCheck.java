package io.schemagov.processor.drift;

import io.schemagov.processor.SchemagovProcessor;
import io.schemagov.processor.generate.EntitySchema;
import io.schemagov.processor.generate.Revisions;
import io.schemagov.processor.jpa.EntityModel;
import io.schemagov.processor.jpa.PersistenceUnit;
import io.schemagov.processor.jpa.Source;
import io.schemagov.processor.rules.Messages;
import io.schemagov.revision.Chain;
import io.schemagov.revision.Plan;
import io.schemagov.revision.Planner;
import io.schemagov.revision.Problem;
import io.schemagov.revision.Renames;
import io.schemagov.revision.Revision;
import io.schemagov.revision.Step;
import io.schemagov.schema.Schema;
import io.schemagov.schema.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Drift at compile time: the revision chain, validated and replayed, against the
 * {@code @MigrationManaged} tables. On a difference it writes the proposed next revision and reports
 * {@code schema-drift}; the next compilation replays that file and passes. Runs when the compilation
 * has entities and either a migration-managed one or an existing revisions directory, on the chain the
 * processor loaded once for the compilation ({@link Revisions}). Never throws: a fault is one
 * {@code internal-error}.
 */
public final class DriftCheck {
  private final ProcessingEnvironment env;
  private final Messager messager;
  private final DriftMode mode;

  private DriftCheck(ProcessingEnvironment env, DriftMode mode) {
    this.env = env;
    this.messager = env.getMessager();
    this.mode = mode;
  }

  /**
   * Checks the entities against the chain of {@code revisions}, resolved once for the compilation.
   * An invalid {@code -Aschemagov.revisions} was reported where it was resolved; nothing is checked then.
   */
  public static void run(ProcessingEnvironment env, PersistenceUnit unit, EntitySchema entities, Revisions revisions) {
    try {
      String option = env.getOptions().get(SchemagovProcessor.OPTION_DRIFT);
      Optional<DriftMode> mode = DriftMode.forOption(option);
      if (mode.isEmpty()) {
        env.getMessager().printMessage(Diagnostic.Kind.ERROR, Messages.invalidOption(SchemagovProcessor.OPTION_DRIFT,
            option, DriftMode.ERROR.id() + ", " + DriftMode.WARN.id()));
        return;
      }
      new DriftCheck(env, mode.get()).check(unit, entities, revisions);
    } catch (RuntimeException | LinkageError | StackOverflowError | AssertionError e) {
      env.getMessager().printMessage(Diagnostic.Kind.ERROR,
          Messages.internalError("the entities for the drift check", e));
    }
  }

  private void check(PersistenceUnit unit, EntitySchema entities, Revisions revisions) {
    boolean migrationManaged = !entities.migrationManagedKeys().isEmpty();
    if (revisions.invalidOption()) {
      return;
    }
    if (revisions.location().isEmpty()) {
      if (migrationManaged) {
        messager.printMessage(Diagnostic.Kind.NOTE, Messages.driftNotChecked());
      }
      return;
    }
    Path directory = revisions.dir().orElseThrow();
    if (!revisions.exists() && !migrationManaged) {
      return;
    }
    Optional<Chain> chain = chain(revisions, directory);
    if (chain.isEmpty()) {
      return;
    }
    Map<String, EntityModel> owners = owners(unit);
    Schema head = withoutOrmTables(chain.get(), entities, owners);
    Renames renames = migrationManaged(entities.renames(), entities.migrationManagedKeys());
    Plan plan = Planner.plan(head, entities.migrationManaged(), renames);
    if (!renamesKnown(chain.get(), renames, plan, entities) || !expressible(plan) || plan.upToDate()) {
      return;
    }
    Proposal proposal = Proposal.of(chain.get(), plan);
    Path file;
    try {
      file = proposal.write(directory);
    } catch (IOException | UncheckedIOException | SecurityException e) {
      messager.printMessage(Diagnostic.Kind.ERROR,
          Messages.revisionsUnwritable(directory.resolve(proposal.fileName()).toString(), e.toString()));
      return;
    }
    String message = Messages.schemaDrift(plan.differences(), chain.get().head(), file.toString());
    Element at = plan.ops().stream().map(OpTables::last).filter(t -> t != null && owners.containsKey(t.key()))
        .findFirst().map(t -> (Element) owners.get(t.key()).element()).orElse(null);
    print(mode.kind(), message, at == null ? null : Source.of(at));
  }

  /** The validated chain (empty when the directory does not exist yet), or empty after reporting why not. */
  private Optional<Chain> chain(Revisions revisions, Path directory) {
    for (Problem problem : revisions.problems()) {
      if (problem.dataLoss()) {
        messager.printMessage(Diagnostic.Kind.ERROR,
            Messages.dataLoss(problem.toString(), directory.resolve(problem.source()).toString()));
      } else {
        messager.printMessage(Diagnostic.Kind.ERROR, Messages.invalidChain(problem.toString(), directory.toString()));
      }
    }
    revisions.unreadable().ifPresent(reason ->
        messager.printMessage(Diagnostic.Kind.ERROR, Messages.invalidChain(reason, directory.toString())));
    return revisions.chain();
  }

  /**
   * The head without the tables an entity maps as ORM-managed (policy rule 3), each reported with
   * the ops that touch it: proposing to drop a table the ORM still uses would lose its rows.
   */
  private Schema withoutOrmTables(Chain chain, EntitySchema entities, Map<String, EntityModel> owners) {
    // Sequences stay out of the comparison, as EntitySchema.migrationManaged() leaves them out.
    Schema head = Schema.of(chain.replay().tableList(), List.of());
    for (Table table : head.tableList()) {
      String key = table.name().key();
      if (!entities.schema().tables().containsKey(key) || entities.migrationManagedKeys().contains(key)) {
        continue;
      }
      head = head.withoutTable(table.name());
      EntityModel owner = owners.get(key);
      String entity = owner == null ? table.name().toString() : owner.qualifiedName();
      String message = Messages.ormTableInChain(table.name().toString(), entity, touching(chain, key));
      print(Diagnostic.Kind.ERROR, message, owner == null ? null : Source.of(owner.element()));
    }
    return head;
  }

  private static List<String> touching(Chain chain, String key) {
    List<String> ops = new ArrayList<>();
    for (Revision revision : chain.revisions()) {
      List<Step> steps = chain.upgradeSteps(revision.id());
      for (int k = 0; k < steps.size(); k++) {
        if (OpTables.of(steps.get(k).op()).stream().anyMatch(t -> t.key().equals(key))) {
          ops.add(revision.source() + ", op " + (k + 1) + " (" + steps.get(k).op().describe() + ")");
        }
      }
    }
    return ops;
  }

  /** Only renames of migration-managed tables concern the chain; the ORM renames its own tables. */
  private static Renames migrationManaged(Renames renames, Set<String> keys) {
    return new Renames(renames.tables().stream().filter(r -> keys.contains(r.to().key())).toList(),
        renames.columns().stream().filter(r -> keys.contains(r.table().key())).toList());
  }

  /** Reports each rename the chain cannot be the source of, on its annotation; true when there is none. */
  private boolean renamesKnown(Chain chain, Renames renames, Plan plan, EntitySchema entities) {
    ChainHistory history = ChainHistory.of(chain);
    Map<Renames.Rename, String> unknown = new LinkedHashMap<>();
    for (Renames.Rename rename : renamesOf(renames)) {
      history.unknown(rename, renames).ifPresent(what -> unknown.put(rename, Messages.unknownRenameNever(what)));
    }
    for (Renames.Rename rename : plan.unusedRenames()) {
      unknown.putIfAbsent(rename, Messages.unknownRenameNotAtHead(chain.head()));
    }
    unknown.forEach((rename, reason) ->
        print(Diagnostic.Kind.ERROR, Messages.unknownRename(rename.describe(), reason), entities.renameSources().get(rename)));
    return unknown.isEmpty();
  }

  private static List<Renames.Rename> renamesOf(Renames renames) {
    List<Renames.Rename> all = new ArrayList<>(renames.tables());
    all.addAll(renames.columns());
    return all;
  }

  /** Reports what no op can express; true when every difference has its op. */
  private boolean expressible(Plan plan) {
    plan.unsupported().forEach(d -> print(Diagnostic.Kind.ERROR, Messages.unsupportedDrift(d), null));
    return plan.unsupported().isEmpty();
  }

  /** Table key -> the entity that maps it (primary, secondary, join and collection tables). */
  private static Map<String, EntityModel> owners(PersistenceUnit unit) {
    Map<String, EntityModel> owners = new LinkedHashMap<>();
    for (EntityModel entity : unit.entities()) {
      entity.ownedTables().forEach(t -> TableKeys.of(t).ifPresent(key -> owners.putIfAbsent(key, entity)));
    }
    return owners;
  }

  private void print(Diagnostic.Kind kind, String message, Source at) {
    if (at == null) {
      messager.printMessage(kind, message);
    } else {
      messager.printMessage(kind, message, at.element(), at.mirror(), at.value());
    }
  }
}
