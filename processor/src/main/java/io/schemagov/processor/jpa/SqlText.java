package io.schemagov.processor.jpa;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two facts read out of SQL fragments in annotations: the table after {@code REFERENCES} and
 * the value after {@code DEFAULT}. Small regular expressions, not a parser: a fragment they cannot
 * read yields nothing rather than a guess.
 */
public final class SqlText {
  private static final String IDENT = "(?:\"[^\"]+\"|`[^`]+`|[\\p{L}\\p{N}_$]+)";
  private static final Pattern REFERENCES =
      Pattern.compile(
          "(?i)\\bREFERENCES\\s+(" + IDENT + "(?:\\s*\\.\\s*" + IDENT + ")*)\\s*(?:\\(\\s*([^)]*?)\\s*\\))?");
  private static final Pattern PART = Pattern.compile(IDENT);
  private static final Pattern DEFAULT =
      Pattern.compile("(?i)\\bDEFAULT\\s+('(?:[^']|'')*'|[^\\s,()]+(?:\\([^)]*\\))?)");
  private static final String PLAIN = "[A-Za-z_][A-Za-z0-9_]*";
  private static final Pattern REFERENCE_VALUE =
      Pattern.compile("(" + PLAIN + "|\"[^\"\\\\;'\\p{Cntrl}]+\")(?:\\.(" + PLAIN + "|\"[^\"\\\\;'\\p{Cntrl}]+\")){1,2}");

  private SqlText() {}

  /** A table named by SQL text: schema (may be null), table, column (may be null). */
  public record Target(DbName schema, DbName table, String column) {}

  /** Every {@code REFERENCES [schema.]table[(column)]} in the fragment. */
  public static List<Target> references(String sql) {
    List<Target> out = new ArrayList<>();
    Matcher m = REFERENCES.matcher(sql);
    while (m.find()) {
      List<String> parts = parts(m.group(1));
      DbName table = DbName.parse(parts.get(parts.size() - 1));
      DbName schema = parts.size() > 1 ? DbName.parse(parts.get(parts.size() - 2)) : null;
      String column = m.group(2) == null || m.group(2).isBlank() ? null : m.group(2);
      out.add(new Target(schema, table, column));
    }
    return out;
  }

  /** The literal after {@code DEFAULT} (quotes kept), or null. */
  public static String defaultValue(String columnDefinition) {
    Matcher m = DEFAULT.matcher(columnDefinition);
    return m.find() ? m.group(1) : null;
  }

  /**
   * Reads an {@code @References} value: {@code table.column} or {@code schema.table.column}, each
   * part a plain identifier or a double-quoted name without quotes, semicolons or control
   * characters. Null when malformed.
   */
  public static Target reference(String value) {
    if (!REFERENCE_VALUE.matcher(value).matches()) {
      return null;
    }
    List<String> parts = parts(value);
    int n = parts.size();
    return new Target(
        n == 3 ? DbName.parse(parts.get(0)) : null,
        DbName.parse(parts.get(n - 2)),
        DbName.parse(parts.get(n - 1)).text());
  }

  private static List<String> parts(String qualified) {
    List<String> out = new ArrayList<>();
    Matcher p = PART.matcher(qualified);
    while (p.find()) {
      out.add(p.group());
    }
    return out;
  }
}
