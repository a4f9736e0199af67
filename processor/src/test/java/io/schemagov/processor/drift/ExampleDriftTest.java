package io.schemagov.processor.drift;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.schemagov.processor.SchemagovProcessor;
import io.schemagov.processor.rules.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The example module's entities and its committed chain 0001-0004 agree: no drift, no file written. */
class ExampleDriftTest {
  private static final Path EXAMPLE = Path.of("../example/src/main");
  private static final Path REVISIONS = EXAMPLE.resolve("resources/db/schemagov");

  @Test
  void exampleCompilesWithoutDrift() throws IOException {
    Map<String, String> before = revisionFiles();
    Compilation c = javac().withProcessors(new SchemagovProcessor())
        .withOptions("-A" + SchemagovProcessor.OPTION_REVISIONS + "=" + REVISIONS)
        .compile(sources());
    assertThat(c).succeeded();
    List<String> messages = c.diagnostics().stream().map(d -> d.getMessage(null)).toList();
    for (String key : List.of(Messages.SCHEMA_DRIFT, Messages.INVALID_CHAIN, Messages.DATA_LOSS,
        Messages.UNKNOWN_RENAME, Messages.ORM_TABLE_IN_CHAIN, Messages.UNSUPPORTED_DRIFT)) {
      assertThat(messages.stream().filter(m -> m.contains(Messages.prefix(key))).toList()).isEmpty();
    }
    assertThat(c.diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList()).isEmpty();
    assertThat(revisionFiles()).isEqualTo(before);
  }

  private static Map<String, String> revisionFiles() throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> list = Files.list(REVISIONS)) {
      for (Path p : list.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        files.put(p.getFileName().toString(), Files.readString(p));
      }
    }
    return files;
  }

  private static List<JavaFileObject> sources() throws IOException {
    List<JavaFileObject> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(EXAMPLE.resolve("java"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        out.add(JavaFileObjects.forResource(p.toUri().toURL()));
      }
    }
    return out;
  }
}
