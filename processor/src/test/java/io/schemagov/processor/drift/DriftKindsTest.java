package io.schemagov.processor.drift;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.schemagov.processor.drift.DriftFixture.BASE_CHAIN;
import static io.schemagov.processor.drift.DriftFixture.legalCase;
import static io.schemagov.processor.drift.DriftFixture.source;

import com.google.testing.compile.Compilation;
import io.schemagov.processor.rules.Messages;
import io.schemagov.revision.AddColumn;
import io.schemagov.revision.AddForeignKey;
import io.schemagov.revision.AlterColumn;
import io.schemagov.revision.CreateIndex;
import io.schemagov.revision.CreateTable;
import io.schemagov.revision.DropColumn;
import io.schemagov.revision.Op;
import io.schemagov.revision.RenameColumn;
import io.schemagov.revision.RenameTable;
import io.schemagov.revision.Revision;
import io.schemagov.schema.TableName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each kind of drift: the {@code schema-drift} error, the proposed file's ops, the next build passing
 * with the file in place and writing nothing, and the proposal applied to SQLite both ways.
 */
class DriftKindsTest {
  @TempDir Path temp;

  private static final JavaFileObject ORGANIZATION = source("Organization",
      "@io.schemagov.MigrationManaged @Entity @Table(name = \"organization\")",
      "public class Organization { @Id Long id; @Column(length = 100) String name; }");

  private static final String ORGANIZATION_CHAIN = String.join("\n",
      "revision: \"0002\"",
      "parent: \"0001\"",
      "message: organization",
      "ops:",
      "  - create_table:",
      "      name: organization",
      "      columns:",
      "        - {name: id, type: bigint, nullable: false}",
      "        - {name: name, type: varchar(100)}",
      "      primary_key: [id]",
      "");

  @Test
  void unchangedEntitiesPassAndWriteNothing() throws Exception {
    DriftFixture f = new DriftFixture(temp).seed(BASE_CHAIN);
    assertThat(f.compile(legalCase())).succeededWithoutWarnings();
    f.assertNextBuildPasses(legalCase());
  }

  @Test
  void newEntity() throws Exception {
    JavaFileObject note = source("CaseNote",
        "@io.schemagov.MigrationManaged @Entity @Table(name = \"case_note\")",
        "public class CaseNote { @Id Long id; @Column(length = 500) String body; }");
    Revision proposal = drift(0, "new table case_note", "0002_new_table_case_note.yaml", legalCase(), note);
    assertThat(proposal.parent()).isEqualTo("0001");
    assertThat(proposal.ops()).hasSize(1);
    CreateTable create = (CreateTable) proposal.ops().get(0);
    assertThat(create.table().name()).isEqualTo(TableName.of("case_note"));
    assertThat(create.table().columns().stream().map(c -> c.name() + " " + c.type()).toList())
        .containsExactly("id bigint", "body varchar(500)").inOrder();
  }

  @Test
  void newColumn() throws Exception {
    Revision proposal = drift(0, "new column legal_case.status: varchar(32)",
        "0002_new_column_legal_case_status_varchar_32.yaml", legalCase("  @Column(length = 32) String status;"));
    AddColumn add = (AddColumn) single(proposal);
    assertThat(add.column().name()).isEqualTo("status");
    assertThat(add.column().nullable()).isTrue();
  }

  @Test
  void changedTypeNullabilityAndLength() throws Exception {
    String chain = BASE_CHAIN.replace("        - {name: title, type: varchar(200), nullable: false}\n",
        "        - {name: title, type: varchar(200), nullable: false}\n"
            + "        - {name: pages, type: integer}\n"
            + "        - {name: court, type: varchar(50)}\n");
    DriftFixture f = new DriftFixture(temp).seed(chain);
    JavaFileObject changed = legalCase("  Long pages;", "  @Column(length = 80, nullable = false) String court;");
    Map<String, String> seeded = f.files();
    Compilation c = f.compile(changed);
    assertThat(c).hadErrorContaining("column legal_case.pages: integer -> bigint");
    assertThat(c).hadErrorContaining("column legal_case.court: varchar(50) -> varchar(80) not null");
    String file = f.added(seeded);
    assertThat(f.revision(file).ops()).hasSize(2);
    assertThat(f.revision(file).ops()).containsExactly(
        new AlterColumn(TableName.of("legal_case"), DriftFixture.entities(changed).schema()
            .table(TableName.of("legal_case")).orElseThrow().column("pages").orElseThrow(), false),
        new AlterColumn(TableName.of("legal_case"), DriftFixture.entities(changed).schema()
            .table(TableName.of("legal_case")).orElseThrow().column("court").orElseThrow(), false));
    f.assertNextBuildPasses(changed);
    f.assertRoundTrip("0001", changed);
  }

  @Test
  void droppedColumnNeedsAcknowledgement() throws Exception {
    String chain = BASE_CHAIN.replace("        - {name: title, type: varchar(200), nullable: false}\n",
        "        - {name: title, type: varchar(200), nullable: false}\n        - {name: legacy, type: text}\n");
    DriftFixture f = new DriftFixture(temp).seed(chain);
    Map<String, String> seeded = f.files();
    Compilation c = f.compile(legalCase());
    assertThat(c).hadErrorContaining(Messages.prefix(Messages.SCHEMA_DRIFT));
    assertThat(c).hadErrorContaining("dropped column legal_case.legacy");
    String file = f.added(seeded);
    assertThat(file).isEqualTo("0002_dropped_column_legal_case_legacy.yaml");
    assertThat(f.revision(file).ops()).containsExactly(new DropColumn(TableName.of("legal_case"), "legacy", false));

    Map<String, String> before = f.revisionFiles();
    Compilation unacknowledged = f.compile(legalCase());
    assertThat(unacknowledged).hadErrorContaining(Messages.prefix(Messages.DATA_LOSS) + file
        + ", op 1 (drop column legal_case.legacy)");
    assertThat(unacknowledged).hadErrorContaining("add acknowledge_data_loss: true");
    assertThat(unacknowledged).hadErrorCount(1);
    assertThat(f.revisionFiles()).isEqualTo(before);

    Path written = f.dir.resolve(file);
    Files.writeString(written, Files.readString(written)
        .replace("column: legacy", "column: legacy\n      acknowledge_data_loss: true"));
    f.assertNextBuildPasses(legalCase());
    f.assertRoundTrip("0001", legalCase());
  }

  @Test
  void newForeignKey() throws Exception {
    JavaFileObject withOrg = legalCase("  @ManyToOne Organization organization;");
    DriftFixture f = new DriftFixture(temp).seed(BASE_CHAIN, ORGANIZATION_CHAIN);
    Map<String, String> before = f.files();
    Compilation c = f.compile(withOrg, ORGANIZATION);
    assertThat(c).hadErrorContaining("new column legal_case.organization_id: bigint");
    assertThat(c).hadErrorContaining("new foreign key");
    String file = f.added(before);
    Revision proposal = f.revision(file);
    assertThat(proposal.parent()).isEqualTo("0002");
    assertThat(proposal.ops().stream().map(Op::getClass).toList()).containsExactly(AddColumn.class, AddForeignKey.class)
        .inOrder();
    AddForeignKey fk = (AddForeignKey) proposal.ops().get(1);
    assertThat(fk.foreignKey().referencedTable()).isEqualTo(TableName.of("organization"));
    f.assertNextBuildPasses(withOrg, ORGANIZATION);
    f.assertRoundTrip("0002", withOrg, ORGANIZATION);
  }

  @Test
  void newIndex() throws Exception {
    JavaFileObject indexed = source("LegalCase",
        "@io.schemagov.MigrationManaged @Entity",
        "@Table(name = \"legal_case\", indexes = @Index(columnList = \"title\"))",
        "public class LegalCase { @Id Long id; @Column(length = 200, nullable = false) String title; }");
    CreateIndex index = (CreateIndex) single(drift(0, "new index", null, indexed));
    assertThat(index.index().columns()).containsExactly("title");
  }

  @Test
  void renamedTableAndColumn() throws Exception {
    JavaFileObject renamed = source("LegalCase",
        "@io.schemagov.MigrationManaged @Entity @Table(name = \"court_case\")",
        "@io.schemagov.RenamedFrom(\"legal_case\")",
        "public class LegalCase {",
        "  @Id Long id;",
        "  @io.schemagov.RenamedFrom(\"title\") @Column(length = 200, nullable = false) String caption;",
        "}");
    Revision proposal = drift(0, "table legal_case renamed to court_case", null, renamed);
    assertThat(proposal.ops()).containsExactly(
        new RenameTable(TableName.of("legal_case"), "court_case"),
        new RenameColumn(TableName.of("court_case"), "title", "caption")).inOrder();
  }

  /**
   * Compiles {@code sources} against the base chain, asserts the drift error (with {@code
   * difference}, the file and the remedy), the file name when given, the next build and the round trip.
   */
  private Revision drift(int extraErrors, String difference, String expectedFile, JavaFileObject... sources)
      throws Exception {
    DriftFixture f = new DriftFixture(temp).seed(BASE_CHAIN);
    Map<String, String> before = f.files();
    Compilation c = f.compile(sources);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1 + extraErrors);
    String file = f.added(before);
    if (expectedFile != null) {
      assertThat(file).isEqualTo(expectedFile);
    }
    assertThat(c).hadErrorContaining(Messages.prefix(Messages.SCHEMA_DRIFT));
    assertThat(c).hadErrorContaining(difference);
    assertThat(c).hadErrorContaining(Messages.driftRemedy(f.dir.resolve(file).toString()));
    Revision proposal = f.revision(file);
    assertThat(proposal.parent()).isEqualTo("0001");
    f.assertNextBuildPasses(sources);
    f.assertRoundTrip("0001", sources);
    return proposal;
  }

  private static Op single(Revision revision) {
    assertThat(revision.ops()).hasSize(1);
    return revision.ops().get(0);
  }
}
