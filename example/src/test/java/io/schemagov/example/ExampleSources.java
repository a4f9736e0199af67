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
 * The example's own sources, compiled with the checker as the build compiles them, optionally with
 * one file edited to reintroduce a mistake of the policy.
 */
final class ExampleSources {
  private static final Path ROOT = Path.of("src/main/java");

  private final Map<String, String> sources;

  private ExampleSources(Map<String, String> sources) {
    this.sources = sources;
  }

  static ExampleSources load() {
    Map<String, String> sources = new LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(ROOT)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        sources.put(ROOT.relativize(file).toString().replace('\\', '/'), Files.readString(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ExampleSources(sources);
  }

  /** Replaces {@code from} by {@code to} in one file; fails when the text is not there. */
  ExampleSources edit(String file, String from, String to) {
    String text = sources.get(file);
    assertWithMessage("source file %s", file).that(text).isNotNull();
    assertWithMessage("text to edit in %s", file).that(text).contains(from);
    Map<String, String> next = new LinkedHashMap<>(sources);
    next.put(file, text.replace(from, to));
    return new ExampleSources(next);
  }

  /** Compiles with the checker and {@code -Werror}, as the example's build does. */
  Compilation compile() {
    List<JavaFileObject> files = sources.entrySet().stream()
        .map(e -> JavaFileObjects.forSourceString(
            e.getKey().replace('/', '.').replaceAll("\\.java$", ""), e.getValue()))
        .toList();
    return Compiler.javac()
        .withProcessors(new SchemagovProcessor())
        .withOptions("-Werror")
        .compile(files);
  }
}
