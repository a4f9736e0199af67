package io.schemagov.processor.generate;

import static com.google.common.truth.Truth.assertThat;

import com.google.testing.compile.JavaFileObjects;
import io.schemagov.processor.jpa.NamingStrategy;
import io.schemagov.revision.Chain;
import io.schemagov.revision.SchemaDiff;
import io.schemagov.schema.Schema;
import java.io.IOException;
import java.net.MalformedURLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The example's entities against its committed revision chain: the migration-managed tables agree. */
class ExampleSchemaTest {
  private static final Path EXAMPLE = Path.of("../example/src/main");

  @Test
  void migrationManagedTablesEqualTheReplayedChain() throws IOException {
    EntitySchema entities = Mapping.of(NamingStrategy.JPA, sources().toArray(JavaFileObject[]::new));
    assertThat(entities.problems()).isEmpty();

    Schema chain = Chain.load(EXAMPLE.resolve("resources/db/schemagov")).replay();
    assertThat(SchemaDiff.between(chain, entities.migrationManaged())).isEmpty();
    assertThat(entities.migrationManagedKeys()).containsExactlyElementsIn(chain.tables().keySet());
    assertThat(entities.schema().tables().keySet()).containsAtLeast("users", "evidence_item");
  }

  private static List<JavaFileObject> sources() throws IOException {
    List<JavaFileObject> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(EXAMPLE.resolve("java"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        out.add(JavaFileObjects.forResource(toUrl(p)));
      }
    }
    return out;
  }

  private static java.net.URL toUrl(Path p) throws MalformedURLException {
    return p.toUri().toURL();
  }
}
