package io.schemagov.processor.jpa;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

class NamingAndSqlTest {
  private static String snake(String name) {
    return NamingStrategy.SNAKE_CASE.apply(DbName.parse(name)).toString();
  }

  @Test
  void snakeCaseFollowsSpringBoot() {
    assertThat(snake("ProductionSet")).isEqualTo("production_set");
    assertThat(snake("productionSetId")).isEqualTo("production_set_id");
    assertThat(snake("HTTPServer")).isEqualTo("httpserver");
    assertThat(snake("address2Line")).isEqualTo("address2_line");
    assertThat(snake("audit.Entry")).isEqualTo("audit_entry");
    assertThat(snake("\"ProductionSet\"")).isEqualTo("\"ProductionSet\"");
    assertThat(NamingStrategy.JPA.apply(DbName.parse("ProductionSet")).toString()).isEqualTo("ProductionSet");
    assertThat(NamingStrategy.forOption("snake_case")).hasValue(NamingStrategy.SNAKE_CASE);
    assertThat(NamingStrategy.forOption(null)).hasValue(NamingStrategy.JPA);
    assertThat(NamingStrategy.forOption("camel")).isEmpty();
  }

  @Test
  void quotedNamesKeepTheirCase() {
    assertThat(DbName.parse("`Order`").key()).isEqualTo("Order");
    assertThat(DbName.parse("\"Order\"").quoted()).isTrue();
    assertThat(DbName.parse("Order").key()).isEqualTo("order");
  }

  @Test
  void readsReferencedTablesAndDefaults() {
    assertThat(SqlText.references("bigint REFERENCES users(id) ON DELETE CASCADE"))
        .containsExactly(new SqlText.Target(null, DbName.parse("users"), "id"));
    assertThat(SqlText.references("foreign key (a) references \"Audit\".\"Log\" (id)"))
        .containsExactly(new SqlText.Target(DbName.parse("\"Audit\""), DbName.parse("\"Log\""), "id"));
    assertThat(SqlText.references("varchar(20) not null")).isEmpty();
    assertThat(SqlText.defaultValue("varchar(5) DEFAULT 'it''s' NOT NULL")).isEqualTo("'it''s'");
    assertThat(SqlText.defaultValue("timestamp default now()")).isEqualTo("now()");
    assertThat(SqlText.reference("public.users.id")).isEqualTo(new SqlText.Target(DbName.parse("public"), DbName.parse("users"), "id"));
    assertThat(SqlText.reference("users")).isNull();
    assertThat(SqlText.reference("users.id)--")).isNull();
  }
}
