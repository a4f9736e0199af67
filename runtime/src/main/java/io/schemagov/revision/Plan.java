package io.schemagov.revision;

import java.util.List;

/**
 * What the {@link Planner} proposes: {@code ops} that bring the old schema to the new one, in an
 * order that applies, and one human line per difference they make.
 *
 * <p>{@code unusedRenames} are declared renames whose old name the old schema does not have (and
 * whose new name it does not have either, so they are not simply done already): each is an error on
 * its annotation. {@code unsupported} are differences no op can express (a changed primary key, a
 * changed sequence, a table moved to another schema); while any is listed the ops do not reach the
 * new schema, so no revision should be written from them.
 */
public record Plan(List<Op> ops, List<String> differences, List<Renames.Rename> unusedRenames,
    List<String> unsupported) {

  public Plan {
    ops = List.copyOf(ops);
    differences = List.copyOf(differences);
    unusedRenames = List.copyOf(unusedRenames);
    unsupported = List.copyOf(unsupported);
  }

  /** Whether the two schemas already agree: nothing to write and nothing left unexpressed. */
  public boolean upToDate() {
    return ops.isEmpty() && unsupported.isEmpty();
  }
}
