package io.schemagov.schema;

/**
 * A table's (or sequence's) name and the database schema it lives in; {@code schema} is null for the
 * connection's default schema.
 */
public record TableName(String schema, String name) implements Comparable<TableName> {
  public TableName {
    if (schema != null) {
      Identifiers.require(schema, "schema");
    }
    Identifiers.require(name, "table");
  }

  public static TableName of(String name) {
    return new TableName(null, name);
  }

  /** Parses {@code table} or {@code schema.table}. */
  public static TableName parse(String text) {
    int dot = text.lastIndexOf('.');
    if (dot > 0 && !Identifiers.isQuoted(text)) {
      return new TableName(text.substring(0, dot), text.substring(dot + 1));
    }
    return new TableName(null, text);
  }

  public TableName withName(String newName) {
    return new TableName(schema, newName);
  }

  /** Equal keys denote the same table, compared as the database compares names. */
  public String key() {
    return schema == null ? Identifiers.key(name) : Identifiers.key(schema) + "." + Identifiers.key(name);
  }

  public boolean same(TableName other) {
    return key().equals(other.key());
  }

  @Override
  public int compareTo(TableName other) {
    return key().compareTo(other.key());
  }

  @Override
  public String toString() {
    return schema == null ? name : schema + "." + name;
  }
}
