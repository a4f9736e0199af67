package io.schemagov.dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small SQL lexer for the SQL that SQLite stores and runs: words, quoted identifiers
 * ({@code "x"}, {@code `x`}, {@code [x]}), string literals, numbers and punctuation; comments and
 * blanks are skipped. Enough to split scripts into statements and to read names out of a stored
 * {@code CREATE TABLE}, never a full parser.
 */
final class SqlLexer {
  enum Kind { WORD, QUOTED, STRING, OTHER }

  record Token(Kind kind, String text, int start, int end) {
    /** The identifier this token names: a word as written, a quoted name without its quotes. */
    String name() {
      if (kind != Kind.QUOTED) {
        return text;
      }
      String inner = text.substring(1, text.length() - 1);
      char quote = text.charAt(0);
      return quote == '[' ? inner : inner.replace(quote + "" + quote, String.valueOf(quote));
    }

    boolean is(String word) {
      return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }

    boolean isPunct(char c) {
      return kind == Kind.OTHER && text.length() == 1 && text.charAt(0) == c;
    }

    String upper() {
      return text.toUpperCase(Locale.ROOT);
    }
  }

  private SqlLexer() {}

  static List<Token> tokens(String sql) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int eol = sql.indexOf('\n', i);
        i = eol < 0 ? n : eol + 1;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int close = sql.indexOf("*/", i + 2);
        i = close < 0 ? n : close + 2;
      } else if (c == '\'' || c == '"' || c == '`' || c == '[') {
        int end = closing(sql, i, c == '[' ? ']' : c);
        tokens.add(new Token(c == '\'' ? Kind.STRING : Kind.QUOTED, sql.substring(i, end), i, end));
        i = end;
      } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
        int end = i;
        while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_'
            || sql.charAt(end) == '$')) {
          end++;
        }
        tokens.add(new Token(Kind.WORD, sql.substring(i, end), i, end));
        i = end;
      } else {
        tokens.add(new Token(Kind.OTHER, String.valueOf(c), i, i + 1));
        i++;
      }
    }
    return tokens;
  }

  /** The index after the quote that closes the one at {@code open}; a doubled quote is an escape. */
  private static int closing(String sql, int open, char quote) {
    int i = open + 1;
    while (i < sql.length()) {
      if (sql.charAt(i) == quote) {
        if (quote != ']' && i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return sql.length();
  }

  /**
   * Splits a script at top-level semicolons; a {@code CREATE TRIGGER} runs on to its {@code END}, since
   * its body holds semicolons of its own. Statements come back trimmed, without the semicolon.
   */
  static List<String> split(String script) {
    List<String> statements = new ArrayList<>();
    List<Token> tokens = tokens(script);
    int start = -1;
    int first = 0;
    for (int k = 0; k < tokens.size(); k++) {
      Token token = tokens.get(k);
      if (start < 0) {
        if (token.isPunct(';')) {
          continue;
        }
        start = token.start();
        first = k;
      }
      if (token.isPunct(';') && (!isTrigger(tokens, first) || tokens.get(k - 1).is("END"))) {
        statements.add(script.substring(start, token.start()).strip());
        start = -1;
      }
    }
    if (start >= 0) {
      statements.add(script.substring(start).strip());
    }
    return statements;
  }

  private static boolean isTrigger(List<Token> tokens, int first) {
    if (!tokens.get(first).is("CREATE")) {
      return false;
    }
    for (int k = first + 1; k < Math.min(tokens.size(), first + 4); k++) {
      if (tokens.get(k).is("TRIGGER")) {
        return true;
      }
    }
    return false;
  }
}
