package io.schemagov.schema;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ColumnTypeTest {
  private static ColumnType t(String text) {
    return ColumnType.parse(text);
  }

  @Test
  void textFormRoundTrips() {
    for (String text : new String[] {"bigint", "varchar(255)", "decimal(38,2)", "timestamp(6)", "timestamptz", "uuid"}) {
      assertThat(t(text).toString()).isEqualTo(text);
    }
    assertThat(t(" VARCHAR ( 20 ) ").toString()).isEqualTo("varchar(20)");
    assertThat(t("decimal(19, 4)").toString()).isEqualTo("decimal(19,4)");
  }

  @Test
  void badTypesSayWhatToWrite() {
    assertThat(assertThrows(InvalidSchemaException.class, () -> t("int")).getMessage()).contains("known types");
    assertThat(assertThrows(InvalidSchemaException.class, () -> t("varchar")).getMessage())
        .contains("needs a positive length, e.g. varchar(255)");
    assertThat(assertThrows(InvalidSchemaException.class, () -> t("bigint; drop")).getMessage())
        .contains("is not a column type");
  }

  @Test
  void wideningHoldsEveryValue() {
    assertThat(t("bigint").holdsAllOf(t("integer"))).isTrue();
    assertThat(t("varchar(300)").holdsAllOf(t("varchar(100)"))).isTrue();
    assertThat(t("text").holdsAllOf(t("varchar(100)"))).isTrue();
    assertThat(t("decimal(20,4)").holdsAllOf(t("decimal(10,2)"))).isTrue();
    assertThat(t("timestamp").holdsAllOf(t("timestamp(3)"))).isTrue();
  }

  @Test
  void narrowingOrChangingFamilyDoesNot() {
    assertThat(t("integer").holdsAllOf(t("bigint"))).isFalse();
    assertThat(t("varchar(50)").holdsAllOf(t("varchar(300)"))).isFalse();
    assertThat(t("varchar(50)").holdsAllOf(t("text"))).isFalse();
    assertThat(t("decimal(10,4)").holdsAllOf(t("decimal(10,2)"))).isFalse();
    assertThat(t("text").holdsAllOf(t("bigint"))).isFalse();
    assertThat(t("timestamp(3)").holdsAllOf(t("timestamp"))).isFalse();
  }

  @Test
  void identifiersFoldUnquotedNamesAndRefuseInjection() {
    assertThat(Identifiers.same("displayName", "DISPLAYNAME")).isTrue();
    assertThat(Identifiers.same("\"Order\"", "order")).isFalse();
    assertThat(Identifiers.isValid("x; DROP TABLE y")).isFalse();
    assertThat(Identifiers.isValid("a--b")).isFalse();
    assertThat(Identifiers.isValid("\"a\"\"b\"")).isFalse();
    assertThat(Identifiers.isValid("a".repeat(64))).isFalse();
  }
}
