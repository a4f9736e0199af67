package io.schemagov.processor.generate;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.schemagov.processor.generate.GeneratedFiles.assertAppliesToSqlite;
import static io.schemagov.processor.generate.GeneratedFiles.assertBefore;
import static io.schemagov.processor.generate.GeneratedFiles.resource;

import com.google.testing.compile.Compilation;
import io.schemagov.processor.Compile;
import io.schemagov.revision.EntitySchemaFile;
import io.schemagov.processor.rules.Messages;
import io.schemagov.revision.RevisionSource;
import io.schemagov.schema.Schema;
import io.schemagov.schema.Table;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The artifacts generated for {@link GovernanceModel}, whose chain is committed with the test. */
class ArtifactsTest {
  private static final String GOLDEN = "/golden/shop/";
  private static final String REVISION = "0001_new_table_invoice.yaml";

  @TempDir Path project;
  private Path revisions;

  @BeforeEach
  void chain() throws IOException {
    revisions = Files.createDirectories(project.resolve("src/main/resources/db/schemagov"));
    Files.writeString(revisions.resolve(REVISION), golden(REVISION));
  }

  private Compilation compile() {
    Compilation compilation = Compile.compiler().withOptions("-Aschemagov.revisions=" + revisions)
        .compile(GovernanceModel.sources());
    assertThat(compilation).succeededWithoutWarnings();
    return compilation;
  }

  @Test
  void exportsEveryTableWithItsOwnershipAndTheSequences() throws IOException {
    compile();
    EntitySchemaFile file = EntitySchemaFile.read(revisions.resolve(EntitySchemaFile.FILE_NAME));
    assertThat(names(file.migrationManagedTables())).containsExactly("invoice");
    assertThat(names(file.ormManagedTables())).containsExactly("account", "author", "book", "customer", "referral").inOrder();
    assertThat(file.schema().sequences().get("account_seq").increment()).isEqualTo(50);
    assertThat(file.schema().tables().get("invoice").foreignKeys().get(0).referencedTable().name()).isEqualTo("account");
    assertThat(EntitySchemaFile.parse(file.toJson(), "again")).isEqualTo(file);
  }

  @Test
  void createAllPutsSequencesFirstTablesInForeignKeyOrderAndCyclesLast() {
    Compilation compilation = compile();
    String sqlite = resource(compilation, "META-INF/schemagov/create_all.sqlite.sql");
    assertBefore(sqlite, "CREATE TABLE Account_SEQ", "CREATE TABLE account (");
    assertBefore(sqlite, "CREATE TABLE account (", "CREATE TABLE invoice (");
    assertBefore(sqlite, "CREATE TABLE book (", "CREATE TABLE author (");
    // book -> author closes the cycle: added once both exist (SQLite rebuilds the table for it).
    assertBefore(sqlite, "CREATE TABLE referral (", "CONSTRAINT fk_book_author_id");

    String postgres = resource(compilation, "META-INF/schemagov/create_all.postgresql.sql");
    assertThat(postgres).contains("CREATE SEQUENCE Account_SEQ");
    assertThat(postgres.strip()).endsWith(
        "ALTER TABLE book ADD CONSTRAINT fk_book_author_id FOREIGN KEY (author_id) REFERENCES author (id);");

    for (String dialect : List.of("sqlite", "postgresql")) {
      String orm = resource(compilation, "META-INF/schemagov/create_orm." + dialect + ".sql");
      assertThat(orm).contains("CREATE TABLE account (");
      assertThat(orm).doesNotContain("invoice");
      assertThat(orm).doesNotContain("Account_SEQ");
    }
  }

  @Test
  void createAllAppliesToARealSqliteDatabase() throws Exception {
    Compilation compilation = compile();
    EntitySchemaFile exported = EntitySchemaFile.read(revisions.resolve(EntitySchemaFile.FILE_NAME));
    assertAppliesToSqlite(project.resolve("all.db"),
        resource(compilation, "META-INF/schemagov/create_all.sqlite.sql"), exported.schema());
    assertAppliesToSqlite(project.resolve("orm.db"), resource(compilation, "META-INF/schemagov/create_orm.sqlite.sql"),
        Schema.of(exported.ormManagedTables(), List.of()));
  }

  @Test
  void anUnwritableRevisionsDirectoryIsRevisionsUnwritableNotAnInternalError() throws IOException {
    Path notADirectory = Files.writeString(project.resolve("revisions-is-a-file"), "");
    Compilation c = Compile.compiler().withOptions("-Aschemagov.revisions=" + notADirectory)
        .compile(Compile.source("a.Plain", "package a;", "@jakarta.persistence.Entity public class Plain {",
            "  @jakarta.persistence.Id Long id;", "}"));
    assertThat(c).hadErrorContaining(Messages.prefix(Messages.REVISIONS_UNWRITABLE) + "cannot write the exported entity schema to "
        + notADirectory.resolve(EntitySchemaFile.FILE_NAME));
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void theModelClassCarriesTheSchemaAndTheChainIndex() throws Exception {
    Compilation compilation = compile();
    Class<?> model = GeneratedFiles.loader(compilation).loadClass("shop.SchemagovModel");
    assertThat(EntitySchemaFile.fromModel(model))
        .isEqualTo(EntitySchemaFile.read(revisions.resolve(EntitySchemaFile.FILE_NAME)));
    assertThat(model.getField("REVISIONS_DIRECTORY").get(null)).isEqualTo("db/schemagov");
    assertThat(model.getMethod("revisionFiles").invoke(null)).isEqualTo(List.of(REVISION));
    assertThat(resource(compilation, "db/schemagov/" + RevisionSource.INDEX)).isEqualTo(REVISION + "\n");
  }

  @Test
  void packageOptionPlacesTheModelClass() {
    Compilation compilation = Compile.compiler()
        .withOptions("-Aschemagov.revisions=" + revisions, "-Aschemagov.package=shop.db")
        .compile(GovernanceModel.sources());
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedFile(StandardLocation.CLASS_OUTPUT, "shop/db/SchemagovModel.class");
    assertThat(compilation).generatedFile(StandardLocation.CLASS_OUTPUT, "shop/db/" + ModelClass.SCHEMA_RESOURCE);
    assertThat(compilation.generatedSourceFiles()).isEmpty();
  }

  @Test
  void governanceReportMatchesTheGoldenFile() throws IOException {
    assertThat(resource(compile(), Artifacts.GOVERNANCE)).isEqualTo(golden("governance.md"));
  }

  @Test
  void unchangedEntitiesLeaveTheExportedFileUntouched() throws IOException {
    Compilation first = compile();
    Path file = revisions.resolve(EntitySchemaFile.FILE_NAME);
    FileTime old = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(file, old);

    Compilation second = compile();
    assertThat(Files.getLastModifiedTime(file)).isEqualTo(old);
    for (String path : List.of(Artifacts.GOVERNANCE, "META-INF/schemagov/create_all.sqlite.sql",
        "META-INF/schemagov/create_orm.postgresql.sql")) {
      assertThat(resource(second, path)).isEqualTo(resource(first, path));
    }
  }

  @Test
  void aChangedEntityRewritesTheExportedFile() throws IOException {
    compile();
    Path file = revisions.resolve(EntitySchemaFile.FILE_NAME);
    Files.writeString(file, "{}");
    compile();
    assertThat(EntitySchemaFile.read(file).schema().tables()).hasSize(6);
  }

  private static List<String> names(List<Table> tables) {
    return tables.stream().map(t -> t.name().toString()).toList();
  }

  static String golden(String name) throws IOException {
    try (InputStream in = ArtifactsTest.class.getResourceAsStream(GOLDEN + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
