package io.schemagov.dialect;

import io.schemagov.dialect.SqlLexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The named table constraints of a stored {@code CREATE TABLE}. SQLite's pragmas report foreign keys
 * and unique constraints without their names, so the names are read back from the table's SQL
 * (kept verbatim by SQLite, through renames and rebuilds); constraints are matched by their columns.
 */
final class SqliteConstraints {
  record Named(String kind, String name, List<String> columns) {}

  private final List<Named> constraints;

  private SqliteConstraints(List<Named> constraints) {
    this.constraints = constraints;
  }

  static SqliteConstraints parse(String createTable) {
    List<Named> found = new ArrayList<>();
    List<Token> tokens = SqlLexer.tokens(createTable == null ? "" : createTable);
    int depth = 0;
    int itemStart = -1;
    for (int k = 0; k < tokens.size(); k++) {
      Token token = tokens.get(k);
      if (token.isPunct('(')) {
        depth++;
        if (depth == 1) {
          itemStart = k + 1;
        }
      } else if (token.isPunct(')') || token.isPunct(',')) {
        if (depth == 1 && itemStart >= 0) {
          item(tokens.subList(itemStart, k)).ifPresent(found::add);
          itemStart = k + 1;
        }
        if (token.isPunct(')')) {
          depth--;
        }
      }
    }
    return new SqliteConstraints(found);
  }

  /** {@code CONSTRAINT name FOREIGN KEY (cols) ...} or {@code CONSTRAINT name UNIQUE (cols)}. */
  private static Optional<Named> item(List<Token> item) {
    if (item.size() < 4 || !item.get(0).is("CONSTRAINT")) {
      return Optional.empty();
    }
    String name = item.get(1).name();
    Token kind = item.get(2);
    int open = kind.is("FOREIGN") ? 4 : kind.is("UNIQUE") ? 3 : -1;
    if (open < 0 || open >= item.size() || !item.get(open).isPunct('(')) {
      return Optional.empty();
    }
    List<String> columns = new ArrayList<>();
    for (int k = open + 1; k < item.size() && !item.get(k).isPunct(')'); k++) {
      Token token = item.get(k);
      if (token.kind() == SqlLexer.Kind.WORD && !token.is("COLLATE") && !token.is("ASC")
          && !token.is("DESC") || token.kind() == SqlLexer.Kind.QUOTED) {
        columns.add(token.name());
      }
    }
    return Optional.of(new Named(kind.upper(), name, columns));
  }

  Optional<String> foreignKeyName(List<String> columns) {
    return find("FOREIGN", columns);
  }

  Optional<String> uniqueName(List<String> columns) {
    return find("UNIQUE", columns);
  }

  private Optional<String> find(String kind, List<String> columns) {
    return constraints.stream()
        .filter(c -> c.kind().equals(kind) && sameColumns(c.columns(), columns))
        .map(Named::name).findFirst();
  }

  private static boolean sameColumns(List<String> a, List<String> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int k = 0; k < a.size(); k++) {
      if (!a.get(k).equalsIgnoreCase(b.get(k))) {
        return false;
      }
    }
    return true;
  }
}
