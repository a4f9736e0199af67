package io.schemagov.realcode;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import io.schemagov.processor.SchemagovProcessor;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;

/**
 * Compiles the persistence classes of one real project, unpacked by the build from its sources jar,
 * with schemagov on. Everything else those classes name resolves from the project's own binary jar
 * and its dependencies on the test classpath, so only the persistence sources are compiled.
 */
final class RealCode {
  private static final Pattern PERSISTENCE_TYPE =
      Pattern.compile("^\\s*@(Entity|MappedSuperclass|Embeddable)\\b", Pattern.MULTILINE);

  private RealCode() {}

  /** The unpacked sources of one project, as laid out by the pom's {@code unpack} execution. */
  static Path sources(String project) {
    String root = System.getProperty("realcode.sources");
    assertWithMessage("realcode.sources is set by surefire").that(root).isNotNull();
    Path dir = Path.of(root, project);
    assertWithMessage("unpacked sources of " + project).that(Files.isDirectory(dir)).isTrue();
    return dir;
  }

  /** The files of {@code root} that declare an entity, a mapped superclass or an embeddable. */
  static List<File> persistenceSources(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".java"))
          .filter(RealCode::declaresPersistenceType)
          .sorted()
          .map(Path::toFile)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean declaresPersistenceType(Path file) {
    try {
      return PERSISTENCE_TYPE.matcher(Files.readString(file, StandardCharsets.UTF_8)).find();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The test classpath without the jars whose path contains one of {@code foreign}: the projects
   * are a decade apart (Hibernate 4 and 7 share {@code org.hibernate.annotations}; JPA 2.0 and 2.2
   * share {@code javax.persistence}), and each must see the stack it was written against.
   */
  static List<File> classpath(Set<String> foreign) {
    return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> foreign.stream().noneMatch(entry::contains))
        .map(File::new)
        .toList();
  }

  static Compilation compile(List<File> sources, List<File> classpath) {
    Iterable<? extends JavaFileObject> units = ToolProvider.getSystemJavaCompiler()
        .getStandardFileManager(null, null, StandardCharsets.UTF_8)
        .getJavaFileObjectsFromFiles(sources);
    return Compiler.javac()
        .withProcessors(new SchemagovProcessor())
        .withClasspath(classpath)
        // No -nowarn or -Xlint:none: they silence processors' notes too, the summary among them.
        .withOptions("-encoding", "UTF-8")
        .compile(units);
  }

  /** The schemagov diagnostics of {@code kind}, each as {@code file:line: message}. */
  static List<String> schemagov(Compilation compilation, Diagnostic.Kind kind) {
    return compilation.diagnostics().stream()
        .filter(d -> d.getKind() == kind)
        .filter(d -> d.getMessage(null).contains("schemagov"))
        .map(RealCode::describe)
        .collect(Collectors.toList());
  }

  static String describe(Diagnostic<? extends JavaFileObject> d) {
    String file = d.getSource() == null ? "" : Path.of(d.getSource().getName()).getFileName() + ":" + d.getLineNumber() + ": ";
    return file + d.getMessage(null);
  }

  /**
   * Compiled by javac itself, exactly the expected schemagov errors and warnings (verified true
   * findings, each as {@code File.java:line: [schemagov:key] what}, the message up to its remedy),
   * and the summary note.
   */
  static void assertChecked(Compilation compilation, int entities, int tables, List<String> errors, List<String> warnings) {
    List<String> javacErrors = compilation.errors().stream()
        .filter(d -> !d.getMessage(null).contains("[schemagov:"))
        .map(RealCode::describe)
        .toList();
    assertWithMessage("javac's own errors").that(javacErrors).isEmpty();
    assertWithMessage("schemagov errors").that(findings(compilation, Diagnostic.Kind.ERROR)).containsExactlyElementsIn(errors);
    assertWithMessage("schemagov warnings")
        .that(Stream.concat(
                findings(compilation, Diagnostic.Kind.WARNING).stream(),
                findings(compilation, Diagnostic.Kind.MANDATORY_WARNING).stream())
            .toList())
        .containsExactlyElementsIn(warnings);
    assertWithMessage("schemagov notes").that(findings(compilation, Diagnostic.Kind.NOTE))
        .contains("schemagov: checked " + entities + " entities, " + tables + " tables");
  }

  private static List<String> findings(Compilation compilation, Diagnostic.Kind kind) {
    return schemagov(compilation, kind).stream().map(f -> f.replaceFirst("; .*", "")).toList();
  }
}
