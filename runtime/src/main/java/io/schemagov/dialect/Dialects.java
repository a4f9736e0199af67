package io.schemagov.dialect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The known dialects, found by name, by JDBC URL or by the product name a connection reports. */
public final class Dialects {
  private record Entry(Supplier<Dialect> factory, String urlPrefix, String productName) {}

  private static final Map<String, Entry> KNOWN = new LinkedHashMap<>();

  static {
    KNOWN.put("sqlite", new Entry(SqliteDialect::new, "jdbc:sqlite:", "sqlite"));
    KNOWN.put("postgresql", new Entry(PostgresDialect::new, "jdbc:postgresql:", "postgresql"));
  }

  private Dialects() {}

  /** The dialect called {@code name} ({@code sqlite}); throws naming the known ones otherwise. */
  public static Dialect named(String name) {
    Entry entry = KNOWN.get(name.toLowerCase(Locale.ROOT));
    if (entry == null) {
      throw new IllegalArgumentException("unknown dialect '" + name + "'; known: "
          + String.join(", ", KNOWN.keySet()));
    }
    return entry.factory.get();
  }

  /** The dialect for a JDBC URL such as {@code jdbc:sqlite:app.db}. */
  public static Optional<Dialect> forUrl(String url) {
    return KNOWN.values().stream().filter(e -> url.startsWith(e.urlPrefix))
        .findFirst().map(e -> e.factory.get());
  }

  /** The dialect for a database product name as {@code DatabaseMetaData} reports it. */
  public static Optional<Dialect> forProduct(String productName) {
    String product = productName.toLowerCase(Locale.ROOT);
    return KNOWN.values().stream().filter(e -> product.contains(e.productName))
        .findFirst().map(e -> e.factory.get());
  }

  /** The known dialects' names, in registration order: the processor writes DDL for each. */
  public static List<String> known() {
    return List.copyOf(KNOWN.keySet());
  }

  /** The names of the known dialects, for messages and help. */
  public static String names() {
    return String.join(", ", KNOWN.keySet());
  }
}
