package io.schemagov.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import io.schemagov.processor.jpa.EntityModel;
import io.schemagov.processor.jpa.EntityReader;
import io.schemagov.processor.jpa.NamingStrategy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;

/**
 * Processors for tests: others sharing the path, as Lombok, jpamodelgen or MapStruct would, and
 * {@link Capturing}, which hands a test what its step computed from real javac elements.
 */
public final class TestProcessors {
  /** A test processor that sees every round, whatever the sources' annotations and version. */
  public abstract static class SeesEverything extends AbstractProcessor {
    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }
  }

  private TestProcessors() {}

  /** What a {@link Capturing} processor computes in the compilation's first round. */
  @FunctionalInterface
  public interface Step<T> {
    T apply(ProcessingEnvironment env, RoundEnvironment round);
  }

  /**
   * Runs {@code step} once, in the first round (where the sources' elements are the root elements),
   * and keeps its result; {@link #capture} compiles and returns it. A fault in the step fails the
   * compilation's assertion with the step's exception as cause.
   */
  public static final class Capturing<T> extends SeesEverything {
    private final Step<T> step;
    private T result;
    private boolean done;

    public Capturing(Step<T> step) {
      this.step = step;
    }

    /** Compiles {@code sources} with a processor running {@code step}; asserts success; returns the result. */
    public static <T> T capture(Step<T> step, JavaFileObject... sources) {
      Capturing<T> capturing = new Capturing<>(step);
      Compilation compilation = javac().withProcessors(capturing).compile(sources);
      assertWithMessage("compilation with the capturing processor: %s", compilation.diagnostics())
          .that(compilation.status()).isEqualTo(Compilation.Status.SUCCESS);
      return capturing.result();
    }

    public T result() {
      assertWithMessage("the capturing step never ran").that(done).isTrue();
      return result;
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!done && !round.processingOver()) {
        done = true;
        result = step.apply(processingEnv, round);
      }
      return false;
    }
  }

  /** The round's entity classes, nested ones included, in source order. */
  public static List<TypeElement> entityTypes(RoundEnvironment round) {
    List<TypeElement> out = new ArrayList<>();
    round.getRootElements().forEach(e -> collectEntities(e, out));
    return out;
  }

  private static void collectEntities(Element e, List<TypeElement> out) {
    if (e instanceof TypeElement t) {
      if (EntityReader.isEntity(t)) {
        out.add(t);
      }
      t.getEnclosedElements().forEach(inner -> collectEntities(inner, out));
    }
  }

  /** A step reading the round's entities ({@link #entityTypes}) with {@code naming}. */
  public static List<EntityModel> readEntities(ProcessingEnvironment env, RoundEnvironment round, NamingStrategy naming) {
    EntityReader reader = new EntityReader(env.getTypeUtils(), naming);
    return entityTypes(round).stream().map(reader::read).toList();
  }

  /** Generates one source in its first round, causing a second round. */
  static final class Generating extends SeesEverything {
    private final String name;
    private final String source;
    private boolean done;

    Generating(String name, String source) {
      this.name = name;
      this.source = source;
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!done) {
        done = true;
        try (Writer w = processingEnv.getFiler().createSourceFile(name).openWriter()) {
          w.write(source);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return false;
    }
  }

  /** Records the annotations it is offered. */
  static final class Recording extends AbstractProcessor {
    final Set<String> seen = new HashSet<>();

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("jakarta.persistence.Entity");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      annotations.forEach(a -> seen.add(a.getQualifiedName().toString()));
      return true;
    }
  }
}
