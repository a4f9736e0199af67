package io.schemagov.processor.jpa;

import java.util.Locale;

/**
 * A database identifier as the database sees it: unquoted names are compared case-insensitively,
 * names written in double quotes or backticks (Hibernate's convention) case-sensitively.
 */
public record DbName(String text, boolean quoted) {

  /** Parses a name as written in an annotation, stripping {@code "..."} or {@code `...`} quotes. */
  public static DbName parse(String raw) {
    String s = raw.strip();
    if (s.length() >= 2
        && ((s.startsWith("\"") && s.endsWith("\"")) || (s.startsWith("`") && s.endsWith("`")))) {
      return new DbName(s.substring(1, s.length() - 1), true);
    }
    return new DbName(s, false);
  }

  /** The comparison key: exact text when quoted, lower case otherwise. */
  public String key() {
    return quoted ? text : text.toLowerCase(Locale.ROOT);
  }

  /** The name as a user would write it in SQL. */
  @Override
  public String toString() {
    return quoted ? "\"" + text + "\"" : text;
  }
}
