package io.schemagov.processor.generate;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.JavaFileObjects;
import io.schemagov.processor.TestProcessors;
import io.schemagov.processor.TestProcessors.Capturing;
import io.schemagov.processor.jpa.NamingStrategy;
import io.schemagov.processor.jpa.PersistenceUnit;
import io.schemagov.schema.Column;
import io.schemagov.schema.Table;
import io.schemagov.schema.TableName;
import javax.tools.JavaFileObject;

/** Compiles sources with a processor that reads every entity and maps them; returns the mapping. */
final class Mapping {
  private Mapping() {}

  static EntitySchema of(String... lines) {
    return of(NamingStrategy.JPA, JavaFileObjects.forSourceLines("m.Model", lines));
  }

  static EntitySchema of(NamingStrategy naming, JavaFileObject... files) {
    return Capturing.capture((env, round) ->
        SchemaMapper.map(new PersistenceUnit(TestProcessors.readEntities(env, round, naming)), naming), files);
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
