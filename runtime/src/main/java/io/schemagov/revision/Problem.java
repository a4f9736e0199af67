package io.schemagov.revision;

/**
 * One thing wrong with a revision file or the chain, located as precisely as known: the file, the
 * op (1-based, as a reader counts the {@code ops} list; 0 when the problem is not about one op),
 * the op's description and the line in the file (0 when unknown). {@code dataLoss} marks an op that
 * destroys data without {@code acknowledge_data_loss: true}, which tools report apart from a broken chain.
 */
public record Problem(String source, int op, String opDescription, int line, String message, boolean dataLoss) {

  public Problem(String source, int op, String opDescription, int line, String message) {
    this(source, op, opDescription, line, message, false);
  }

  public static Problem ofFile(String source, String message) {
    return new Problem(source, 0, null, 0, message);
  }

  public static Problem atLine(String source, int line, String message) {
    return new Problem(source, 0, null, line, message);
  }

  public static Problem ofOp(String source, int op, String opDescription, String message) {
    return new Problem(source, op, opDescription, 0, message);
  }

  public static Problem ofDataLoss(String source, int op, String opDescription, String message) {
    return new Problem(source, op, opDescription, 0, message, true);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(source == null ? "<chain>" : source);
    if (line > 0) {
      text.append(':').append(line);
    }
    if (op > 0) {
      text.append(", op ").append(op);
      if (opDescription != null) {
        text.append(" (").append(opDescription).append(')');
      }
    }
    return text.append(": ").append(message).toString();
  }
}
