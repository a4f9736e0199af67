package io.schemagov.revision;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.schemagov.schema.Column;
import io.schemagov.schema.ColumnType;
import io.schemagov.schema.ColumnType.Kind;
import io.schemagov.schema.ForeignKey;
import io.schemagov.schema.Index;
import io.schemagov.schema.PrimaryKey;
import io.schemagov.schema.Sequence;
import io.schemagov.schema.Table;
import io.schemagov.schema.TableName;
import io.schemagov.schema.Unique;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RevisionFilesTest {
  private static final TableName CASE = TableName.of("legal_case");
  private static final TableName AUDIT = new TableName("audit", "entry");

  /** One op of every kind, with names both derived and given, flags both set and not. */
  static final List<Op> EVERY_OP = List.of(
      new CreateTable(new Table(AUDIT,
          List.of(new Column("id", ColumnType.of(Kind.BIGINT), false, null, true),
              new Column("case_id", ColumnType.of(Kind.BIGINT), true, null, false),
              new Column("note", ColumnType.sized(Kind.VARCHAR, 200), false, "'none'", false),
              new Column("amount", ColumnType.decimal(19, 4), true, "0.50", false),
              new Column("\"Order\"", ColumnType.of(Kind.INTEGER), true, "0", false)),
          PrimaryKey.of("id"),
          List.of(new ForeignKey("fk_entry_case_id", List.of("case_id"), CASE, List.of("id")),
              new ForeignKey("fk_custom", List.of("\"Order\""), TableName.of("orders"), List.of("id"))),
          List.of(new Index("ix_entry_note", List.of("note"), false),
              new Index("ix_unique_amount", List.of("amount"), true)),
          List.of(new Unique("uq_entry_case_id_note", List.of("case_id", "note"))))),
      new DropTable(CASE, true),
      new DropTable(CASE, false),
      new RenameTable(AUDIT, "entries"),
      new AddColumn(CASE, new Column("status", ColumnType.sized(Kind.VARCHAR, 32), true, null, false)),
      new DropColumn(CASE, "legacy", true),
      new RenameColumn(CASE, "title", "headline"),
      new AlterColumn(CASE, new Column("title", ColumnType.of(Kind.TEXT), false, "'x'", false), false),
      new AlterColumn(CASE, Column.of("title", ColumnType.sized(Kind.VARCHAR, 10), true), true),
      new CreateIndex(CASE, new Index("ix_legal_case_title", List.of("title"), false)),
      new CreateIndex(CASE, new Index("by_title", List.of("title", "id"), true)),
      new DropIndex(CASE, "by_title"),
      new AddUnique(CASE, new Unique("uq_legal_case_code", List.of("code"))),
      new DropUnique(CASE, "uq_legal_case_code"),
      new AddForeignKey(CASE, new ForeignKey("fk_case_owner", List.of("owner_id"), TableName.of("users"), List.of("id"))),
      new DropForeignKey(CASE, "fk_case_owner"),
      new CreateSequence(new Sequence(TableName.of("case_seq"), 1, 50)),
      new DropSequence(TableName.of("case_seq")),
      new ExecuteSql("UPDATE legal_case\nSET status = 'open';", "UPDATE legal_case SET status = NULL"));

  @Test
  void everyOpRoundTripsThroughYaml() {
    Revision revision = new Revision("0007", "0006", "Every op: kinds, names, flags", EVERY_OP,
        "0007_every_op_kinds_names_flags.yaml");

    String yaml = RevisionFiles.write(revision);

    assertThat(RevisionFiles.parse(RevisionFiles.fileName(revision), yaml)).isEqualTo(revision);
    assertThat(RevisionFiles.write(RevisionFiles.parse(RevisionFiles.fileName(revision), yaml))).isEqualTo(yaml);
  }

  @Test
  void eachOpAloneRoundTrips() {
    for (Op op : EVERY_OP) {
      Revision revision = new Revision("0001", null, "one", List.of(op), "0001_one.yaml");
      assertThat(RevisionFiles.parse("0001_one.yaml", RevisionFiles.write(revision))).isEqualTo(revision);
    }
  }

  @Test
  void writtenFileIsReadableAndLeavesDerivedNamesOut() {
    String yaml = RevisionFiles.write(new Revision("0002", "0001", "Events", EVERY_OP.subList(0, 1), null));

    assertThat(yaml).startsWith("revision: \"0002\"\nparent: \"0001\"\nmessage: Events\nops:\n  - create_table:\n");
    assertThat(yaml).contains("name: audit.entry");
    assertThat(yaml).contains("default: \"'none'\"");
    assertThat(yaml).contains("name: fk_custom");
    assertThat(yaml).contains("name: ix_unique_amount");
    assertThat(yaml).doesNotContain("fk_entry_case_id");
    assertThat(yaml).doesNotContain("ix_entry_note");
    assertThat(yaml).doesNotContain("uq_entry_case_id_note");
    assertThat(yaml).doesNotContain("acknowledge_data_loss");
  }

  @Test
  void rootIsWrittenWithExplicitNullParent() {
    String yaml = RevisionFiles.write(new Revision("0001", null, "First", List.of(), null));

    assertThat(yaml).isEqualTo("revision: \"0001\"\nparent: null\nmessage: First\nops: []\n");
    assertThat(RevisionFiles.parse("0001_first.yaml", yaml).parent()).isNull();
  }

  @Test
  void derivesConstraintAndIndexNamesWhenTheFileGivesNone() {
    Revision revision = RevisionFiles.parse("0001_case_organization.yaml", Fixtures.R1);
    Table legalCase = ((CreateTable) revision.ops().get(1)).table();

    assertThat(legalCase.foreignKeys().stream().map(ForeignKey::name).toList())
        .containsExactly("fk_legal_case_organization_id", "fk_legal_case_created_by").inOrder();
    assertThat(legalCase.indexes().get(0).name()).isEqualTo("ix_legal_case_title");
  }

  @Test
  void dropsMayNameTheObjectByItsColumns() {
    Revision revision = RevisionFiles.parse("0004_drops.yaml", """
        revision: "0004"
        parent: "0003"
        ops:
          - drop_index: {table: legal_case, columns: [title]}
          - drop_unique: {table: events, columns: [case_id, seq]}
          - drop_foreign_key: {table: events, columns: [case_id]}
        """);

    assertThat(revision.ops()).containsExactly(
        new DropIndex(CASE, "ix_legal_case_title"),
        new DropUnique(TableName.of("events"), "uq_events_case_id_seq"),
        new DropForeignKey(TableName.of("events"), "fk_events_case_id")).inOrder();
  }

  @Test
  void unquotedIdKeepsItsZerosAndDefaultsStayAsWritten() {
    Revision revision = RevisionFiles.parse("0002_x.yaml", """
        revision: 0002
        parent: 0001
        message: x
        ops:
          - add_column: {table: t, column: {name: price, type: "decimal(10,2)", default: 0.50}}
          - add_column: {table: t, column: {name: flag, type: boolean, nullable: false, default: false}}
        """);

    assertThat(revision.id()).isEqualTo("0002");
    assertThat(revision.parent()).isEqualTo("0001");
    assertThat(((AddColumn) revision.ops().get(0)).column().defaultValue()).isEqualTo("0.50");
    assertThat(((AddColumn) revision.ops().get(1)).column().defaultValue()).isEqualTo("false");
    assertThat(((AddColumn) revision.ops().get(0)).column().nullable()).isTrue();
  }

  @Test
  void invalidYamlNamesFileAndLine() {
    ChainException e = assertThrows(ChainException.class, () -> RevisionFiles.parse("0003_x.yaml", """
        revision: "0003"
        parent: "0002"
        ops:
          - drop_index: {table: t, name: ix
          - drop_index: {table: t, name: iy}
        """));

    Problem problem = e.problems().get(0);
    assertThat(problem.source()).isEqualTo("0003_x.yaml");
    assertThat(problem.line()).isEqualTo(5);
    assertThat(problem.toString()).startsWith("0003_x.yaml:5: invalid YAML: ");
  }

  @Test
  void duplicateKeyIsRefusedWithItsLine() {
    ChainException e = assertThrows(ChainException.class, () -> RevisionFiles.parse("0003_x.yaml",
        "revision: \"0003\"\nparent: \"0002\"\nparent: \"0001\"\nops: []\n"));

    assertThat(e.problems().get(0).line()).isEqualTo(3);
    assertThat(e.getMessage()).contains("Duplicate field 'parent'");
  }

  @Test
  void everyBadOpOfAFileIsReportedWithIndexLineAndRemedy() {
    ChainException e = assertThrows(ChainException.class, () -> RevisionFiles.parse("0003_x.yaml", """
        revision: "0003"
        parent: "0002"
        ops:
          - rename_tabel: {table: a, to: b}
          - add_column: {table: legal_case, column: {name: "x; DROP TABLE y", type: bigint}}
          - drop_column: {table: legal_case}
          - drop_table: {name: legal_case}
          - add_column: {table: legal_case, column: {name: price, type: decimal(10,2)}}
          - sql: {up: "DELETE FROM t"}
          - {}
        """));

    List<Problem> problems = e.problems();
    assertThat(problems.stream().map(Problem::op).toList()).containsExactly(1, 2, 3, 4, 5, 6, 7).inOrder();
    assertThat(problems.stream().map(Problem::line).toList()).containsExactly(4, 5, 6, 7, 8, 9, 10).inOrder();
    assertThat(problems.get(0).message()).contains("unknown op 'rename_tabel'; known ops: create_table, drop_table, rename_table");
    assertThat(problems.get(1).message()).contains("'x; DROP TABLE y' is not a valid identifier; use letters, digits and '_'");
    assertThat(problems.get(2).message()).isEqualTo("drop_column is missing 'column'");
    assertThat(problems.get(3).message()).isEqualTo("unknown field 'name' in drop_table; expected [table, acknowledge_data_loss]");
    assertThat(problems.get(4).message()).contains("quote a type such as type: \"decimal(10,2)\"");
    assertThat(problems.get(5).message()).contains("sql op has no 'down'");
    assertThat(problems.get(6).message()).contains("an op is a mapping with one key");
    assertThat(problems.get(1).toString()).startsWith("0003_x.yaml:5, op 2 (add_column): ");
  }

  @Test
  void aDefaultThatIsNotOneExpressionIsRefusedWithFileAndOp() {
    ChainException e = assertThrows(ChainException.class, () -> RevisionFiles.parse("0003_x.yaml", """
        revision: "0003"
        parent: "0002"
        ops:
          - add_column: {table: t, column: {name: a, type: integer, default: "0, extra integer"}}
          - add_column: {table: t, column: {name: b, type: integer, default: "0) , CHECK (1 = 1"}}
          - add_column: {table: t, column: {name: c, type: "varchar(10)", default: "'a;b'"}}
        """));

    List<Problem> problems = e.problems();
    assertThat(problems.stream().map(Problem::op).toList()).containsExactly(1, 2).inOrder();
    assertThat(problems.get(0).toString()).startsWith("0003_x.yaml:4, op 1 (add_column): default of column a");
    assertThat(problems.get(0).message()).contains("',' outside parentheses");
    assertThat(problems.get(1).toString()).startsWith("0003_x.yaml:5, op 2 (add_column): default of column b");
    assertThat(problems.get(1).message()).contains("')' has no '('");
  }

  @Test
  void injectionInATableNameIsRefused() {
    ChainException e = assertThrows(ChainException.class, () -> RevisionFiles.parse("0001_x.yaml",
        "revision: \"0001\"\nparent: null\nops:\n  - drop_table: {table: \"t; DROP TABLE users --\", acknowledge_data_loss: true}\n"));

    assertThat(e.problems().get(0).message()).contains("is not a valid identifier");
  }

  @Test
  void fileNameAndIdMustAgree() {
    ChainException e = assertThrows(ChainException.class, () -> RevisionFiles.parse("0004_events.yaml",
        "revision: \"0003\"\nparent: \"0002\"\nops: []\n"));

    assertThat(e.problems().get(0).message()).isEqualTo("revision \"0003\" differs from the id 0004 in the "
        + "file name; make them equal (rename the file or change revision)");
  }

  @Test
  void fileNameMustStartWithANumericId() {
    ChainException e = assertThrows(ChainException.class, () -> RevisionFiles.parse("events.yaml",
        "revision: \"0003\"\nparent: \"0002\"\nops: []\n"));

    assertThat(e.problems().get(0).message()).contains("must be <id>_<slug>.yaml");
  }

  @Test
  void missingFieldsAndUnknownKeysAreNamed() {
    ChainException e = assertThrows(ChainException.class, () -> RevisionFiles.parse("0003_x.yaml",
        "parent: \"0002\"\nmesage: typo\n"));

    assertThat(e.problems().stream().map(Problem::message).toList()).containsExactly(
        "unknown key 'mesage'; a revision file holds revision, parent, message, ops",
        "missing 'revision'; write revision: \"0003\"",
        "missing 'ops'; write ops: [] for a revision without schema changes").inOrder();
  }

  @Test
  void emptyFileIsRefused() {
    ChainException e = assertThrows(ChainException.class, () -> RevisionFiles.parse("0003_x.yaml", ""));

    assertThat(e.problems().get(0).message()).contains("the file is empty");
  }

  @Test
  void readingADirectoryCollectsTheProblemsOfEveryFile(@TempDir Path dir) throws Exception {
    Fixtures.chainDirectory(dir);
    Fixtures.write(dir, "0004_bad.yaml", "revision: \"0004\"\nparent: \"0003\"\nops:\n  - nope: {}\n");
    Fixtures.write(dir, "0005_worse.yaml", "revision: [\n");
    Fixtures.write(dir, "README.md", "not a revision");

    ChainException e = assertThrows(ChainException.class, () -> RevisionFiles.read(dir));

    assertThat(e.problems().stream().map(Problem::source).distinct().toList())
        .containsExactly("0004_bad.yaml", "0005_worse.yaml").inOrder();
  }

  @Test
  void manyFilesAreReadInFileOrderWithTheirProblemsInFileOrder(@TempDir Path dir) throws Exception {
    // Enough files that reading them in parallel splits the work; the result must not show it.
    for (int k = 1; k <= 64; k++) {
      String id = String.format("%04d", k);
      String parent = k == 1 ? "null" : String.format("\"%04d\"", k - 1);
      Fixtures.write(dir, id + "_r.yaml", k % 16 == 0 ? "revision: [\n"
          : "revision: \"" + id + "\"\nparent: " + parent + "\nmessage: r" + k + "\nops: []\n");
    }

    ChainException e = assertThrows(ChainException.class, () -> RevisionFiles.read(dir));
    assertThat(e.problems().stream().map(Problem::source).distinct().toList())
        .containsExactly("0016_r.yaml", "0032_r.yaml", "0048_r.yaml", "0064_r.yaml").inOrder();

    for (int k = 16; k <= 64; k += 16) {
      Files.delete(dir.resolve(String.format("%04d_r.yaml", k)));
    }
    assertThat(RevisionFiles.read(dir).stream().map(Revision::message).toList())
        .isEqualTo(IntStream.rangeClosed(1, 64).filter(k -> k % 16 != 0).mapToObj(k -> "r" + k).toList());
  }

  @Test
  void writesIntoADirectoryUnderTheDerivedFileName(@TempDir Path dir) throws Exception {
    Revision revision = new Revision("0005", "0004", "Add case status & priority!", List.of(), null);

    Path file = RevisionFiles.write(dir, revision);

    assertThat(file.getFileName().toString()).isEqualTo("0005_add_case_status_priority.yaml");
    assertThat(RevisionFiles.read(dir)).containsExactly(
        new Revision("0005", "0004", "Add case status & priority!", List.of(), file.getFileName().toString()));
    assertThat(Files.readString(file)).isEqualTo(RevisionFiles.write(revision));
  }

  @Test
  void slugIsShortAndPlain() {
    assertThat(RevisionFiles.slug("Events (UUID PK), CameraSyncGroup, EventEvidence and much more text"))
        .isEqualTo("events_uuid_pk_camerasyncgroup");
    assertThat(RevisionFiles.slug(null)).isEqualTo("revision");
    assertThat(RevisionFiles.slug("---")).isEqualTo("revision");
  }
}
