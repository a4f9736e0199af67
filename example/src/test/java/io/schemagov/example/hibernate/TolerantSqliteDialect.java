package io.schemagov.example.hibernate;

import java.util.Set;
import org.hibernate.community.dialect.SQLiteDialect;

/**
 * Hibernate's SQLite dialect, but its validator lets the given known rejections through, so that one
 * validation run shows whether anything else would be rejected. A tolerated pair is accepted on any
 * column; the catalog comparison ({@link CatalogDiff}) still compares every column's type exactly.
 */
final class TolerantSqliteDialect extends SQLiteDialect {
  private final Set<ValidatorRejection> tolerated;

  TolerantSqliteDialect(Set<ValidatorRejection> tolerated) {
    this.tolerated = Set.copyOf(tolerated);
  }

  @Override
  public boolean equivalentTypes(int expected, int found) {
    return super.equivalentTypes(expected, found)
        || tolerated.stream().anyMatch(r -> r.expected.contains(expected) && r.found == found);
  }
}
