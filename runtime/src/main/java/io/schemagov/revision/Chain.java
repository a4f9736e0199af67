package io.schemagov.revision;

import io.schemagov.schema.ForeignKey;
import io.schemagov.schema.InvalidSchemaException;
import io.schemagov.schema.Schema;
import io.schemagov.schema.Table;
import io.schemagov.schema.TableName;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A validated, linear chain of revisions and the schema after each of them.
 *
 * <p>Building a chain checks, and reports together in one {@link ChainException}: ids are
 * zero-padded numbers and unique; exactly one root (no parent); every parent present; no two
 * revisions with the same parent (a branch: two heads, policy rule 6); no cycles; every op valid
 * against the schema it applies to, replayed from {@link Schema#EMPTY}; every op that destroys data
 * acknowledged in its file. Structural problems stop the check before the replay, and the replay
 * stops at the first invalid op, since every later state would be a guess.
 *
 * <p>Downgrades are derived: the inverse of each op from the schema before it, never read from a
 * file, so every revision can be reverted.
 */
public final class Chain {
  /** The state before the first revision, as a target and as {@link #head()} of an empty chain. */
  public static final String BASE = "base";
  /** The target naming the last revision. */
  public static final String HEAD = "head";

  private static final Pattern ID = Pattern.compile("[0-9]+");
  private static final Pattern RELATIVE = Pattern.compile("([+-])([0-9]{1,9})");

  private final List<Revision> revisions;
  private final Map<String, Integer> positions;
  /** Per revision, the schema before each of its ops. */
  private final List<List<Schema>> before;
  /** Per revision, the schema after it. */
  private final List<Schema> after;
  /** Checksums by id, each computed once: a migration run compares every applied revision's before each revision. */
  private final Map<String, String> checksums = new ConcurrentHashMap<>();

  private Chain(List<Revision> revisions, List<List<Schema>> before, List<Schema> after) {
    this.revisions = List.copyOf(revisions);
    this.before = before.stream().map(List::copyOf).toList();
    this.after = List.copyOf(after);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < revisions.size(); i++) {
      index.put(revisions.get(i).id(), i);
    }
    this.positions = Collections.unmodifiableMap(index);
  }

  /** Loads and validates the revision files of a directory. */
  public static Chain load(Path dir) {
    return load(RevisionSource.directory(dir));
  }

  /** Loads and validates the revision files of a classpath resource directory, e.g. in a jar. */
  public static Chain loadClasspath(ClassLoader loader, String resourceDir) {
    return load(RevisionSource.classpath(loader, resourceDir));
  }

  public static Chain load(RevisionSource source) {
    return of(RevisionFiles.read(source));
  }

  /** Validates {@code revisions}, given in any order; throws {@link ChainException} with every problem. */
  public static Chain of(List<Revision> revisions) {
    List<Problem> problems = new ArrayList<>();
    List<Revision> ordered = order(revisions, problems);
    if (!problems.isEmpty()) {
      throw new ChainException(problems);
    }
    List<List<Schema>> before = new ArrayList<>();
    List<Schema> after = new ArrayList<>();
    replay(ordered, before, after, problems);
    if (!problems.isEmpty()) {
      throw new ChainException(problems);
    }
    return new Chain(ordered, before, after);
  }

  /** The revisions, root first. */
  public List<Revision> revisions() {
    return revisions;
  }

  public Optional<Revision> revision(String id) {
    Integer at = positions.get(id);
    return at == null ? Optional.empty() : Optional.of(revisions.get(at));
  }

  /** The last revision's id, or {@link #BASE} when the chain is empty. */
  public String head() {
    return revisions.isEmpty() ? BASE : revisions.get(revisions.size() - 1).id();
  }

  /** The schema after revision {@code id}; {@link #BASE} gives {@link Schema#EMPTY}. */
  public Schema schemaAt(String id) {
    int at = position(id);
    return at < 0 ? Schema.EMPTY : after.get(at);
  }

  /** The schema at the head. */
  public Schema replay() {
    return schemaAt(head());
  }

  /** Revision {@code id}'s ops, each with the schema it applies to. */
  public List<Step> upgradeSteps(String id) {
    int at = existing(id);
    List<Op> ops = revisions.get(at).ops();
    List<Step> steps = new ArrayList<>();
    for (int k = 0; k < ops.size(); k++) {
      steps.add(new Step(ops.get(k), before.get(at).get(k)));
    }
    return List.copyOf(steps);
  }

  /**
   * What reverts revision {@code id}: the inverses of its ops in reverse order, each derived from the
   * schema before the op it undoes, and each with the schema it applies to. Those states come from
   * applying the inverses one after another, so they are what the database holds: a column that a
   * downgrade re-adds comes last, as {@code ADD COLUMN} puts it (the only way they differ from the
   * upgrade's states is column order).
   */
  public List<Step> downgradeSteps(String id) {
    int at = existing(id);
    List<Op> ops = revisions.get(at).ops();
    List<Step> steps = new ArrayList<>();
    Schema state = after.get(at);
    for (int k = ops.size() - 1; k >= 0; k--) {
      Step step = new Step(ops.get(k).inverse(before.get(at).get(k)), state);
      steps.add(step);
      state = step.after();
    }
    return List.copyOf(steps);
  }

  /**
   * The revisions that move a database from revision {@code from} to revision {@code to} (either may
   * be {@link #BASE}), in the order to process them: upgrading, those after {@code from} up to and
   * including {@code to}, root first; downgrading, those after {@code to} up to and including
   * {@code from}, head first. Empty when {@code from} equals {@code to}.
   */
  public List<Revision> between(String from, String to) {
    int start = position(from);
    int end = position(to);
    if (start <= end) {
      return revisions.subList(start + 1, end + 1);
    }
    List<Revision> down = new ArrayList<>(revisions.subList(end + 1, start + 1));
    Collections.reverse(down);
    return List.copyOf(down);
  }

  /**
   * Resolves a target relative to the {@code current} revision (an id or {@link #BASE}):
   * {@code head}, {@code base}, an id, {@code +N} (N revisions up) or {@code -N} (N down).
   * Returns an id or {@link #BASE}; throws {@link TargetException} saying what exists instead.
   */
  public String resolve(String target, String current) {
    int now = position(current);
    if (target == null || target.isBlank()) {
      throw new TargetException("no target given; use head, base, a revision id, +N or -N");
    }
    if (target.equals(HEAD)) {
      return head();
    }
    if (target.equals(BASE)) {
      return BASE;
    }
    var relative = RELATIVE.matcher(target);
    if (relative.matches()) {
      int steps = Integer.parseInt(relative.group(2));
      int at = relative.group(1).equals("+") ? now + steps : now - steps;
      if (at >= revisions.size()) {
        throw new TargetException("cannot go " + target + " from " + current + ": only "
            + (revisions.size() - 1 - now) + " revision(s) above it (head is " + head() + ")");
      }
      if (at < -1) {
        throw new TargetException("cannot go " + target + " from " + current + ": only " + (now + 1)
            + " revision(s) below it down to base");
      }
      return at < 0 ? BASE : revisions.get(at).id();
    }
    return revisions.get(existing(target)).id();
  }

  /** The versioned checksum of revision {@code id}'s ops; see {@link Checksums}. */
  public String checksum(String id) {
    Revision revision = revisions.get(existing(id));
    return checksums.computeIfAbsent(revision.id(), key -> Checksums.of(revision));
  }

  /**
   * Starts computing every revision's checksum, root first, on a pool thread, and returns at once: a
   * migration run needs them one per revision (and every applied one's first), and on another core
   * they are ready before it asks instead of adding to its time. {@link #checksum} computes one that is
   * not ready yet itself; each is computed once either way.
   */
  public void computeChecksumsAhead() {
    ForkJoinPool.commonPool().execute(() -> revisions.forEach(revision -> checksum(revision.id())));
  }

  /**
   * Tables that foreign keys of the chain reference but no revision creates, such as ORM-managed
   * {@code users}: what a baseline must create first where the database checks FK targets at DDL time.
   */
  public List<TableName> externalReferences() {
    Set<String> created = new HashSet<>();
    TreeMap<String, TableName> referenced = new TreeMap<>();
    for (Schema state : after) {
      for (Table table : state.tables().values()) {
        created.add(table.name().key());
        for (ForeignKey fk : table.foreignKeys()) {
          referenced.putIfAbsent(fk.referencedTable().key(), fk.referencedTable());
        }
      }
    }
    before.forEach(states -> states.forEach(s -> s.tables().values().forEach(t -> created.add(t.name().key()))));
    referenced.keySet().removeAll(created);
    return List.copyOf(referenced.values());
  }

  /**
   * The position of {@code id} in {@link #revisions()}, -1 for {@link #BASE}, from an index (a migration
   * run asks for every revision); throws {@link TargetException} for an id the chain does not have.
   */
  public int position(String id) {
    return BASE.equals(id) ? -1 : existing(id);
  }

  private int existing(String id) {
    Integer at = positions.get(id);
    if (at == null) {
      throw new TargetException(unknown(id));
    }
    return at;
  }

  private String unknown(String id) {
    if (revisions.isEmpty()) {
      return "unknown revision '" + id + "': the chain has no revisions yet (only base)";
    }
    List<String> ids = revisions.stream().map(Revision::id).toList();
    List<String> nearby = ids;
    if (id != null && ID.matcher(id).matches() && ids.size() > 5) {
      long wanted = Long.parseLong(id.length() > 18 ? id.substring(0, 18) : id);
      nearby = ids.stream().sorted((a, b) -> Long.compare(distance(a, wanted), distance(b, wanted)))
          .limit(5).sorted().toList();
    }
    return "unknown revision '" + id + "'; " + (nearby.size() < ids.size() ? "nearby: " : "the chain has: ")
        + String.join(", ", nearby) + " (head " + head() + "); or use head, base, +N, -N";
  }

  private static long distance(String id, long wanted) {
    return Math.abs(Long.parseLong(id.length() > 18 ? id.substring(0, 18) : id) - wanted);
  }

  /** Orders the revisions root first, reporting every structural problem. */
  private static List<Revision> order(List<Revision> revisions, List<Problem> problems) {
    Map<String, Revision> byId = new LinkedHashMap<>();
    for (Revision revision : revisions) {
      if (revision.id() == null || !ID.matcher(revision.id()).matches()) {
        problems.add(Problem.ofFile(source(revision), "revision id '" + revision.id()
            + "' is not a zero-padded number; write e.g. revision: \"0002\""));
        continue;
      }
      Revision first = byId.putIfAbsent(revision.id(), revision);
      if (first != null) {
        problems.add(Problem.ofFile(source(revision), "revision id " + revision.id()
            + " is also the id of " + source(first) + "; give one of them the next free id"));
      }
    }
    Map<String, List<Revision>> children = new LinkedHashMap<>();
    List<Revision> roots = new ArrayList<>();
    for (Revision revision : revisions) {
      if (revision.parent() == null) {
        roots.add(revision);
      } else if (!byId.containsKey(revision.parent())) {
        problems.add(Problem.ofFile(source(revision), "parent " + revision.parent()
            + " does not exist; set parent to an existing revision (known: "
            + String.join(", ", byId.keySet()) + ")"));
      } else {
        children.computeIfAbsent(revision.parent(), p -> new ArrayList<>()).add(revision);
      }
    }
    if (roots.size() > 1) {
      problems.add(Problem.ofFile(source(roots.get(1)), "two roots: " + describe(roots)
          + " have no parent; only the first revision may have parent: null, set the parent of the others"));
    } else if (roots.isEmpty() && !revisions.isEmpty()) {
      problems.add(Problem.ofFile(null, "no root revision: every revision has a parent; "
          + "the first revision must have parent: null"));
    }
    children.forEach((parent, kids) -> {
      if (kids.size() > 1) {
        List<Revision> heads = kids.stream().map(kid -> headOf(kid, children)).toList();
        problems.add(Problem.ofFile(source(kids.get(1)), "branch: " + describe(kids) + " all have parent "
            + parent + ", so the chain has heads " + describe(heads)
            + "; keep the chain linear (policy rule 6): set the parent of " + source(kids.get(1))
            + " to " + heads.get(0).id()));
      }
    });
    reportCycles(revisions, byId, problems);
    List<Revision> ordered = new ArrayList<>();
    if (roots.size() == 1) {
      for (Revision at = roots.get(0); at != null; ) {
        ordered.add(at);
        List<Revision> next = children.getOrDefault(at.id(), List.of());
        at = next.isEmpty() ? null : next.get(0);
      }
    }
    return ordered;
  }

  private static Revision headOf(Revision start, Map<String, List<Revision>> children) {
    Set<String> seen = new HashSet<>();
    Revision at = start;
    while (seen.add(at.id()) && children.containsKey(at.id())) {
      at = children.get(at.id()).get(0);
    }
    return at;
  }

  /** Follows parents from every revision; a walk that meets itself is a cycle, reported once. */
  private static void reportCycles(List<Revision> revisions, Map<String, Revision> byId, List<Problem> problems) {
    Set<String> done = new HashSet<>();
    for (Revision start : revisions) {
      LinkedHashSet<String> path = new LinkedHashSet<>();
      Revision at = start;
      while (at != null && !done.contains(at.id()) && path.add(at.id())) {
        at = at.parent() == null ? null : byId.get(at.parent());
      }
      if (at != null && path.contains(at.id())) {
        List<String> cycle = new ArrayList<>(path);
        List<Revision> members = cycle.subList(cycle.indexOf(at.id()), cycle.size()).stream()
            .map(byId::get).toList();
        problems.add(Problem.ofFile(source(members.get(0)), "cycle: " + members.stream().map(Revision::id)
            .collect(Collectors.joining(" -> ", "", " -> " + members.get(0).id())) + " (files "
            + members.stream().map(Chain::source).collect(Collectors.joining(", "))
            + "); one revision of the cycle must have the head of the chain below it as parent"));
      }
      done.addAll(path);
    }
  }

  /** Replays the ordered revisions from the empty schema, recording each state. */
  private static void replay(List<Revision> ordered, List<List<Schema>> before, List<Schema> after,
      List<Problem> problems) {
    Schema state = Schema.EMPTY;
    for (Revision revision : ordered) {
      List<Schema> states = new ArrayList<>();
      List<Op> ops = revision.ops();
      for (int k = 0; k < ops.size(); k++) {
        Op op = ops.get(k);
        int number = k + 1;
        try {
          Schema next = op.apply(state);
          op.dataLoss(state).filter(loss -> !op.dataLossAcknowledged()).ifPresent(loss ->
              problems.add(Problem.ofDataLoss(source(revision), number, op.describe(), loss
                  + "; if that is intended, add acknowledge_data_loss: true to the op")));
          states.add(state);
          state = next;
        } catch (InvalidSchemaException e) {
          problems.add(Problem.ofOp(source(revision), number, op.describe(), e.getMessage()));
          return;
        }
      }
      before.add(states);
      after.add(state);
    }
  }

  private static String describe(List<Revision> revisions) {
    return revisions.stream().map(r -> r.id() + " (" + source(r) + ")").collect(Collectors.joining(" and "));
  }

  private static String source(Revision revision) {
    return revision.source() != null ? revision.source() : "revision " + revision.id();
  }
}
