package io.schemagov.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Deterministic constraint and index names, derived from the table and columns when a revision or
 * mapping gives none, so a downgrade can always drop exactly what an upgrade created.
 */
public final class Names {
  private Names() {}

  public static String primaryKey(TableName table) {
    return derive("pk", table, List.of());
  }

  public static String foreignKey(TableName table, List<String> columns) {
    return derive("fk", table, columns);
  }

  public static String index(TableName table, List<String> columns) {
    return derive("ix", table, columns);
  }

  public static String unique(TableName table, List<String> columns) {
    return derive("uq", table, columns);
  }

  /** Compiled once: a derived name is made for every key, index and unique of every table. */
  private static final Pattern NOT_WORD = Pattern.compile("[^A-Za-z0-9_]");

  /** {@code <prefix>_<table>_<col>_<col>}, cut to fit with a stable hash suffix when too long. */
  private static String derive(String prefix, TableName table, List<String> columns) {
    StringBuilder name = new StringBuilder(prefix).append('_').append(Identifiers.unquoted(table.name()));
    columns.forEach(c -> name.append('_').append(Identifiers.unquoted(c)));
    String plain = NOT_WORD.matcher(name).replaceAll("_").toLowerCase(Locale.ROOT);
    if (plain.length() <= Identifiers.MAX_LENGTH) {
      return plain;
    }
    String hash = sha256(plain).substring(0, 8);
    return plain.substring(0, Identifiers.MAX_LENGTH - 9) + "_" + hash;
  }

  static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** Validates a column list: non-empty, valid names, no name twice. */
  static List<String> requireColumns(List<String> columns, String what) {
    if (columns == null || columns.isEmpty()) {
      throw new InvalidSchemaException(what + " names no columns");
    }
    Set<String> seen = new HashSet<>();
    for (String column : columns) {
      Identifiers.require(column, what + " column");
      if (!seen.add(Identifiers.key(column))) {
        throw new InvalidSchemaException(what + " names column " + column + " twice");
      }
    }
    return List.copyOf(columns);
  }
}
