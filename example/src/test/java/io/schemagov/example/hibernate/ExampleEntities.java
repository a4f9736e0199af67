package io.schemagov.example.hibernate;

import io.schemagov.example.SchemagovModel;
import jakarta.persistence.Entity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The example's entity classes, found in its class output rather than listed, so an entity added
 * to the example is judged by Hibernate without touching these tests.
 */
final class ExampleEntities {
  private static final List<Class<?>> ALL = find();

  private ExampleEntities() {}

  static List<Class<?>> all() {
    return ALL;
  }

  private static List<Class<?>> find() {
    try {
      Path classes = Path.of(SchemagovModel.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      try (Stream<Path> files = Files.walk(classes.resolve("io/schemagov/example"))) {
        return files.filter(file -> file.toString().endsWith(".class"))
            .<Class<?>>map(file -> load(classes.relativize(file)))
            .filter(type -> type.isAnnotationPresent(Entity.class))
            .sorted(Comparator.comparing(Class::getName))
            .toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Class<?> load(Path classFile) {
    String name = classFile.toString().replace(classFile.getFileSystem().getSeparator(), ".")
        .replaceFirst("\\.class$", "");
    try {
      return Class.forName(name, false, ExampleEntities.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
