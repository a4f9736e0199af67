package io.schemagov.schema;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A logical column type; each dialect renders it as its own SQL type.
 *
 * <p>The text form is what revision files hold: {@code bigint}, {@code varchar(255)},
 * {@code decimal(38,2)}, {@code timestamp(6)}. {@code size} is the length of character and binary
 * types and the fractional-second precision of time types; {@code precision} and {@code scale} belong
 * to {@code decimal}.
 */
public record ColumnType(Kind kind, Integer size, Integer precision, Integer scale) {

  /** The logical kinds, each with the family it widens within. */
  public enum Kind {
    BOOLEAN(Family.BOOLEAN, 0, Args.NONE),
    SMALLINT(Family.INTEGER, 1, Args.NONE),
    INTEGER(Family.INTEGER, 2, Args.NONE),
    BIGINT(Family.INTEGER, 3, Args.NONE),
    REAL(Family.FLOAT, 1, Args.NONE),
    DOUBLE(Family.FLOAT, 2, Args.NONE),
    DECIMAL(Family.DECIMAL, 0, Args.PRECISION_SCALE),
    CHAR(Family.TEXT, 1, Args.SIZE),
    VARCHAR(Family.TEXT, 2, Args.SIZE),
    TEXT(Family.TEXT, 3, Args.NONE),
    CLOB(Family.TEXT, 4, Args.NONE),
    BINARY(Family.BINARY, 1, Args.SIZE),
    VARBINARY(Family.BINARY, 2, Args.SIZE),
    BLOB(Family.BINARY, 3, Args.NONE),
    DATE(Family.DATE, 0, Args.NONE),
    TIME(Family.TIME, 0, Args.OPTIONAL_SIZE),
    TIMESTAMP(Family.TIMESTAMP, 1, Args.OPTIONAL_SIZE),
    TIMESTAMPTZ(Family.TIMESTAMP, 2, Args.OPTIONAL_SIZE),
    UUID(Family.UUID, 0, Args.NONE),
    JSON(Family.JSON, 0, Args.NONE);

    final Family family;
    final int rank;
    final Args args;

    Kind(Family family, int rank, Args args) {
      this.family = family;
      this.rank = rank;
      this.args = args;
    }

    public String sqlName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  enum Family { BOOLEAN, INTEGER, FLOAT, DECIMAL, TEXT, BINARY, DATE, TIME, TIMESTAMP, UUID, JSON }

  enum Args { NONE, SIZE, OPTIONAL_SIZE, PRECISION_SCALE }

  private static final Pattern TEXT_FORM =
      Pattern.compile("\\s*([a-zA-Z]+)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?\\s*");

  public ColumnType {
    if (kind == null) {
      throw new InvalidSchemaException("column type is missing");
    }
    switch (kind.args) {
      case NONE -> require(size == null && precision == null && scale == null, kind, "takes no arguments");
      case SIZE -> require(size != null && size > 0 && precision == null && scale == null, kind,
          "needs a positive length, e.g. " + kind.sqlName() + "(255)");
      case OPTIONAL_SIZE -> require((size == null || (size >= 0 && size <= 9)) && precision == null
          && scale == null, kind, "takes an optional fractional-second precision 0..9");
      case PRECISION_SCALE -> require(size == null && precision != null && precision > 0
          && scale != null && scale >= 0 && scale <= precision, kind,
          "needs precision and scale, e.g. decimal(38,2)");
    }
  }

  private static void require(boolean ok, Kind kind, String what) {
    if (!ok) {
      throw new InvalidSchemaException("type " + kind.sqlName() + " " + what);
    }
  }

  public static ColumnType of(Kind kind) {
    return new ColumnType(kind, null, null, null);
  }

  public static ColumnType sized(Kind kind, int size) {
    return new ColumnType(kind, size, null, null);
  }

  public static ColumnType decimal(int precision, int scale) {
    return new ColumnType(Kind.DECIMAL, null, precision, scale);
  }

  /** Parses the text form, e.g. {@code varchar(255)} or {@code decimal(19, 4)}. */
  public static ColumnType parse(String text) {
    Matcher m = TEXT_FORM.matcher(text == null ? "" : text);
    if (!m.matches()) {
      throw new InvalidSchemaException("'" + text + "' is not a column type; write e.g. bigint, "
          + "varchar(255), decimal(38,2), timestamp(6)");
    }
    Kind kind;
    try {
      kind = Kind.valueOf(m.group(1).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidSchemaException("unknown column type '" + m.group(1) + "'; known types: "
          + java.util.Arrays.stream(Kind.values()).map(Kind::sqlName).toList());
    }
    Integer first = m.group(2) == null ? null : Integer.valueOf(m.group(2));
    Integer second = m.group(3) == null ? null : Integer.valueOf(m.group(3));
    if (kind.args == Args.PRECISION_SCALE) {
      return new ColumnType(kind, null, first, second == null && first != null ? 0 : second);
    }
    if (second != null) {
      throw new InvalidSchemaException("type " + kind.sqlName() + " takes one argument, not two");
    }
    return new ColumnType(kind, first, null, null);
  }

  /**
   * Whether every value of {@code from} fits in this type unchanged, so converting a column from
   * {@code from} to this type loses nothing (a widening). Anything else is a narrowing that a
   * revision must acknowledge.
   */
  public boolean holdsAllOf(ColumnType from) {
    if (equals(from)) {
      return true;
    }
    if (kind.family != from.kind.family) {
      return false;
    }
    return switch (kind.family) {
      case INTEGER, FLOAT -> kind.rank >= from.kind.rank;
      case DECIMAL -> scale >= from.scale && precision - scale >= from.precision - from.scale;
      case TEXT, BINARY -> kind.rank > from.kind.rank && size == null
          || kind.rank >= from.kind.rank && size != null && from.size != null && size >= from.size;
      case TIME, TIMESTAMP -> kind.rank >= from.kind.rank && (size == null ? 6 : size)
          >= (from.size == null ? 6 : from.size);
      default -> false;
    };
  }

  @Override
  public String toString() {
    return switch (kind.args) {
      case NONE -> kind.sqlName();
      case SIZE -> kind.sqlName() + "(" + size + ")";
      case OPTIONAL_SIZE -> size == null ? kind.sqlName() : kind.sqlName() + "(" + size + ")";
      case PRECISION_SCALE -> kind.sqlName() + "(" + precision + "," + scale + ")";
    };
  }
}
