package io.schemagov.example.hibernate;

import io.schemagov.dialect.SqliteDialect;
import io.schemagov.dialect.TestDatabase;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.cfg.SchemaToolingSettings;
import org.hibernate.community.dialect.SQLiteDialect;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.PostgreSQLDialect;

/**
 * Boots Hibernate 7 on the example's entities against a test database, for its schema tool alone:
 * {@code create} (Hibernate's own DDL, the oracle) or {@code validate} (Hibernate as the judge).
 */
final class HibernateSchemaTool {
  private HibernateSchemaTool() {}

  /** Hibernate's own schema, created by {@code hbm2ddl.auto=create} in the empty {@code database}. */
  static void create(TestDatabase database) {
    run(database, "create", dialectFor(database));
  }

  /** {@code hbm2ddl.auto=validate}; throws Hibernate's SchemaManagementException on the first mismatch. */
  static void validate(TestDatabase database) {
    validate(database, dialectFor(database));
  }

  static void validate(TestDatabase database, Dialect dialect) {
    run(database, "validate", dialect);
  }

  private static Dialect dialectFor(TestDatabase database) {
    return database.dialect() instanceof SqliteDialect ? new SQLiteDialect() : new PostgreSQLDialect();
  }

  private static void run(TestDatabase database, String action, Dialect dialect) {
    Configuration configuration = new Configuration();
    ExampleEntities.all().forEach(configuration::addAnnotatedClass);
    configuration.setProperty(JdbcSettings.JAKARTA_JDBC_URL, database.url());
    configuration.setProperty(JdbcSettings.POOL_SIZE, "1");
    configuration.getProperties().put(JdbcSettings.DIALECT, dialect);
    configuration.setProperty(SchemaToolingSettings.HBM2DDL_AUTO, action);
    // By default a failing create statement is only logged and the table silently missing (hibernate-ddl.md Q2).
    configuration.setProperty(SchemaToolingSettings.HBM2DDL_HALT_ON_ERROR, "true");
    try (SessionFactory ignored = configuration.buildSessionFactory()) {
      // The schema tool ran while the factory was built.
    }
  }
}
