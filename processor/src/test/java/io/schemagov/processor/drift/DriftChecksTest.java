package io.schemagov.processor.drift;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.schemagov.processor.drift.DriftFixture.BASE_CHAIN;
import static io.schemagov.processor.drift.DriftFixture.legalCase;
import static io.schemagov.processor.drift.DriftFixture.source;

import com.google.testing.compile.Compilation;
import io.schemagov.processor.rules.Messages;
import io.schemagov.revision.CreateTable;
import io.schemagov.revision.DropTable;
import io.schemagov.revision.Revision;
import io.schemagov.schema.TableName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chain's integrity, renames, ownership, options and file-system failures. */
class DriftChecksTest {
  @TempDir Path temp;

  private static String child(String id, String parent, String column) {
    return String.join("\n",
        "revision: \"" + id + "\"",
        "parent: \"" + parent + "\"",
        "message: " + column,
        "ops:",
        "  - add_column: {table: legal_case, column: {name: " + column + ", type: integer}}",
        "");
  }

  @Test
  void branchFailsNamingBothHeads() throws Exception {
    DriftFixture f = new DriftFixture(temp).seed(BASE_CHAIN, child("0002", "0001", "a"), child("0003", "0001", "b"));
    Map<String, String> before = f.revisionFiles();
    Compilation c = f.compile(legalCase("  Integer a;", "  Integer b;"));
    assertThat(c).hadErrorContaining(Messages.prefix(Messages.INVALID_CHAIN) + "0003_b.yaml: branch");
    assertThat(c).hadErrorContaining("heads 0002 (0002_a.yaml) and 0003 (0003_b.yaml)");
    assertThat(c).hadErrorCount(1);
    assertThat(f.revisionFiles()).isEqualTo(before);
  }

  @Test
  void brokenFileFailsNamingFileAndLine() throws Exception {
    DriftFixture f = new DriftFixture(temp).seed(BASE_CHAIN);
    Files.writeString(f.dir.resolve("0002_bad.yaml"), "revision: \"0002\"\nparent: \"0001\"\nmessage: x\nops:\n  - rename_tabel: {table: legal_case, to: x}\n");
    Compilation c = f.compile(legalCase());
    assertThat(c).hadErrorContaining(Messages.prefix(Messages.INVALID_CHAIN) + "0002_bad.yaml:5, op 1");
    assertThat(c).hadErrorContaining("unknown op 'rename_tabel'");
  }

  @Test
  void unacknowledgedDataLossInTheChainFails() throws Exception {
    String drop = String.join("\n", "revision: \"0002\"", "parent: \"0001\"", "message: drop title", "ops:",
        "  - drop_column: {table: legal_case, column: title}", "");
    DriftFixture f = new DriftFixture(temp).seed(BASE_CHAIN, drop);
    Compilation c = f.compile(source("LegalCase",
        "@io.schemagov.MigrationManaged @Entity @Table(name = \"legal_case\") public class LegalCase { @Id Long id; }"));
    assertThat(c).hadErrorContaining(Messages.prefix(Messages.DATA_LOSS)
        + "0002_drop_title.yaml, op 1 (drop column legal_case.title): drops column legal_case.title");
    assertThat(c).hadErrorContaining("add acknowledge_data_loss: true to the op");
    assertThat(c).hadErrorContaining(f.dir.resolve("0002_drop_title.yaml").toString());
  }

  @Test
  void unknownRenamedFromIsAnErrorOnTheAnnotation() throws Exception {
    DriftFixture f = new DriftFixture(temp).seed(BASE_CHAIN);
    JavaFileObject renamed = source("LegalCase",
        "@io.schemagov.MigrationManaged @Entity @Table(name = \"legal_case\")",
        "public class LegalCase {",
        "  @Id Long id;",
        "  @io.schemagov.RenamedFrom(\"titel\") @Column(length = 200, nullable = false) String title;",
        "}");
    Map<String, String> before = f.revisionFiles();
    Compilation c = f.compile(renamed);
    assertThat(c).hadErrorContaining(Messages.unknownRename("column legal_case.title renamed from titel",
        Messages.unknownRenameNever("column legal_case.titel"))).inFile(renamed).onLine(6);
    assertThat(c).hadErrorCount(1);
    assertThat(f.revisionFiles()).isEqualTo(before);
  }

  @Test
  void unknownTableRenameFailsWithoutProposal() throws Exception {
    DriftFixture f = new DriftFixture(temp).seed(BASE_CHAIN);
    JavaFileObject renamed = source("Docket",
        "@io.schemagov.MigrationManaged @Entity @Table(name = \"docket\")",
        "@io.schemagov.RenamedFrom(\"legal_cases\")",
        "public class Docket { @Id Long id; @Column(length = 200, nullable = false) String title; }");
    Map<String, String> before = f.revisionFiles();
    Compilation c = f.compile(renamed);
    assertThat(c).hadErrorContaining(Messages.unknownRenameNever("table legal_cases")).inFile(renamed).onLine(4);
    assertThat(f.revisionFiles()).isEqualTo(before);
  }

  @Test
  void warnModeWarnsAndStillWrites() throws Exception {
    DriftFixture f = new DriftFixture(temp).seed(BASE_CHAIN);
    Map<String, String> before = f.revisionFiles();
    Compilation c = f.compile(List.of("-Aschemagov.drift=warn"), legalCase("  Integer pages;"));
    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining(Messages.prefix(Messages.SCHEMA_DRIFT));
    assertThat(f.added(before)).isEqualTo("0002_new_column_legal_case_pages_integer.yaml");
  }

  @Test
  void unknownDriftOptionIsAnError() throws Exception {
    DriftFixture f = new DriftFixture(temp).seed(BASE_CHAIN);
    Compilation c = f.compile(List.of("-Aschemagov.drift=loud"), legalCase());
    assertThat(c).hadErrorContaining(Messages.invalidOption("schemagov.drift", "loud", "error, warn"));
  }

  @Test
  void emptyDirectoryGetsTheFirstRevision() throws Exception {
    DriftFixture f = new DriftFixture(temp);
    Compilation c = f.compile(legalCase());
    assertThat(c).hadErrorContaining("at base:");
    String file = f.added(Map.of());
    assertThat(file).isEqualTo("0001_new_table_legal_case.yaml");
    Revision first = f.revision(file);
    assertThat(first.parent()).isNull();
    assertThat(((CreateTable) first.ops().get(0)).table().name()).isEqualTo(TableName.of("legal_case"));
    f.assertNextBuildPasses(legalCase());
  }

  @Test
  void idKeepsTheChainsWidth() throws Exception {
    DriftFixture f = new DriftFixture(temp).seed(BASE_CHAIN.replace("\"0001\"", "\"01\""));
    Map<String, String> before = f.revisionFiles();
    f.compile(legalCase("  Integer pages;"));
    assertThat(f.added(before)).startsWith("02_");
    assertThat(f.revision(f.added(before)).parent()).isEqualTo("01");
  }

  @Test
  void deletedEntityProposesAnUnacknowledgedDrop() throws Exception {
    String organization = String.join("\n", "revision: \"0002\"", "parent: \"0001\"", "message: organization", "ops:",
        "  - create_table: {name: organization, columns: [{name: id, type: bigint, nullable: false}], primary_key: [id]}",
        "");
    DriftFixture f = new DriftFixture(temp).seed(BASE_CHAIN, organization);
    Map<String, String> before = f.revisionFiles();
    Compilation c = f.compile(legalCase());
    assertThat(c).hadErrorContaining("dropped table organization");
    String file = f.added(before);
    assertThat(f.revision(file).ops()).containsExactly(new DropTable(TableName.of("organization"), false));
    assertThat(f.compile(legalCase())).hadErrorContaining(Messages.prefix(Messages.DATA_LOSS) + file);
  }

  @Test
  void chainTableMappedByAnOrmManagedEntityIsReported() throws Exception {
    DriftFixture f = new DriftFixture(temp).seed(BASE_CHAIN);
    JavaFileObject orm = source("LegalCase",
        "@Entity @Table(name = \"legal_case\")",
        "public class LegalCase { @Id Long id; @Column(length = 200, nullable = false) String title; }");
    Map<String, String> before = f.revisionFiles();
    Compilation c = f.compile(orm);
    assertThat(c).hadErrorContaining(Messages.ormTableInChain("legal_case", "m.LegalCase",
        List.of("0001_legal_case.yaml, op 1 (create table legal_case)"))).inFile(orm).onLine(4);
    assertThat(c).hadErrorCount(1);
    assertThat(f.revisionFiles()).isEqualTo(before);
  }

  @Test
  void changedPrimaryKeyIsUnsupportedAndWritesNothing() throws Exception {
    DriftFixture f = new DriftFixture(temp).seed(BASE_CHAIN);
    JavaFileObject rekeyed = source("LegalCase",
        "@io.schemagov.MigrationManaged @Entity @Table(name = \"legal_case\")",
        "public class LegalCase { Long id; @Id @Column(length = 200, nullable = false) String title; }");
    Map<String, String> before = f.revisionFiles();
    Compilation c = f.compile(rekeyed);
    assertThat(c).hadErrorContaining(Messages.prefix(Messages.UNSUPPORTED_DRIFT) + "the entities differ from the revision chain in a way no op expresses: primary key of table legal_case");
    assertThat(c).hadErrorContaining("write that revision by hand");
    assertThat(f.revisionFiles()).isEqualTo(before);
  }

  @Test
  void unwritableDirectoryIsAClearError() throws Exception {
    Path notADirectory = temp.resolve("file");
    Files.writeString(notADirectory, "x");
    DriftFixture f = new DriftFixture(notADirectory);
    Compilation c = f.compile(legalCase());
    assertThat(c).hadErrorContaining(Messages.prefix(Messages.REVISIONS_UNWRITABLE) + "cannot write the proposed revision to "
        + notADirectory.resolve("revisions").resolve("0001_new_table_legal_case.yaml"));
  }
}
