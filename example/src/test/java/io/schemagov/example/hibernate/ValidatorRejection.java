package io.schemagov.example.hibernate;

import static com.google.common.truth.Truth.assertWithMessage;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.tool.schema.spi.SchemaManagementException;
import org.hibernate.type.SqlTypes;

/**
 * The column types Hibernate 7's SQLite validator is known to reject, each a (expected, found) pair
 * of type names and JDBC type codes as its message gives them. Only Hibernate's own is left: on
 * SQLite the validator matches declared type names (the driver reports every non-integer column as
 * VARCHAR), and the runtime's SQLite dialect declares {@code timestamptz(p)} {@code timestamp(p)} and
 * {@code uuid} {@code blob}, as Hibernate's does (docs/entity-schema.md [5]). The validator stops at
 * the first rejection, so {@link HibernateJudgeTest} tolerates each one met
 * ({@link TolerantSqliteDialect}) and validates again until nothing is left.
 */
enum ValidatorRejection {
  /**
   * Hibernate's own: its SQLite DDL declares an IDENTITY id {@code integer} (the rowid alias), and
   * its validator expects a {@code Long} to be BIGINT (hibernate-ddl.md section 6). Not fixable on
   * our side: {@code bigint} would not alias the rowid, and the id would never be generated.
   */
  LONG_IDENTITY("integer", SqlTypes.INTEGER, "bigint", Set.of(SqlTypes.BIGINT));

  private static final Pattern WRONG_TYPE = Pattern.compile("Schema validation: wrong column type encountered "
      + "in column \\[(\\w+)] in table \\[(\\w+)]; found \\[(.+) \\(Types#(\\w+)\\)], but expecting "
      + "\\[(.+) \\(Types#(\\w+)\\)]");

  private final String foundType;
  final int found;
  private final String expectedType;
  final Set<Integer> expected;

  ValidatorRejection(String foundType, int found, String expectedType, Set<Integer> expected) {
    this.foundType = foundType;
    this.found = found;
    this.expectedType = expectedType;
    this.expected = expected;
  }

  /** The known rejection {@code e} reports, or the test fails with Hibernate's message. */
  static ValidatorRejection of(SchemaManagementException e) {
    Matcher m = WRONG_TYPE.matcher(e.getMessage());
    Optional<ValidatorRejection> known = m.matches() ? Arrays.stream(values())
        .filter(r -> r.foundType.equals(m.group(3)) && r.expectedType.equals(m.group(5))
            && r.found == code(m.group(4)) && r.expected.contains(code(m.group(6))))
        .findFirst() : Optional.empty();
    assertWithMessage("Hibernate's validator rejected the schema in an unknown way: %s", e.getMessage())
        .that(known.isPresent()).isTrue();
    return known.orElseThrow();
  }

  private static int code(String name) {
    try {
      return SqlTypes.class.getField(name).getInt(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("no SqlTypes." + name, e);
    }
  }
}
