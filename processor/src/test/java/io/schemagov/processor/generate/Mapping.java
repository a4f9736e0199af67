package io.schemagov.processor.generate;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.JavaFileObjects;
import io.schemagov.processor.jpa.EntityModel;
import io.schemagov.processor.jpa.EntityReader;
import io.schemagov.processor.jpa.NamingStrategy;
import io.schemagov.processor.jpa.PersistenceUnit;
import io.schemagov.schema.Column;
import io.schemagov.schema.Table;
import io.schemagov.schema.TableName;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;

/** Compiles sources with a processor that reads every entity and maps them; returns the mapping. */
final class Mapping {
  private Mapping() {}

  private static final class Capturing extends AbstractProcessor {
    private final NamingStrategy naming;
    EntitySchema result;

    Capturing(NamingStrategy naming) {
      this.naming = naming;
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
      if (round.processingOver()) {
        return false;
      }
      EntityReader reader = new EntityReader(processingEnv.getTypeUtils(), naming);
      List<EntityModel> entities = new ArrayList<>();
      for (Element e : round.getRootElements()) {
        collect(e, reader, entities);
      }
      result = SchemaMapper.map(new PersistenceUnit(entities), naming);
      return false;
    }

    private static void collect(Element e, EntityReader reader, List<EntityModel> out) {
      if (e instanceof TypeElement t) {
        if (EntityReader.isEntity(t)) {
          out.add(reader.read(t));
        }
        t.getEnclosedElements().forEach(inner -> collect(inner, reader, out));
      }
    }
  }

  static EntitySchema of(String... lines) {
    return of(NamingStrategy.JPA, JavaFileObjects.forSourceLines("m.Model", lines));
  }

  static EntitySchema of(NamingStrategy naming, JavaFileObject... files) {
    Capturing capturing = new Capturing(naming);
    assertThat(javac().withProcessors(capturing).compile(files)).succeeded();
    return capturing.result;
  }

  static Table table(EntitySchema s, String name) {
    return s.schema().table(TableName.parse(name))
        .orElseThrow(() -> new AssertionError("no table " + name + " in " + s.schema().tables().keySet()));
  }

  static Column column(EntitySchema s, String table, String column) {
    return table(s, table).column(column)
        .orElseThrow(() -> new AssertionError("no column " + column + " in " + table(s, table).columns()));
  }

  /** {@code "type"} or {@code "type not null"} (plus {@code " identity"}). */
  static String definition(EntitySchema s, String table, String column) {
    Column c = column(s, table, column);
    return c.type() + (c.nullable() ? "" : " not null") + (c.identity() ? " identity" : "");
  }

  static void assertNoProblems(EntitySchema s) {
    assertThat(s.problems()).isEmpty();
  }
}
