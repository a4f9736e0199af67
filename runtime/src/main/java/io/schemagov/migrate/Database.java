package io.schemagov.migrate;

import io.schemagov.dialect.Dialect;
import io.schemagov.dialect.Dialects;
import io.schemagov.migrate.MigrationException.Reason;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/** Where connections come from: a JDBC URL or a data source. */
final class Database {
  private final String url;
  private final DataSource dataSource;

  Database(String url, DataSource dataSource) {
    this.url = url;
    this.dataSource = dataSource;
  }

  Connection connect() {
    try {
      return dataSource != null ? dataSource.getConnection() : DriverManager.getConnection(url);
    } catch (SQLException e) {
      String problem = dialectFromUrl().flatMap(d -> d.connectionProblem(e)).orElseGet(() -> e.getMessage()
          + "; check the URL, that the database (or its directory) exists and is readable");
      throw new MigrationException(Reason.DATABASE, "cannot open the database " + describe() + ": " + problem, e);
    }
  }

  Optional<Dialect> dialectFromUrl() {
    return url == null ? Optional.empty() : Dialects.forUrl(url);
  }

  Dialect dialect(Connection connection) throws SQLException {
    Optional<Dialect> fromUrl = dialectFromUrl();
    if (fromUrl.isPresent()) {
      return fromUrl.get();
    }
    String product = connection.getMetaData().getDatabaseProductName();
    return Dialects.forProduct(product).orElseThrow(() -> new MigrationException(Reason.DATABASE,
        "no dialect for database " + product + "; known: " + Dialects.names()));
  }

  String describe() {
    // A PostgreSQL URL can carry a password; it never reaches a message.
    return url != null ? url.replaceAll("(?i)(password=)[^&;]*", "$1***") : "from the data source";
  }
}
