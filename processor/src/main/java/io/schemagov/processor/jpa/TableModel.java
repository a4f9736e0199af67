package io.schemagov.processor.jpa;

import java.util.List;

/**
 * One table mapped by the compilation (or read from a dependency's table index, then {@code
 * external} and without a source). Names are physical: the naming strategy is already applied.
 *
 * @param owner the fully qualified class that maps the table (for a SINGLE_TABLE hierarchy, the
 *     root)
 * @param renamedFrom old names from {@code @RenamedFrom} on the owning entity (entity tables only)
 * @param definition constraints, indexes and keys its annotation declares ({@link
 *     TableDefinition#NONE} for a table read from an index)
 */
public record TableModel(
    DbName name,
    DbName schema,
    DbName catalog,
    TableKind kind,
    String owner,
    boolean migrationManaged,
    boolean shared,
    List<DbName> renamedFrom,
    boolean external,
    Source source,
    TableDefinition definition) {

  public TableModel {
    renamedFrom = List.copyOf(renamedFrom);
    definition = definition == null ? TableDefinition.NONE : definition;
  }

  /** A table without a definition (one read from a dependency's table index). */
  public TableModel(
      DbName name, DbName schema, DbName catalog, TableKind kind, String owner, boolean migrationManaged,
      boolean shared, List<DbName> renamedFrom, boolean external, Source source) {
    this(name, schema, catalog, kind, owner, migrationManaged, shared, renamedFrom, external, source, TableDefinition.NONE);
  }

  /** The identity the database sees: catalog, schema and name keys. */
  public String qualifiedKey() {
    return keyOf(catalog) + '\u0000' + keyOf(schema) + '\u0000' + name.key();
  }

  /** The name as written in SQL, qualified by schema and catalog when they are set. */
  public String displayName() {
    StringBuilder b = new StringBuilder();
    if (catalog != null) {
      b.append(catalog).append('.');
    }
    if (schema != null) {
      b.append(schema).append('.');
    }
    return b.append(name).toString();
  }

  private static String keyOf(DbName n) {
    return n == null ? "" : n.key();
  }
}
