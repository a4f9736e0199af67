package io.schemagov.example;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/**
 * The policy's mistakes, reintroduced one at a time into the example's own sources: each must fail
 * the build as the example compiles it (with {@code -Werror}, so an unacknowledged warning fails too).
 */
class SeedMistakesTest {
  private static final String EDISCOVERY = "io/schemagov/example/ediscovery/";

  @Test
  void theExampleCompilesCleanWithTheChecker() {
    Compilation compilation = ExampleSources.load().compile();

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation.diagnostics().stream()
            .filter(d -> d.getKind() == Diagnostic.Kind.NOTE)
            .map(d -> d.getMessage(null)))
        .contains("schemagov: checked 21 entities, 21 tables");
  }

  @Test
  void theOriginalThreeTableCollisionFailsNamingBothClasses() {
    Compilation compilation = ExampleSources.load()
        .edit(EDISCOVERY + "ProductionSet.java",
            "@Table(name = \"ediscovery_production_set\")\n@RenamedFrom(\"production_set\")",
            "@Table(name = \"production_set\")")
        .edit(EDISCOVERY + "ProductionItem.java",
            "@Table(name = \"ediscovery_production_item\")\n@RenamedFrom(\"production_item\")",
            "@Table(name = \"production_item\")")
        .edit(EDISCOVERY + "PrivilegeLog.java",
            "@Table(name = \"ediscovery_privilege_log\")\n@RenamedFrom(\"privilege_log\")",
            "@Table(name = \"privilege_log\")")
        .compile();

    assertThat(compilation).failed();
    for (String table : new String[] {"ProductionSet", "ProductionItem", "PrivilegeLog"}) {
      assertThat(compilation).hadErrorContaining("[schemagov:table-collision]");
      assertThat(compilation).hadErrorContaining("io.schemagov.example.evidence." + table);
      assertThat(compilation).hadErrorContaining("io.schemagov.example.ediscovery." + table);
    }
    assertThat(compilation.errors().stream()
            .filter(e -> e.getMessage(null).contains("[schemagov:table-collision]")).count())
        .isAtLeast(3L);
  }

  @Test
  void anEdiscoveryForeignKeyStillNamingTheOldTableFailsWithTheNewName() {
    Compilation compilation = ExampleSources.load()
        .edit(EDISCOVERY + "ProductionItem.java",
            "REFERENCES ediscovery_production_set (id)", "REFERENCES production_set (id)")
        .compile();

    assertThat(compilation).failed();
    assertThat(compilation).hadWarningContaining("production_set");
    assertThat(compilation).hadWarningContaining("ediscovery_production_set");
  }

  @Test
  void removingTheCourtGradeDiscoveryAcknowledgementWarnsAgain() {
    Compilation compilation = ExampleSources.load()
        .edit(EDISCOVERY + "CourtGradeDiscovery.java",
            "@SuppressWarnings(\"schemagov:fk-renamed-reused\")\n", "")
        .compile();

    assertThat(compilation).failed();
    assertThat(compilation).hadWarningContaining("[schemagov:fk-renamed-reused]");
    assertThat(compilation).hadWarningContaining("production_set");
  }

  @Test
  void aNonAsciiDefaultFails() {
    Compilation compilation = ExampleSources.load()
        .edit("io/schemagov/example/cases/Organization.java",
            "@Column(length = 100)\n  private String jurisdiction;",
            "@Column(length = 100, columnDefinition = \"varchar(100) DEFAULT 'Cour d\u2019appel'\")\n"
                + "  private String jurisdiction;")
        .compile();

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[schemagov:non-ascii-default]");
  }

  @Test
  void aBranchInTheChainFailsNamingBothHeads() {
    // A second revision on 0003, written on another branch of the repository while 0004 landed.
    Compilation compilation = ExampleSources.load()
        .withRevision("0005_case_status_index.yaml", String.join("\n",
            "revision: \"0005\"", "parent: \"0003\"", "message: Case status index", "ops: []", ""))
        .compile();

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[schemagov:invalid-chain]");
    assertThat(compilation).hadErrorContaining("branch");
    assertThat(compilation).hadErrorContaining("0004_jurisdiction_metadata_noop.yaml");
    assertThat(compilation).hadErrorContaining("0005_case_status_index.yaml");
  }
}
