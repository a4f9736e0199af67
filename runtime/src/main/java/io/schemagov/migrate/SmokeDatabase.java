package io.schemagov.migrate;

import io.schemagov.dialect.Dialect;
import io.schemagov.revision.Chain;
import io.schemagov.schema.Schema;
import io.schemagov.schema.TableName;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The database one smoke check runs on: a migrator over it, and its live schema as the chain sees it,
 * without the history table and without the baseline (tables that were there before the smoke run
 * and that the chain does not create, such as ORM-managed tables a foreign key needs).
 */
final class SmokeDatabase {
  private final Database database;
  private final Migrator migrator;
  private final Set<TableName> baseline;
  private final Baselined baselined;

  /** {@code baselined}: the baseline the smoke run itself made, or null. */
  SmokeDatabase(String url, Chain chain, Set<TableName> baseline, Baselined baselined) {
    this.database = new Database(url, null);
    this.migrator = Migrator.builder().url(url).chain(chain).build();
    this.baseline = Set.copyOf(baseline);
    this.baselined = baselined;
  }

  /** The baseline this smoke run made before its checks, if it made one. */
  Optional<Baselined> baselined() {
    return Optional.ofNullable(baselined);
  }

  Migrator migrator() {
    return migrator;
  }

  /** The live tables and sequences, introspected, less the history table and the baseline. */
  Schema schema() {
    Schema live = withDialect((connection, dialect) ->
        dialect.introspect(connection, migrator.chain().replay()).withoutTable(History.TABLE));
    for (TableName name : baseline) {
      live = live.withoutTable(name).withoutSequence(name);
    }
    return live;
  }

  /** The keys of the baseline's tables and sequences, which the checks leave alone. */
  Set<String> baselineKeys() {
    return baseline.stream().map(TableName::key).collect(Collectors.toUnmodifiableSet());
  }

  /** {@code model} as this database stores it, to compare with {@link #schema()}. */
  Schema stored(Schema model) {
    return withDialect((connection, dialect) -> dialect.stored(model));
  }

  private interface Work<T> {
    T run(Connection connection, Dialect dialect) throws SQLException;
  }

  private <T> T withDialect(Work<T> work) {
    try (Connection connection = database.connect()) {
      return work.run(connection, database.dialect(connection));
    } catch (SQLException e) {
      throw new MigrationException(MigrationException.Reason.DATABASE, "cannot read the schema of "
          + database.describe() + ": " + e.getMessage(), e);
    }
  }
}
