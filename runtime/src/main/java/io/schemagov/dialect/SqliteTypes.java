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
 */
final class SqliteTypes {
  private SqliteTypes() {}

  static String render(ColumnType type) {
    return type.kind() == Kind.DECIMAL
        ? "numeric(" + type.precision() + "," + type.scale() + ")"
        : type.toString();
  }

  /** The logical type of a declared SQLite type; a name of no logical type maps by its affinity. */
  static ColumnType parse(String declared) {
    String text = declared == null ? "" : declared.strip().toLowerCase(Locale.ROOT);
    String normalized = text.replaceFirst("^numeric\\b", "decimal")
        .replaceFirst("^double precision\\b", "double")
        .replaceFirst("^datetime\\b", "timestamp")
        .replaceFirst("^int\\b", "integer");
    try {
      return ColumnType.parse(normalized);
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
