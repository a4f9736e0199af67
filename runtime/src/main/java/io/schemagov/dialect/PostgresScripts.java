package io.schemagov.dialect;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a PostgreSQL script at its top-level semicolons. {@link SqlLexer} reads SQLite's SQL, where
 * {@code $} belongs to names and {@code [x]} is a name; PostgreSQL has its own quoting: dollar-quoted
 * bodies ({@code $$...$$}, {@code $fn$...$fn$}, as in {@code CREATE FUNCTION} and {@code DO}),
 * {@code E'..\'..'} strings with backslash escapes, and block comments that nest.
 */
final class PostgresScripts {
  private PostgresScripts() {}

  /** The statements, trimmed, without their semicolons; a piece holding only comments is dropped. */
  static List<String> split(String script) {
    List<String> statements = new ArrayList<>();
    int start = -1;
    boolean content = false;
    int i = 0;
    int n = script.length();
    while (i < n) {
      char c = script.charAt(i);
      int next;
      if (c == '-' && script.startsWith("--", i)) {
        int eol = script.indexOf('\n', i);
        i = eol < 0 ? n : eol + 1;
        continue;
      } else if (c == '/' && script.startsWith("/*", i)) {
        i = blockCommentEnd(script, i);
        continue;
      } else if (c == ';') {
        if (content) {
          statements.add(script.substring(start, i).strip());
        }
        content = false;
        i++;
        continue;
      } else if (c == '\'') {
        next = stringEnd(script, i, escapeString(script, i));
      } else if (c == '"') {
        next = stringEnd(script, i, false);
      } else if (c == '$' && !partOfWord(script, i)) {
        next = dollarEnd(script, i);
      } else {
        next = i + 1;
      }
      if (!content && !Character.isWhitespace(c)) {
        start = i;
        content = true;
      }
      i = next;
    }
    if (content) {
      statements.add(script.substring(start).strip());
    }
    return statements;
  }

  /** Whether the quote at {@code quote} opens an {@code E'...'} string. */
  private static boolean escapeString(String sql, int quote) {
    return quote > 0 && (sql.charAt(quote - 1) == 'E' || sql.charAt(quote - 1) == 'e')
        && !partOfWord(sql, quote - 1);
  }

  /** Whether the character at {@code i} continues a word (a name such as {@code a$1}, or {@code xE}). */
  private static boolean partOfWord(String sql, int i) {
    if (i == 0) {
      return false;
    }
    char before = sql.charAt(i - 1);
    return Character.isLetterOrDigit(before) || before == '_' || before == '$';
  }

  /** The index after the quote closing the one at {@code open}; a doubled quote is an escape. */
  private static int stringEnd(String sql, int open, boolean backslashEscapes) {
    char quote = sql.charAt(open);
    int i = open + 1;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (backslashEscapes && c == '\\') {
        i += 2;
      } else if (c == quote && i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
        i += 2;
      } else if (c == quote) {
        return i + 1;
      } else {
        i++;
      }
    }
    return sql.length();
  }

  /** After a {@code $tag$...$tag$} body; a {@code $} that opens no tag (a parameter {@code $1}) is itself. */
  private static int dollarEnd(String sql, int open) {
    int close = open + 1;
    while (close < sql.length() && (Character.isLetterOrDigit(sql.charAt(close)) || sql.charAt(close) == '_')) {
      close++;
    }
    boolean tag = close < sql.length() && sql.charAt(close) == '$'
        && (close == open + 1 || !Character.isDigit(sql.charAt(open + 1)));
    if (!tag) {
      return open + 1;
    }
    String delimiter = sql.substring(open, close + 1);
    int end = sql.indexOf(delimiter, close + 1);
    return end < 0 ? sql.length() : end + delimiter.length();
  }

  private static int blockCommentEnd(String sql, int open) {
    int depth = 0;
    int i = open;
    while (i < sql.length()) {
      if (sql.startsWith("/*", i)) {
        depth++;
        i += 2;
      } else if (sql.startsWith("*/", i)) {
        depth--;
        i += 2;
        if (depth == 0) {
          return i;
        }
      } else {
        i++;
      }
    }
    return sql.length();
  }
}
