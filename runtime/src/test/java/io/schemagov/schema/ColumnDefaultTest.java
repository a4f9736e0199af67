package io.schemagov.schema;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A column default reaches DDL as text: it must be one SQL expression. */
class ColumnDefaultTest {
  private static Column withDefault(String value) {
    return new Column("c", ColumnType.parse("varchar(20)"), true, value, false);
  }

  @ParameterizedTest
  @ValueSource(strings = {"'a;b'", "'it''s'", "''", "'a--b /* c */'", "CURRENT_TIMESTAMP", "(1 + 2)", "-1", "0.50",
      "nextval('s')", "'open'", "false", "0", "coalesce(1, 2)", "'x'::text", "\"seq\"", "X'00ff'",
      "CASE WHEN 1 = 1 THEN 'a' ELSE'b' END", "'(,'"})
  void acceptsOneExpression(String value) {
    assertThat(withDefault(value).defaultValue()).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0, extra integer", "0) , CHECK (1 = 1", "(0", "0)", "0; DROP TABLE t", "0 -- c",
      "0 /* c */", "'open", "'it''s", "'a' 'b", "\"x", "E'it\\'s'", "$$x$$", "`a`", "[a]", "'a\\'", "0 # c",
      "", " ", "'a'\n", "0,1"})
  void refusesAnythingElse(String value) {
    InvalidSchemaException e = assertThrows(InvalidSchemaException.class, () -> withDefault(value));
    assertThat(e.getMessage()).contains("default of column c");
    assertThat(e.getMessage()).contains("is not a single SQL value");
  }

  @ParameterizedTest
  @ValueSource(strings = {"'\u00e9t\u00e9'", "'\u2013'"})
  void refusesNonAscii(String value) {
    assertThat(Column.isPlainAscii(value)).isFalse();
    InvalidSchemaException e = assertThrows(InvalidSchemaException.class, () -> withDefault(value));
    assertThat(e.getMessage()).contains("is not plain ASCII");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "'open'", "~!@"})
  void plainAscii(String value) {
    assertThat(Column.isPlainAscii(value)).isTrue();
  }
}
