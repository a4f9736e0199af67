package io.schemagov.dialect;

import io.schemagov.schema.ColumnType;
import io.schemagov.schema.ColumnType.Kind;
import io.schemagov.schema.InvalidSchemaException;
import java.util.Locale;

/**
 * Logical types as SQLite declares them, and back. The declared names are those of Hibernate's
 * community SQLite dialect where it keeps them apart ({@code integer}, {@code bigint},
 * {@code varchar(n)}, {@code numeric(p,s)}, {@code blob}, {@code timestamp}...), so each declared type
 * reads back as the logical type it came from; SQLite derives each column's affinity from the same
 * text (INT: integer, CHAR/TEXT/CLOB: text, BLOB: blob, REAL/DOUB: real, anything else: numeric).
 *
 * <p>Where Hibernate's SQLite dialect does not keep two types apart, neither does this one, so that
 * Hibernate's validator accepts the columns (it matches declared type names on SQLite): a
 * {@code timestamptz(p)} is declared {@code timestamp(p)} and a {@code uuid} {@code blob}, and both read
 * back as such ({@link #stored}). SQLite itself has no zone-aware timestamp and no uuid type either.
 */
final class SqliteTypes {
  private SqliteTypes() {}

  static String render(ColumnType type) {
    ColumnType stored = stored(type);
    return stored.kind() == Kind.DECIMAL
        ? "numeric(" + stored.precision() + "," + stored.scale() + ")"
        : stored.toString();
  }

  /**
   * The logical type a column of {@code type} reads back as on SQLite: {@code timestamptz(p)} is
   * {@code timestamp(p)} and {@code uuid} is {@code blob}, as Hibernate's SQLite dialect declares them;
   * every other type is itself.
   */
  static ColumnType stored(ColumnType type) {
    return switch (type.kind()) {
      case TIMESTAMPTZ -> new ColumnType(Kind.TIMESTAMP, type.size(), null, null);
      case UUID -> ColumnType.of(Kind.BLOB);
      default -> type;
    };
  }

  /**
   * The logical type of a declared SQLite type, as {@link #stored} folds it (so a {@code timestamptz}
   * or {@code uuid} column declared by an earlier schemagov reads back as {@code timestamp} or
   * {@code blob} too); a name of no logical type maps by its affinity.
   */
  static ColumnType parse(String declared) {
    String text = declared == null ? "" : declared.strip().toLowerCase(Locale.ROOT);
    String normalized = text.replaceFirst("^numeric\\b", "decimal")
        .replaceFirst("^double precision\\b", "double")
        .replaceFirst("^datetime\\b", "timestamp")
        .replaceFirst("^int\\b", "integer");
    try {
      return stored(ColumnType.parse(normalized));
    } catch (InvalidSchemaException e) {
      return byAffinity(text);
    }
  }

  /** SQLite's own affinity rules (https://www.sqlite.org/datatype3.html, 3.1). */
  private static ColumnType byAffinity(String text) {
    if (text.contains("int")) {
      return ColumnType.of(Kind.BIGINT);
    }
    if (text.contains("char") || text.contains("clob") || text.contains("text")) {
      return ColumnType.of(Kind.TEXT);
    }
    if (text.isEmpty() || text.contains("blob")) {
      return ColumnType.of(Kind.BLOB);
    }
    if (text.contains("real") || text.contains("floa") || text.contains("doub")) {
      return ColumnType.of(Kind.DOUBLE);
    }
    return ColumnType.decimal(38, 0);
  }
}
