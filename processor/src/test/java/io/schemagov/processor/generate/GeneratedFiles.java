package io.schemagov.processor.generate;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import io.schemagov.dialect.Dialect;
import io.schemagov.dialect.Dialects;
import io.schemagov.revision.SchemaDiff;
import io.schemagov.schema.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/** Reads what a compile-testing compilation generated: resources as text, classes loaded. */
final class GeneratedFiles {
  private GeneratedFiles() {}

  static String resource(Compilation compilation, String path) {
    Optional<JavaFileObject> file = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, path);
    assertThat(file.isPresent()).isTrue();
    try {
      return file.get().getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A loader over the compilation's class output (classes and resources), so generated classes can be run. */
  static ClassLoader loader(Compilation compilation) {
    return new ClassLoader(GeneratedFiles.class.getClassLoader()) {
      @Override
      public InputStream getResourceAsStream(String name) {
        Optional<JavaFileObject> file = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, name);
        try {
          return file.isPresent() ? file.get().openInputStream() : super.getResourceAsStream(name);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        Optional<JavaFileObject> file = compilation.generatedFile(StandardLocation.CLASS_OUTPUT,
            name.replace('.', '/') + ".class");
        if (file.isEmpty()) {
          throw new ClassNotFoundException(name);
        }
        try (InputStream in = file.get().openInputStream()) {
          byte[] bytes = in.readAllBytes();
          return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
          throw new ClassNotFoundException(name, e);
        }
      }
    };
  }

  /**
   * Runs a generated script on a new SQLite file and asserts the database is then exactly {@code
   * expected} as SQLite stores it: no table, column, key, index or sequence table missing or extra.
   */
  static void assertAppliesToSqlite(Path database, String script, Schema expected) throws SQLException {
    applyToSqlite(database, script);
    Dialect sqlite = Dialects.named("sqlite");
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database)) {
      assertThat(SchemaDiff.between(sqlite.stored(expected), sqlite.introspect(connection))).isEmpty();
    }
  }

  /** {@code a} occurs in {@code text}, and before {@code b}, which occurs too. */
  static void assertBefore(String text, String a, String b) {
    assertWithMessage("missing: %s", a).that(text).contains(a);
    assertWithMessage("missing: %s", b).that(text).contains(b);
    assertWithMessage("%s before %s", a, b).that(text.indexOf(a)).isLessThan(text.indexOf(b));
  }

  /** Runs a generated script on a new SQLite file, statement by statement as the dialect splits it. */
  static void applyToSqlite(Path database, String script) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
        Statement statement = connection.createStatement()) {
      for (String sql : Dialects.named("sqlite").statements(script)) {
        statement.execute(sql);
      }
    }
  }
}
