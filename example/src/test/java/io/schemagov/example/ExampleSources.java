package io.schemagov.example;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.schemagov.processor.SchemagovProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;

/**
 * The example's own sources and revision chain, compiled with the checker as the build compiles
 * them, optionally with one file edited or added to reintroduce a mistake of the policy. The chain is
 * compiled from a copy, so a proposal the processor writes never lands in the example's directory.
 */
final class ExampleSources {
  private static final Path ROOT = Path.of("src/main/java");
  private static final Path REVISIONS = Path.of("src/main/resources/db/schemagov");

  private final Map<String, String> sources;
  private final Map<String, String> revisions;

  private ExampleSources(Map<String, String> sources, Map<String, String> revisions) {
    this.sources = sources;
    this.revisions = revisions;
  }

  static ExampleSources load() {
    return new ExampleSources(read(ROOT, ".java"), read(REVISIONS, ""));
  }

  private static Map<String, String> read(Path root, String suffix) {
    Map<String, String> files = new LinkedHashMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(f -> Files.isRegularFile(f) && f.toString().endsWith(suffix)).sorted().toList()) {
        files.put(root.relativize(file).toString().replace('\\', '/'), Files.readString(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /** Adds a revision file to the copy of the chain. */
  ExampleSources withRevision(String fileName, String yaml) {
    Map<String, String> next = new LinkedHashMap<>(revisions);
    next.put(fileName, yaml);
    return new ExampleSources(sources, next);
  }

  /** Replaces {@code from} by {@code to} in one file; fails when the text is not there. */
  ExampleSources edit(String file, String from, String to) {
    String text = sources.get(file);
    assertWithMessage("source file %s", file).that(text).isNotNull();
    assertWithMessage("text to edit in %s", file).that(text).contains(from);
    Map<String, String> next = new LinkedHashMap<>(sources);
    next.put(file, text.replace(from, to));
    return new ExampleSources(next, revisions);
  }

  /** Compiles with the checker, the chain's copy and {@code -Werror}, as the example's build does. */
  Compilation compile() {
    List<JavaFileObject> files = sources.entrySet().stream()
        .map(e -> JavaFileObjects.forSourceString(
            e.getKey().replace('/', '.').replaceAll("\\.java$", ""), e.getValue()))
        .toList();
    try {
      Path chain = Files.createTempDirectory("schemagov-example-chain");
      for (Map.Entry<String, String> revision : revisions.entrySet()) {
        Files.writeString(chain.resolve(revision.getKey()), revision.getValue());
      }
      return Compiler.javac()
          .withProcessors(new SchemagovProcessor())
          .withOptions("-Werror", "-Aschemagov.naming=jpa", "-Aschemagov.revisions=" + chain)
          .compile(files);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
