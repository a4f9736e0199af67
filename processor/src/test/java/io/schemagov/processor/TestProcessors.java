package io.schemagov.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HashSet;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/** Other processors sharing the path, as Lombok, jpamodelgen or MapStruct would. */
final class TestProcessors {
  private TestProcessors() {}

  /** Generates one source in its first round, causing a second round. */
  static final class Generating extends AbstractProcessor {
    private final String name;
    private final String source;
    private boolean done;

    Generating(String name, String source) {
      this.name = name;
      this.source = source;
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
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
