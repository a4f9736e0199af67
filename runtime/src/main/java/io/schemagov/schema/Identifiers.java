package io.schemagov.schema;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one rule for SQL identifiers, shared by the model, the dialects and the processor.
 *
 * <p>A plain name ({@code displayName}) is kept as written and rendered unquoted, so the database
 * folds it exactly as it folds the ORM's unquoted queries. A quoted name is written with surrounding
 * double quotes ({@code "Order"}) and keeps its case. Two names denote the same object when their
 * {@link #key keys} are equal: unquoted names compare case-insensitively, quoted names exactly.
 * Anything else (spaces, semicolons, quotes inside a name, comment markers) is rejected, because a
 * name that can carry SQL must never reach a statement.
 */
public final class Identifiers {
  /** PostgreSQL truncates longer names silently; refusing them keeps names stable across databases. */
  public static final int MAX_LENGTH = 63;

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern QUOTED = Pattern.compile("\"[A-Za-z0-9_ $#@.\\-]+\"");

  private Identifiers() {}

  /** Returns {@code name} when it is a valid identifier; otherwise throws with what to write instead. */
  public static String require(String name, String what) {
    if (name == null || name.isEmpty()) {
      throw new InvalidSchemaException(what + " is missing a name");
    }
    boolean plain = PLAIN.matcher(name).matches();
    if (!plain && !QUOTED.matcher(name).matches()) {
      throw new InvalidSchemaException(
          what + " name '" + name + "' is not a valid identifier; use letters, digits and '_' "
              + "(starting with a letter or '_'), or a double-quoted name without quotes inside");
    }
    if (unquoted(name).length() > MAX_LENGTH) {
      throw new InvalidSchemaException(
          what + " name '" + name + "' is longer than " + MAX_LENGTH + " characters; shorten it");
    }
    return name;
  }

  public static boolean isValid(String name) {
    return name != null
        && (PLAIN.matcher(name).matches() || QUOTED.matcher(name).matches())
        && unquoted(name).length() <= MAX_LENGTH;
  }

  public static boolean isQuoted(String name) {
    return name.length() >= 2 && name.charAt(0) == '"' && name.charAt(name.length() - 1) == '"';
  }

  /** The name without its quotes, as the database stores a quoted name. */
  public static String unquoted(String name) {
    return isQuoted(name) ? name.substring(1, name.length() - 1) : name;
  }

  /** The identity of a name: equal keys denote the same database object. */
  public static String key(String name) {
    return isQuoted(name) ? unquoted(name) : name.toLowerCase(Locale.ROOT);
  }

  public static boolean same(String a, String b) {
    return key(a).equals(key(b));
  }
}
