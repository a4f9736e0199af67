package io.schemagov.example.hibernate;

import static com.google.common.truth.Truth.assertThat;

import io.schemagov.dialect.TestDatabase;
import io.schemagov.dialect.TestDatabase.Engine;
import io.schemagov.schema.Schema;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 5's oracle: Hibernate 7's own schema export on the example's entities, read back from the
 * database, against schemagov's mapping of the same entities as that database stores it. Every
 * difference is a documented, deliberate one ({@link DeliberateDifference}).
 */
class HibernateOracleTest {
  @ParameterizedTest
  @EnumSource(Engine.class)
  void hibernatesOwnSchemaDiffersFromOurMappingOnlyAsDocumented(Engine engine, @TempDir Path dir) throws Exception {
    try (TestDatabase database = engine.create(dir)) {
      HibernateSchemaTool.create(database);
      Schema hibernate = SchemagovDatabase.catalog(database);
      Schema ours = database.dialect().stored(SchemagovDatabase.ENTITIES.schema());

      assertThat(hibernate.tables()).hasSize(ExampleEntities.all().size());
      DeliberateDifference.assertOnly(engine, CatalogDiff.between(hibernate, ours));
    }
  }
}
