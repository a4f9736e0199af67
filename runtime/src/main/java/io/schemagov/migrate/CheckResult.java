package io.schemagov.migrate;

import io.schemagov.revision.SchemaDiff;
import java.util.List;

/** The live database compared with the chain's schema at the database's current revision. */
public record CheckResult(String revision, List<SchemaDiff.Difference> differences) {
  public CheckResult {
    differences = List.copyOf(differences);
  }

  public boolean matches() {
    return differences.isEmpty();
  }
}
