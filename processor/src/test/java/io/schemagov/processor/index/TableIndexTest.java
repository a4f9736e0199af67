package io.schemagov.processor.index;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.schemagov.processor.Compile.compiler;
import static io.schemagov.processor.Compile.source;

import com.google.testing.compile.Compilation;
import io.schemagov.processor.rules.Messages;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The table index: one module's tables checked by the compilation of another. */
class TableIndexTest {
  private static final JavaFileObject MODULE_A = source("evidence.ProductionSet", "package evidence;",
      "import jakarta.persistence.*;",
      "@io.schemagov.MigrationManaged @Entity @Table(name = \"production_set\")",
      "public class ProductionSet { @Id Long id; }");

  @TempDir Path output;

  /** Compiles module A and returns a classpath with its class output on it. */
  private List<File> classpathWithModuleA() throws IOException {
    Compilation a = compiler().compile(MODULE_A);
    assertThat(a).succeededWithoutWarnings();
    for (JavaFileObject f : a.generatedFiles()) {
      String uri = f.toUri().toString();
      int at = uri.indexOf("CLASS_OUTPUT/");
      if (at >= 0) {
        Path target = output.resolve(uri.substring(at + "CLASS_OUTPUT/".length()));
        Files.createDirectories(target.getParent());
        try (InputStream in = f.openInputStream()) {
          Files.copy(in, target);
        }
      }
    }
    List<File> classpath = new ArrayList<>();
    classpath.add(output.toFile());
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      classpath.add(new File(entry));
    }
    return classpath;
  }

  @Test
  void writesTheIndexClassAndJson() {
    Compilation a = compiler().compile(MODULE_A);
    assertThat(a).generatedFile(StandardLocation.CLASS_OUTPUT, "", TableIndex.RESOURCE)
        .contentsAsUtf8String().contains("\"owner\" : \"evidence.ProductionSet\"");
    assertThat(a.generatedSourceFiles().stream().map(f -> f.getName()).filter(n -> n.contains("io/schemagov/index/TableIndex_")).count())
        .isEqualTo(1);
  }

  @Test
  void theIndexIsTheSameWhateverOrderJavacReadsTheSourcesIn() throws IOException {
    JavaFileObject zebra = source("a.Zebra", "package a;", "import jakarta.persistence.*;", "import java.util.*;",
        "@Entity @SecondaryTable(name = \"zebra_detail\") public class Zebra {",
        "  @Id Long id;", "  @ElementCollection Set<String> stripes;", "  @ManyToMany Set<b.Aardvark> friends;", "}");
    JavaFileObject aardvark = source("b.Aardvark", "package b;", "import jakarta.persistence.*;", "import java.util.*;",
        "@Entity public class Aardvark { @Id Long id; @ElementCollection Set<String> ants; }");
    JavaFileObject middle = source("a.Middle", "package a;", "import jakarta.persistence.*;",
        "@Entity @Table(name = \"middle\", schema = \"s\") public class Middle { @Id Long id; }");
    Compilation forward = compiler().compile(zebra, aardvark, middle);
    Compilation backward = compiler().compile(middle, aardvark, zebra);
    assertThat(forward).succeededWithoutWarnings();
    assertThat(backward).succeededWithoutWarnings();
    String json = text(forward, TableIndex.RESOURCE);
    assertThat(json).isEqualTo(text(backward, TableIndex.RESOURCE));
    assertThat(json.indexOf("\"owner\" : \"a.Middle\"")).isLessThan(json.indexOf("\"owner\" : \"a.Zebra\""));
    assertThat(json.indexOf("\"owner\" : \"a.Zebra\"")).isLessThan(json.indexOf("\"owner\" : \"b.Aardvark\""));
    assertThat(indexClass(forward)).isEqualTo(indexClass(backward));
  }

  private static String text(Compilation c, String resource) throws IOException {
    return c.generatedFile(StandardLocation.CLASS_OUTPUT, "", resource).orElseThrow().getCharContent(true).toString();
  }

  private static String indexClass(Compilation c) throws IOException {
    JavaFileObject source = c.generatedSourceFiles().stream()
        .filter(f -> f.getName().contains("io/schemagov/index/TableIndex_")).findFirst().orElseThrow();
    return source.getName().substring(source.getName().lastIndexOf('/')) + "\n" + source.getCharContent(true);
  }

  @Test
  void aCollisionWithAnotherModuleFailsTheSecondBuild() throws IOException {
    JavaFileObject b = source("ediscovery.ProductionSet", "package ediscovery;", "import jakarta.persistence.*;",
        "@Entity(name = \"E\") @Table(name = \"production_set\") public class ProductionSet { @Id Long id; }");
    Compilation c = compiler().withClasspath(classpathWithModuleA()).compile(b);
    assertThat(c).hadErrorContaining(Messages.tableCollision("production_set",
        List.of("ediscovery.ProductionSet (entity table)", "evidence.ProductionSet (entity table)"))).inFile(b).onLine(3);
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void aForeignKeyToAnotherModulesTableIsKnown() throws IOException {
    JavaFileObject b = source("ediscovery.Item", "package ediscovery;", "import jakarta.persistence.*;",
        "@io.schemagov.MigrationManaged @Entity public class Item {",
        "  @Id Long id;",
        "  @io.schemagov.References(\"production_set.id\") Long setId;",
        "  @ManyToOne evidence.ProductionSet set;",
        "}");
    assertThat(compiler().withClasspath(classpathWithModuleA()).compile(b)).succeededWithoutWarnings();
  }

  @Test
  void recompilingAModuleAgainstItsOwnOutputIsClean() throws IOException {
    Compilation again = compiler().withClasspath(classpathWithModuleA()).compile(MODULE_A);
    assertThat(again).succeededWithoutWarnings();
  }

  @Test
  void anUnreadableEntryIsAWarningNotACrash() {
    JavaFileObject broken = source("io.schemagov.index.TableIndex_broken", "package io.schemagov.index;",
        "public final class TableIndex_broken {",
        "  public static final String TABLE_0 = \"{not json\";",
        "  public static final String TABLE_1 = \"{\\\"name\\\":\\\"x\\\"}\";",
        "}");
    Compilation c = compiler().compile(MODULE_A, broken);
    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining(Messages.prefix(Messages.INDEX_UNREADABLE)
        + "cannot read the schemagov table index io.schemagov.index.TableIndex_broken.TABLE_0");
    assertThat(c).hadWarningContaining("io.schemagov.index.TableIndex_broken.TABLE_1 (an entry needs name, kind and owner)");
  }
}
