package io.schemagov.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;

/** Compiles tiny inline sources with the processor, as users' javac would. */
final class Compile {
  private Compile() {}

  static JavaFileObject source(String qualifiedName, String... lines) {
    return JavaFileObjects.forSourceLines(qualifiedName, lines);
  }

  static Compilation jpa(JavaFileObject... files) {
    return javac().withProcessors(new SchemagovProcessor()).compile(files);
  }

  static Compilation snakeCase(JavaFileObject... files) {
    return javac().withProcessors(new SchemagovProcessor()).withOptions("-Aschemagov.naming=snake_case").compile(files);
  }
}
