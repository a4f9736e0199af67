package io.schemagov.revision;

import java.util.List;

/**
 * One revision of the chain: its id, its parent's id ({@code null} for the root), a message and its
 * upgrade ops. {@code source} names where it was read from (a file name) for error messages.
 */
public record Revision(String id, String parent, String message, List<Op> ops, String source) {
  public Revision {
    ops = List.copyOf(ops);
  }
}
