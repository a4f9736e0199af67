package io.schemagov.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;

/** Compiles tiny inline sources with the processor, as users' javac would. */
public final class Compile {
  private Compile() {}

  public static JavaFileObject source(String qualifiedName, String... lines) {
    return JavaFileObjects.forSourceLines(qualifiedName, lines);
  }

  public static Compiler compiler() {
    return javac().withProcessors(new SchemagovProcessor());
  }

  public static Compilation jpa(JavaFileObject... files) {
    return compiler().compile(files);
  }

  public static Compilation snakeCase(JavaFileObject... files) {
    return compiler().withOptions("-Aschemagov.naming=snake_case").compile(files);
  }
}
