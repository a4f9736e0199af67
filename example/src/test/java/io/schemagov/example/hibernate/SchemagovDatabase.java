package io.schemagov.example.hibernate;

import io.schemagov.dialect.TestDatabase;
import io.schemagov.example.SchemagovModel;
import io.schemagov.migrate.Migrator;
import io.schemagov.revision.EntitySchemaFile;
import io.schemagov.schema.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The example's database as schemagov alone builds it, and catalogs read back with schemagov's dialects. */
final class SchemagovDatabase {
  /** The entities' schema the processor exported when it compiled the example. */
  static final EntitySchemaFile ENTITIES = EntitySchemaFile.fromModel(SchemagovModel.class);

  private SchemagovDatabase() {}

  /** The policy's deployment: the baseline (the ORM-managed tables), then {@code upgrade head}. */
  static void build(TestDatabase database) throws SQLException {
    Migrator migrator = Migrator.builder().url(database.url())
        .revisionsOnClasspath(SchemagovDatabase.class.getClassLoader(), SchemagovModel.REVISIONS_DIRECTORY).build();
    baseline(database);
    migrator.upgrade("head");
  }

  /**
   * Stands in for {@code Migrator.baseline()} until it lands: runs the processor's generated
   * {@code create_orm} script, the same ORM-managed tables in foreign-key order.
   */
  private static void baseline(TestDatabase database) throws SQLException {
    String resource = "META-INF/schemagov/create_orm." + database.dialect().name() + ".sql";
    try (InputStream in = SchemagovDatabase.class.getClassLoader().getResourceAsStream(resource);
        Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      for (String sql : database.dialect().statements(new String(in.readAllBytes(), StandardCharsets.UTF_8))) {
        statement.execute(sql);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The live catalog as schemagov's dialect reads it (also the schemas the entities name). */
  static Schema catalog(TestDatabase database) throws SQLException {
    try (Connection connection = database.connect()) {
      return database.dialect().introspect(connection, ENTITIES.schema());
    }
  }
}
