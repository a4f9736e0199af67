package io.schemagov.processor.generate;

import io.schemagov.processor.jpa.ColumnModel;
import io.schemagov.schema.ColumnType;
import io.schemagov.schema.ColumnType.Kind;
import java.util.Map;

/**
 * The logical column type of a basic attribute, as Hibernate 7 chooses it (docs/hibernate-ddl.md,
 * section 1); each dialect renders the logical type. Null when the Java type has no mapping here.
 * Reads the column model only ({@code @Temporal} and {@code secondPrecision} included).
 */
final class TypeMapping {
  /** Default fractional-second precision of Hibernate's timestamps; times default to 0. */
  private static final int TIMESTAMP_PRECISION = 6;

  private static final Map<String, ColumnType> FIXED = Map.ofEntries(
      Map.entry("java.lang.Boolean", ColumnType.of(Kind.BOOLEAN)),
      Map.entry("java.lang.Byte", ColumnType.of(Kind.SMALLINT)),
      Map.entry("java.lang.Short", ColumnType.of(Kind.SMALLINT)),
      Map.entry("java.lang.Integer", ColumnType.of(Kind.INTEGER)),
      Map.entry("java.lang.Long", ColumnType.of(Kind.BIGINT)),
      Map.entry("java.lang.Float", ColumnType.of(Kind.REAL)),
      Map.entry("java.lang.Double", ColumnType.of(Kind.DOUBLE)),
      Map.entry("java.lang.Character", ColumnType.sized(Kind.CHAR, 1)),
      Map.entry("java.util.UUID", ColumnType.of(Kind.UUID)),
      Map.entry("java.time.LocalDate", ColumnType.of(Kind.DATE)),
      Map.entry("java.time.Duration", ColumnType.decimal(21, 0)));

  private TypeMapping() {}

  /** The model boxes array components too: {@code byte[]} arrives as {@code java.lang.Byte[]}. */
  static ColumnType of(ColumnModel c) {
    String type = c.javaType();
    if (c.enumKind() != null) {
      return c.enumKind().equals("STRING") ? ColumnType.sized(Kind.VARCHAR, c.length()) : ColumnType.of(Kind.SMALLINT);
    }
    if (c.lob()) {
      return switch (type) {
        case "java.lang.String", "java.lang.Character[]" -> ColumnType.of(Kind.CLOB);
        case "java.lang.Byte[]" -> ColumnType.of(Kind.BLOB);
        default -> null;
      };
    }
    ColumnType fixed = FIXED.get(type);
    if (fixed != null) {
      return fixed;
    }
    int seconds = c.secondPrecision();
    return switch (type) {
      case "java.lang.String", "java.lang.Character[]" -> ColumnType.sized(Kind.VARCHAR, c.length());
      // varbinary, not blob: PostgreSQL renders blob as oid (a large-object reference), which
      // cannot hold the bytea values Hibernate binds for a plain byte[].
      case "java.lang.Byte[]" -> ColumnType.sized(Kind.VARBINARY, c.length());
      case "java.math.BigDecimal" -> c.precision() > 0 ? ColumnType.decimal(c.precision(), c.scale()) : ColumnType.decimal(38, 2);
      case "java.math.BigInteger" -> ColumnType.decimal(c.precision() > 0 ? c.precision() : 38, 0);
      case "java.time.LocalTime", "java.time.OffsetTime" -> ColumnType.sized(Kind.TIME, seconds >= 0 ? seconds : 0);
      case "java.time.LocalDateTime", "java.sql.Timestamp" -> timestamp(Kind.TIMESTAMP, seconds);
      case "java.time.OffsetDateTime", "java.time.ZonedDateTime", "java.time.Instant" -> timestamp(Kind.TIMESTAMPTZ, seconds);
      case "java.util.Date", "java.util.Calendar" -> temporal(c.temporal(), seconds);
      default -> null;
    };
  }

  private static ColumnType timestamp(Kind kind, int seconds) {
    return ColumnType.sized(kind, seconds >= 0 ? seconds : TIMESTAMP_PRECISION);
  }

  /** {@code @Temporal} picks the SQL type of the legacy date types; TIMESTAMP without one. */
  private static ColumnType temporal(String kind, int seconds) {
    return switch (kind == null ? "TIMESTAMP" : kind) {
      case "DATE" -> ColumnType.of(Kind.DATE);
      case "TIME" -> ColumnType.sized(Kind.TIME, 0);
      default -> timestamp(Kind.TIMESTAMP, seconds);
    };
  }
}
