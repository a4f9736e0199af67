package io.schemagov.processor.generate;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static io.schemagov.processor.Compile.compiler;
import static io.schemagov.processor.Compile.source;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.schemagov.revision.EntitySchemaFile;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * The generated model class: its schema comes from the resource beside it, and it is compiled by
 * schemagov into the class output unless the module's own sources name it.
 */
class ModelClassTest {
  private static final JavaFileObject ENTITY = source("shop.Invoice", "package shop;",
      "@jakarta.persistence.Entity public class Invoice { @jakarta.persistence.Id Long id; }");

  @Test
  void withoutItsResourceTheModelSaysWhatToPackage() throws Exception {
    ModelClass model = new ModelClass("big", "db/schemagov", List.of("0001_a.yaml", "0002_b.yaml"));
    Compilation compilation = javac().compile(
        JavaFileObjects.forSourceString(model.qualifiedName(), model.toJavaFile(true).toString()));
    assertThat(compilation).succeeded();
    Class<?> loaded = GeneratedFiles.loader(compilation).loadClass("big.SchemagovModel");
    assertThat(loaded.getMethod("revisionFiles").invoke(null)).isEqualTo(List.of("0001_a.yaml", "0002_b.yaml"));
    InvocationTargetException e = assertThrows(InvocationTargetException.class,
        () -> loaded.getMethod(EntitySchemaFile.MODEL_METHOD).invoke(null));
    String missing = ModelClass.SCHEMA_RESOURCE
        + " is missing next to SchemagovModel.class: package the class output's resources with its classes";
    assertThat(e.getCause()).hasMessageThat().isEqualTo(missing);
    IllegalStateException viaRuntime = assertThrows(IllegalStateException.class, () -> EntitySchemaFile.fromModel(loaded));
    assertThat(viaRuntime).hasMessageThat().isEqualTo(missing);
  }

  @Test
  void entitiesInTheUnnamedPackageGetAModelThere() throws Exception {
    Compilation compilation = compiler().compile(source("Invoice",
        "@jakarta.persistence.Entity public class Invoice { @jakarta.persistence.Id Long id; }"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation.generatedFile(StandardLocation.CLASS_OUTPUT, ModelClass.SCHEMA_RESOURCE)).isPresent();
    Class<?> model = GeneratedFiles.loader(compilation).loadClass("SchemagovModel");
    assertThat(EntitySchemaFile.fromModel(model).schema().tables()).containsKey("invoice");
  }

  @Test
  void aModuleThatDoesNotNameTheModelGetsItAsAClassWithNoExtraSource() throws Exception {
    Compilation compilation = compiler().compile(ENTITY);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation.generatedSourceFiles()).isEmpty();
    Class<?> model = GeneratedFiles.loader(compilation).loadClass("shop.SchemagovModel");
    assertThat(EntitySchemaFile.fromModel(model).schema().table(io.schemagov.schema.TableName.of("invoice"))).isPresent();
  }

  @Test
  void aModuleWhoseSourcesNameTheModelCompilesAgainstItsSource() throws Exception {
    JavaFileObject user = source("shop.Startup", "package shop;",
        "public class Startup {",
        "  static String schema() { return SchemagovModel.entitySchemaJson(); }",
        "}");
    Compilation compilation = compiler().compile(ENTITY, user);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("shop.SchemagovModel");
    Class<?> startup = GeneratedFiles.loader(compilation).loadClass("shop.Startup");
    java.lang.reflect.Method schema = startup.getDeclaredMethod("schema");
    schema.setAccessible(true);
    assertThat(EntitySchemaFile.parse((String) schema.invoke(null), "test").schema().tables()).containsKey("invoice");
  }

  @Test
  void aQualifiedUseCountsAsNamingTheModel() {
    JavaFileObject user = source("other.Startup", "package other;",
        "public class Startup { Object model = shop.SchemagovModel.class; }");
    Compilation compilation = compiler().compile(ENTITY, user);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("shop.SchemagovModel");
    assertThat(compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "shop/" + ModelClass.SCHEMA_RESOURCE)).isPresent();
  }
}
