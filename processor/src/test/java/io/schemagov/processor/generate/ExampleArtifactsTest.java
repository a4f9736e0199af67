package io.schemagov.processor.generate;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.schemagov.processor.generate.GeneratedFiles.resource;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.schemagov.processor.Compile;
import io.schemagov.revision.EntitySchemaFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example's entities and chain (copied, so the committed files are never touched): the report is
 * the seed's policy in substance, and its create_all runs on SQLite.
 */
class ExampleArtifactsTest {
  private static final Path EXAMPLE = Path.of("../example/src/main");

  @TempDir static Path project;
  private static Path revisions;
  private static Compilation compilation;

  @BeforeAll
  static void compileTheExample() throws IOException {
    revisions = Files.createDirectories(project.resolve("src/main/resources/db/schemagov"));
    try (Stream<Path> files = Files.list(EXAMPLE.resolve("resources/db/schemagov"))) {
      for (Path f : files.toList()) {
        Files.copy(f, revisions.resolve(f.getFileName()));
      }
    }
    compilation = Compile.compiler().withOptions("-Aschemagov.naming=jpa", "-Aschemagov.revisions=" + revisions)
        .compile(sources());
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void governanceReportIsTheSeedPolicy() {
    String report = resource(compilation, Artifacts.GOVERNANCE);
    assertThat(report).contains("| 0001 | Case, Organization, CaseParty, CaseEvidence | Yes | - | - |");
    assertThat(report).contains("| 0002 | Events (UUID PK), CameraSyncGroup, EventEvidence | Yes |");
    assertThat(report).contains("| 0003 | CaseTimelineEntry, CaseExportRecord, SHA-256 index | Yes |");
    assertThat(report).contains("| 0004 | (no-op) Jurisdiction metadata — superseded by 0001 | Yes |");
    assertThat(report).contains("`camera_sync_group`, `case_evidence`, `case_export_record`, `case_party`, "
        + "`case_timeline_entry`, `event_evidence`, `events`, `legal_case`, `organization`\n");
    for (String orm : List.of("users", "evidence_item", "chain_of_custody", "evidence_analysis", "evidence_tag",
        "production_set", "production_item", "privilege_log", "ediscovery_production_set")) {
      assertThat(section(report, "### ORM-managed", "## Foreign-key")).contains("`" + orm + "`");
    }
    String dependencies = section(report, "## Foreign-key dependencies", "## Renames");
    assertThat(dependencies).contains("`users.id`");
    assertThat(dependencies).contains("`evidence_item.id`");
    assertThat(dependencies).contains("**PostgreSQL, MySQL**");
    assertThat(report).contains("| `ediscovery.ProductionSet` | `production_set` | `ediscovery_production_set` |");
    assertThat(report).contains("| `ediscovery.ProductionItem` | `production_item` | `ediscovery_production_item` |");
    assertThat(report).contains("| `ediscovery.PrivilegeLog` | `privilege_log` | `ediscovery_privilege_log` |");
    assertThat(report).containsMatch("\\| `court_grade_discovery` \\| `[A-Za-z_.]+` \\| `production_set` \\| "
        + "`ediscovery_production_set` \\| intentional");
    // Only foreign-key text is ambiguous: a relationship names its target entity, whatever the table.
    assertThat(report.substring(report.indexOf("### Foreign keys naming"))).doesNotContain("`production_item`");
  }

  @Test
  void exportedSchemaHasTheNineMigrationManagedTables() throws IOException {
    EntitySchemaFile file = EntitySchemaFile.read(revisions.resolve(EntitySchemaFile.FILE_NAME));
    assertThat(file.migrationManagedTables()).hasSize(9);
    assertThat(file.schema().tables()).containsKey("users");
    Path committed = EXAMPLE.resolve("resources/db/schemagov").resolve(EntitySchemaFile.FILE_NAME);
    if (Files.exists(committed)) {
      assertThat(Files.readString(revisions.resolve(EntitySchemaFile.FILE_NAME))).isEqualTo(Files.readString(committed));
    }
  }

  @Test
  void createAllRunsOnSqlite() throws Exception {
    GeneratedFiles.assertAppliesToSqlite(project.resolve("example.db"),
        resource(compilation, "META-INF/schemagov/create_all.sqlite.sql"),
        EntitySchemaFile.read(revisions.resolve(EntitySchemaFile.FILE_NAME)).schema());
  }

  private static String section(String text, String from, String to) {
    return text.substring(text.indexOf(from), text.indexOf(to, text.indexOf(from)));
  }

  private static List<JavaFileObject> sources() throws IOException {
    List<JavaFileObject> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(EXAMPLE.resolve("java"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        out.add(JavaFileObjects.forResource(p.toUri().toURL()));
      }
    }
    return out;
  }
}
