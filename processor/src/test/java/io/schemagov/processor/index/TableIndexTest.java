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
  void writesTheIndexClassAndJson() throws IOException {
    Compilation a = compiler().compile(MODULE_A);
    assertThat(a).generatedFile(StandardLocation.CLASS_OUTPUT, "", TableIndex.RESOURCE)
        .contentsAsUtf8String().contains("\"owner\" : \"evidence.ProductionSet\"");
    assertThat(a.generatedSourceFiles()).isEmpty();
    assertThat(a.generatedFiles().stream().map(f -> f.getName()).filter(n -> n.contains("io/schemagov/index/TableIndex_")))
        .hasSize(2);
    assertThat(indexJson(a)).endsWith("\n" + text(a, TableIndex.RESOURCE));
  }

  @Test
  void aChangedIndexChangesItsMarkerClassNotItsName() throws IOException {
    Compilation before = compiler().compile(MODULE_A);
    Compilation after = compiler().compile(source("evidence.ProductionSet", "package evidence;",
        "import jakarta.persistence.*;",
        "@io.schemagov.MigrationManaged @Entity @Table(name = \"production_sets\")",
        "public class ProductionSet { @Id Long id; }"));
    JavaFileObject was = markerClass(before);
    JavaFileObject is = markerClass(after);
    assertThat(is.getName()).isEqualTo(was.getName());
    try (InputStream a = was.openInputStream(); InputStream b = is.openInputStream()) {
      assertThat(b.readAllBytes()).isNotEqualTo(a.readAllBytes());
    }
    try (InputStream a = was.openInputStream(); InputStream b = markerClass(compiler().compile(MODULE_A)).openInputStream()) {
      assertThat(b.readAllBytes()).isEqualTo(a.readAllBytes());
    }
  }

  private static JavaFileObject markerClass(Compilation c) {
    return c.generatedFiles().stream()
        .filter(f -> f.getName().contains("io/schemagov/index/TableIndex_") && f.getName().endsWith(".class"))
        .findFirst().orElseThrow();
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
    assertThat(indexJson(forward)).isEqualTo(indexJson(backward));
  }

  private static String text(Compilation c, String resource) throws IOException {
    return c.generatedFile(StandardLocation.CLASS_OUTPUT, "", resource).orElseThrow().getCharContent(true).toString();
  }

  /** The index class's JSON, named as it is: the name is part of what must not depend on javac's order. */
  private static String indexJson(Compilation c) throws IOException {
    JavaFileObject json = c.generatedFiles().stream()
        .filter(f -> f.getName().contains("io/schemagov/index/TableIndex_") && f.getName().endsWith(".json"))
        .findFirst().orElseThrow();
    return json.getName().substring(json.getName().lastIndexOf('/')) + "\n" + json.getCharContent(true);
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
  void anUnreadableIndexIsAWarningNotACrash() throws IOException {
    List<File> classpath = classpathWithModuleA();
    Path json = indexJsonIn(output);
    Files.writeString(json, "{not json");
    Compilation c = compiler().withClasspath(classpath).compile(OTHER);
    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining(Messages.prefix(Messages.INDEX_UNREADABLE)
        + "cannot read the schemagov table index io/schemagov/index/" + json.getFileName() + " (");
    assertThat(c).hadWarningCount(1);
  }

  @Test
  void aMalformedEntryIsAWarningAndTheOthersAreRead() throws IOException {
    List<File> classpath = classpathWithModuleA();
    Path json = indexJsonIn(output);
    Files.writeString(json, "{\"format\":\"schemagov.tables/1\",\"tables\":[{\"name\":\"x\"},"
        + "{\"name\":\"production_set\",\"kind\":\"ENTITY\",\"owner\":\"evidence.ProductionSet\"}]}");
    JavaFileObject b = source("ediscovery.ProductionSet", "package ediscovery;", "import jakarta.persistence.*;",
        "@Entity(name = \"E\") @Table(name = \"production_set\") public class ProductionSet { @Id Long id; }");
    Compilation c = compiler().withClasspath(classpath).compile(b);
    assertThat(c).hadWarningContaining("io/schemagov/index/" + json.getFileName() + " table 1 (an entry needs name, kind and owner)");
    assertThat(c).hadErrorContaining(Messages.prefix(Messages.TABLE_COLLISION));
  }

  private static final JavaFileObject OTHER = source("ediscovery.Item", "package ediscovery;",
      "@jakarta.persistence.Entity public class Item { @jakarta.persistence.Id Long id; }");

  private static Path indexJsonIn(Path classes) throws IOException {
    try (var files = Files.list(classes.resolve("io/schemagov/index"))) {
      return files.filter(p -> p.getFileName().toString().endsWith(".json")).findFirst().orElseThrow();
    }
  }
}
