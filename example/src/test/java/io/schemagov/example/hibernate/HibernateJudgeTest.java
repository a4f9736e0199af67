package io.schemagov.example.hibernate;

import static com.google.common.truth.Truth.assertThat;

import io.schemagov.dialect.TestDatabase;
import io.schemagov.dialect.TestDatabase.Engine;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.hibernate.tool.schema.spi.SchemaManagementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 7: Hibernate 7 judges the database schemagov builds (baseline, then {@code upgrade head}),
 * with its validator and, since the validator lets quoted names, integer-vs-bigint and nullability
 * through, by comparing the catalog with the one Hibernate creates itself.
 */
class HibernateJudgeTest {
  @Test
  void postgresqlValidatesTheDatabaseSchemagovBuilds() throws Exception {
    try (TestDatabase database = TestDatabase.postgres()) {
      SchemagovDatabase.build(database);

      HibernateSchemaTool.validate(database);
    }
  }

  /**
   * Hibernate's SQLite dialect does not validate the schema it creates itself: it rejects its own
   * {@code Long} IDENTITY ids, and nothing else.
   */
  @Test
  void sqliteRejectsOnlyLongIdentityIdsInHibernatesOwnSchema(@TempDir Path dir) throws Exception {
    try (TestDatabase database = TestDatabase.sqlite(dir)) {
      HibernateSchemaTool.create(database);

      assertThat(rejections(database)).containsExactly(ValidatorRejection.LONG_IDENTITY);
    }
  }

  /**
   * The same on the database schemagov builds: Hibernate's own rejection of its {@code Long} IDENTITY
   * ids (schemagov declares them {@code integer} too, the rowid alias), and nothing else. The
   * date-time and UUID columns pass because the runtime's SQLite dialect declares them as Hibernate's
   * does ({@code timestamp(p)}, {@code blob}).
   */
  @Test
  void sqliteRejectsOnlyLongIdentityIdsInTheDatabaseSchemagovBuilds(@TempDir Path dir) throws Exception {
    try (TestDatabase database = TestDatabase.sqlite(dir)) {
      SchemagovDatabase.build(database);

      assertThat(rejections(database)).containsExactly(ValidatorRejection.LONG_IDENTITY);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void catalogsDifferFromHibernatesOwnOnlyAsDocumented(Engine engine, @TempDir Path dir) throws Exception {
    try (TestDatabase hibernate = engine.create(dir); TestDatabase schemagov = engine.create(dir)) {
      HibernateSchemaTool.create(hibernate);
      SchemagovDatabase.build(schemagov);

      DeliberateDifference.assertOnly(engine,
          CatalogDiff.between(SchemagovDatabase.catalog(hibernate), SchemagovDatabase.catalog(schemagov)));
    }
  }

  /**
   * Validates with Hibernate's SQLite dialect, tolerating each known rejection once met, until the
   * validator passes: what it rejects, and proof that it accepts everything else. An unknown
   * rejection fails the test.
   */
  private static Set<ValidatorRejection> rejections(TestDatabase database) {
    Set<ValidatorRejection> met = EnumSet.noneOf(ValidatorRejection.class);
    while (true) {
      try {
        HibernateSchemaTool.validate(database, new TolerantSqliteDialect(met));
        return met;
      } catch (SchemaManagementException e) {
        ValidatorRejection rejection = ValidatorRejection.of(e);
        assertThat(met).doesNotContain(rejection);
        met.add(rejection);
      }
    }
  }
}
