package io.schemagov.dialect;

import io.schemagov.schema.ColumnType;
import io.schemagov.schema.ColumnType.Kind;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Logical types as Hibernate 7's {@code PostgreSQLDialect} declares them (docs/hibernate-ddl.md), so
 * that {@code hbm2ddl.auto=validate} accepts a database schemagov built, and back from the catalog's
 * {@code format_type()} text.
 *
 * <p>PostgreSQL keeps fewer types than the model has, so some read back as another logical type
 * ({@link #stored}): {@code clob} and {@code blob} are both {@code oid} (Hibernate's {@code @Lob}, a
 * large-object reference) and read back as {@code blob}; {@code binary(n)} and {@code varbinary(n)}
 * are both {@code bytea}, which keeps no length, and read back as {@code varbinary} with
 * {@link #BYTEA_LENGTH}; a time type without a precision is PostgreSQL's default precision 6.
 */
final class PostgresTypes {
  /** bytea declares no length; its limit is PostgreSQL's 1 GB field size. */
  static final int BYTEA_LENGTH = 1_073_741_823;

  private static final int DEFAULT_TIME_PRECISION = 6;
  private static final Pattern FORMATTED = Pattern.compile("([a-z ]+?)(?:\\((\\d+)(?:,(\\d+))?\\))?( with(?:out)? time zone)?");

  private PostgresTypes() {}

  static String render(ColumnType type) {
    return switch (type.kind()) {
      case BOOLEAN -> "boolean";
      case SMALLINT -> "smallint";
      case INTEGER -> "integer";
      case BIGINT -> "bigint";
      case REAL -> "real";
      case DOUBLE -> "double precision";
      case DECIMAL -> "numeric(" + type.precision() + "," + type.scale() + ")";
      case CHAR -> "char(" + type.size() + ")";
      case VARCHAR -> "varchar(" + type.size() + ")";
      case TEXT -> "text";
      case CLOB, BLOB -> "oid";
      case BINARY, VARBINARY -> "bytea";
      case DATE -> "date";
      case TIME -> "time(" + precision(type) + ")";
      case TIMESTAMP -> "timestamp(" + precision(type) + ")";
      case TIMESTAMPTZ -> "timestamp(" + precision(type) + ") with time zone";
      case UUID -> "uuid";
      case JSON -> "jsonb";
    };
  }

  /** The logical type that {@code type} reads back as once stored. */
  static ColumnType stored(ColumnType type) {
    return switch (type.kind()) {
      case CLOB -> ColumnType.of(Kind.BLOB);
      case BINARY, VARBINARY -> ColumnType.sized(Kind.VARBINARY, BYTEA_LENGTH);
      case TIME, TIMESTAMP, TIMESTAMPTZ -> ColumnType.sized(type.kind(), precision(type));
      default -> type;
    };
  }

  private static int precision(ColumnType type) {
    return type.size() == null ? DEFAULT_TIME_PRECISION : type.size();
  }

  /**
   * The logical type of a column whose catalog type is {@code formatted} ({@code format_type()}: e.g.
   * {@code character varying(255)}, {@code numeric(10,2)}, {@code timestamp(6) with time zone}); a
   * type schemagov never declares reads back as {@code text}, so {@code check} reports it as different.
   */
  static ColumnType parse(String formatted) {
    Matcher m = FORMATTED.matcher(formatted.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return ColumnType.of(Kind.TEXT);
    }
    Integer first = m.group(2) == null ? null : Integer.valueOf(m.group(2));
    Integer second = m.group(3) == null ? null : Integer.valueOf(m.group(3));
    boolean zoned = " with time zone".equals(m.group(4));
    int timePrecision = first == null ? DEFAULT_TIME_PRECISION : first;
    return switch (m.group(1)) {
      case "boolean" -> ColumnType.of(Kind.BOOLEAN);
      case "smallint" -> ColumnType.of(Kind.SMALLINT);
      case "integer" -> ColumnType.of(Kind.INTEGER);
      case "bigint" -> ColumnType.of(Kind.BIGINT);
      case "real" -> ColumnType.of(Kind.REAL);
      case "double precision" -> ColumnType.of(Kind.DOUBLE);
      case "numeric" -> first == null ? ColumnType.of(Kind.TEXT)
          : ColumnType.decimal(first, second == null ? 0 : second);
      case "character" -> ColumnType.sized(Kind.CHAR, first == null ? 1 : first);
      case "character varying" -> first == null ? ColumnType.of(Kind.TEXT) : ColumnType.sized(Kind.VARCHAR, first);
      case "oid" -> ColumnType.of(Kind.BLOB);
      case "bytea" -> ColumnType.sized(Kind.VARBINARY, BYTEA_LENGTH);
      case "date" -> ColumnType.of(Kind.DATE);
      case "time" -> zoned ? ColumnType.of(Kind.TEXT) : ColumnType.sized(Kind.TIME, timePrecision);
      case "timestamp" -> ColumnType.sized(zoned ? Kind.TIMESTAMPTZ : Kind.TIMESTAMP, timePrecision);
      case "uuid" -> ColumnType.of(Kind.UUID);
      case "json", "jsonb" -> ColumnType.of(Kind.JSON);
      default -> ColumnType.of(Kind.TEXT);
    };
  }
}
