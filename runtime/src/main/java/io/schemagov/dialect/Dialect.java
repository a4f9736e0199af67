package io.schemagov.dialect;

import io.schemagov.revision.Step;
import io.schemagov.schema.ColumnType;
import io.schemagov.schema.Identifiers;
import io.schemagov.schema.Schema;
import io.schemagov.schema.TableName;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the migrator needs to know about one database: how names, types and ops are written in
 * its SQL, how a migration run takes its lock and frames its transactions, and how a live database
 * reads back as a {@link Schema}. The migrator and the CLI never ask which database they talk to.
 */
public interface Dialect {

  /** The name used on the command line ({@code --dialect sqlite}). */
  String name();

  /** The words this database reserves: a plain name that is one of them must be quoted. */
  Set<String> keywords();

  /**
   * An identifier as this database must see it: a plain name unquoted, so the database folds it as it
   * folds the ORM's unquoted queries; a quoted name, or a plain one that is a keyword here, quoted.
   */
  default String identifier(String name) {
    Identifiers.require(name, "identifier");
    if (Identifiers.isQuoted(name) || keywords().contains(name.toUpperCase(Locale.ROOT))) {
      return "\"" + Identifiers.unquoted(name) + "\"";
    }
    return name;
  }

  /**
   * Whether a foreign key's target table must exist when the key is created (PostgreSQL, MySQL),
   * rather than being stored as text and checked only when rows are written (SQLite): on such a
   * database the migration-managed tables' foreign keys into ORM-managed tables need a baseline first.
   */
  boolean enforcesForeignKeysAtDdl();

  /** A table or sequence name, qualified by its schema when it has one. */
  default String table(TableName name) {
    return name.schema() == null ? identifier(name.name())
        : identifier(name.schema()) + "." + identifier(name.name());
  }

  /** The SQL type this database declares for a logical column type. */
  String type(ColumnType type);

  /** A string literal. */
  default String literal(String text) {
    if (text.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("text for a SQL literal contains a NUL character");
    }
    return "'" + text.replace("'", "''") + "'";
  }

  /** The statements that perform {@code step} (the op and the schema it applies to), in order. */
  List<String> render(Step step);

  /** Splits a raw SQL script (a {@code sql} op) into its statements. */
  List<String> statements(String script);

  /** The statement that opens a revision's transaction and, where it can, takes the migration lock. */
  String beginTransaction();

  /** Statements an offline script runs before a revision's commit (integrity checks). */
  List<String> beforeCommit(List<Step> steps);

  /** Statements an offline script runs first, outside any transaction. */
  List<String> scriptPrologue();

  /**
   * {@code model} as this database stores it: what {@link #introspect} returns after the model has
   * been applied (for instance names compared the way this database compares them).
   */
  Schema stored(Schema model);

  /** Reads the live database's tables, columns, keys, indexes and sequences. */
  Schema introspect(Connection connection) throws SQLException;

  /**
   * As {@link #introspect(Connection)}, also reading the database schemas {@code model} names
   * ({@code @Table(schema = "audit")}): a server database holds schemas of other applications, so
   * only the connection's default schema and those the model names belong to the comparison. A
   * database without schemas (SQLite) reads the same either way.
   */
  default Schema introspect(Connection connection, Schema model) throws SQLException {
    return introspect(connection);
  }

  /**
   * One line that says which connection failure {@code e} is and how to fix it (wrong password,
   * unreachable server, missing database), when this database's driver tells; empty otherwise.
   */
  default Optional<String> connectionProblem(SQLException e) {
    return Optional.empty();
  }

  /**
   * Prepares {@code connection} for a migration run; closing the session restores the connection.
   * {@code lockTimeout} bounds how long {@link Session#begin} waits for another migrator.
   */
  Session open(Connection connection, Duration lockTimeout) throws SQLException;

  /** A migration run on one connection: one transaction per revision, each holding the lock. */
  interface Session extends AutoCloseable {
    /**
     * Opens a transaction that holds the migration lock, so that what the caller reads next cannot
     * change until it commits; throws {@link LockTimeoutException} after the lock timeout.
     */
    void begin() throws SQLException;

    /**
     * Whether another connection may have written to the database since this session's previous
     * call, or this is the first: asked once in every transaction, right after {@link #begin}, so
     * that the answer holds until the commit. False lets the caller trust what it read in an earlier
     * transaction plus what it wrote since, instead of reading it again. True is always safe.
     */
    default boolean othersMayHaveWritten() throws SQLException {
      return true;
    }

    /** Executes one step, keeping what the database would otherwise lose on the way. */
    void apply(Step step) throws SQLException;

    /** Checks what must hold after {@code steps} and commits. */
    void commit(List<Step> steps) throws SQLException;

    /** Rolls back the open transaction, if any. */
    void rollback() throws SQLException;

    /** Restores the connection's settings. */
    @Override
    void close() throws SQLException;
  }
}
