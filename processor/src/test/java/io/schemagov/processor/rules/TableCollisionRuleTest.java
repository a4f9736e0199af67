package io.schemagov.processor.rules;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.schemagov.processor.SchemagovProcessor;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

class TableCollisionRuleTest {
  private static final JavaFileObject EVIDENCE = JavaFileObjects.forSourceLines("evidence.ProductionSet",
      "package evidence;",
      "import jakarta.persistence.*;",
      "@Entity",
      "@Table(name = \"production_set\")",
      "public class ProductionSet {",
      "  @Id Long id;",
      "}");
  private static final JavaFileObject EDISCOVERY = JavaFileObjects.forSourceLines("ediscovery.ProductionSet",
      "package ediscovery;",
      "import jakarta.persistence.*;",
      "@Entity(name = \"EdiscoveryProductionSet\")",
      "@Table(name = \"production_set\")",
      "public class ProductionSet {",
      "  @Id Long id;",
      "}");

  @Test
  void seedCollisionFailsNamingBothClasses() {
    Compilation c = javac().withProcessors(new SchemagovProcessor()).compile(EVIDENCE, EDISCOVERY);
    String message = Messages.tableCollision("production_set",
        List.of("ediscovery.ProductionSet (entity table)", "evidence.ProductionSet (entity table)"));
    assertThat(c).hadErrorContaining(message).inFile(EVIDENCE).onLine(4);
    assertThat(c).hadErrorContaining(message).inFile(EDISCOVERY).onLine(4);
    assertThat(c).hadErrorCount(2);
  }
}
