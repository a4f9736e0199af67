package io.schemagov.revision;

import static com.google.common.truth.Truth.assertThat;

import io.schemagov.revision.SchemaDiff.Difference;
import io.schemagov.revision.SchemaDiff.Subject;
import io.schemagov.schema.Column;
import io.schemagov.schema.ColumnType;
import io.schemagov.schema.ColumnType.Kind;
import io.schemagov.schema.ForeignKey;
import io.schemagov.schema.Index;
import io.schemagov.schema.PrimaryKey;
import io.schemagov.schema.Schema;
import io.schemagov.schema.Sequence;
import io.schemagov.schema.Table;
import io.schemagov.schema.TableName;
import io.schemagov.schema.Unique;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaDiffTest {
  private static final TableName CASE = TableName.of("legal_case");
  private static final Schema EXPECTED = InverseTest.BEFORE;

  private static Table caseTable(Schema schema) {
    return schema.table(CASE).orElseThrow();
  }

  private static List<String> descriptions(List<Difference> differences) {
    return differences.stream().map(Difference::description).toList();
  }

  @Test
  void equalSchemasHaveNoDifference() {
    assertThat(SchemaDiff.between(EXPECTED, EXPECTED)).isEmpty();
  }

  @Test
  void namesCompareAsTheDatabaseFoldsThemAndColumnOrderDoesNotCount() {
    Table upper = caseTable(EXPECTED).withColumnRenamed("title", "TITLE");
    List<Column> reversed = new java.util.ArrayList<>(upper.columns());
    java.util.Collections.reverse(reversed);
    Schema actual = EXPECTED.withTable(upper.withColumns(reversed));

    assertThat(SchemaDiff.between(EXPECTED, actual)).isEmpty();
  }

  @Test
  void constraintNamesDoNotCountTheirShapeDoes() {
    Table renamed = caseTable(EXPECTED)
        .withForeignKeys(caseTable(EXPECTED).foreignKeys().stream()
            .map(fk -> new ForeignKey("FKhibernate_" + fk.columns().get(0), fk.columns(),
                fk.referencedTable(), fk.referencedColumns())).toList())
        .withIndexes(List.of(new Index("sqlite_autoindex_1", List.of("title"), false)))
        .withUniques(List.of(new Unique("other_name", List.of("code"))));

    assertThat(SchemaDiff.between(EXPECTED, EXPECTED.withTable(renamed))).isEmpty();
  }

  @Test
  void missingAndExtraTablesAndSequences() {
    Schema actual = EXPECTED.withoutTable(TableName.of("node"))
        .withTable(Table.of(TableName.of("tmp"), List.of(Column.of("id", ColumnType.of(Kind.BIGINT), false)), null))
        .withoutSequence(TableName.of("case_seq"))
        .withSequence(new Sequence(TableName.of("other_seq"), 1, 1));

    List<Difference> differences = SchemaDiff.between(EXPECTED, actual);

    assertThat(descriptions(differences)).containsExactly("missing table node", "extra table tmp",
        "missing sequence case_seq", "extra sequence other_seq").inOrder();
    assertThat(differences.get(0).kind()).isEqualTo(SchemaDiff.Kind.MISSING);
    assertThat(differences.get(0).subject()).isEqualTo(Subject.TABLE);
    assertThat(differences.get(1).kind()).isEqualTo(SchemaDiff.Kind.EXTRA);
  }

  @Test
  void columnsMissingExtraAndChanged() {
    Table table = caseTable(EXPECTED).withColumnRemoved("legacy")
        .withColumnAdded(Column.of("extra", ColumnType.of(Kind.TEXT), true))
        .withColumnReplaced("title", new Column("title", ColumnType.of(Kind.TEXT), true, null, false))
        .withColumnReplaced("owner_id", new Column("owner_id", ColumnType.of(Kind.BIGINT), false, "0", true));

    List<Difference> differences = SchemaDiff.between(EXPECTED, EXPECTED.withTable(table));

    assertThat(descriptions(differences)).containsExactly(
        "column legal_case.title differs: type varchar(100) expected, text found; NOT NULL expected, nullable found; "
            + "default 'untitled' expected, none found",
        "column legal_case.owner_id differs: nullable expected, NOT NULL found; default none expected, 0 found; "
            + "no identity expected, identity found",
        "missing column legal_case.legacy (clob)",
        "extra column legal_case.extra (text)");
    assertThat(differences.get(0).subject()).isEqualTo(Subject.COLUMN);
    assertThat(differences.get(0).kind()).isEqualTo(SchemaDiff.Kind.CHANGED);
    assertThat(differences.get(0).name()).isEqualTo("title");
  }

  @Test
  void aDialectDecidesWhichTypesAgree() {
    Table table = caseTable(EXPECTED).withColumnReplaced("title",
        new Column("title", ColumnType.of(Kind.TEXT), false, "'untitled'", false));

    assertThat(SchemaDiff.between(EXPECTED, EXPECTED.withTable(table), (want, have) -> true)).isEmpty();
  }

  @Test
  void constraintsMissingExtraAndPrimaryKeyChanged() {
    Table table = caseTable(EXPECTED)
        .withPrimaryKey(PrimaryKey.of("id", "org_id"))
        .withForeignKeys(List.of(new ForeignKey("fk_legal_case_org_id", List.of("org_id"), TableName.of("node"),
            List.of("id")), caseTable(EXPECTED).foreignKeys().get(1)))
        .withIndexes(List.of(new Index("ix_legal_case_title", List.of("title"), true)))
        .withUniques(List.of());

    List<Difference> differences = SchemaDiff.between(EXPECTED, EXPECTED.withTable(table));

    assertThat(descriptions(differences)).containsExactly(
        "primary key of legal_case differs: (id) expected, (id, org_id) found",
        "missing foreign key fk_legal_case_org_id on legal_case (org_id) -> organization (id)",
        "extra foreign key fk_legal_case_org_id on legal_case (org_id) -> node (id)",
        "missing index ix_legal_case_title on legal_case (title)",
        "extra index ix_legal_case_title on legal_case unique (title)",
        "missing unique constraint uq_legal_case_code on legal_case (code)").inOrder();
    assertThat(differences.stream().map(Difference::subject).toList()).containsExactly(Subject.PRIMARY_KEY,
        Subject.FOREIGN_KEY, Subject.FOREIGN_KEY, Subject.INDEX, Subject.INDEX, Subject.UNIQUE).inOrder();
  }

  @Test
  void primaryKeyMissingOrExtra() {
    Schema noKey = EXPECTED.withTable(caseTable(EXPECTED).withPrimaryKey(null));

    assertThat(descriptions(SchemaDiff.between(EXPECTED, noKey))).containsExactly("missing primary key (id) on legal_case");
    assertThat(descriptions(SchemaDiff.between(noKey, EXPECTED))).containsExactly("extra primary key (id) on legal_case");
  }

  @Test
  void changedSequence() {
    Schema actual = EXPECTED.withSequence(new Sequence(TableName.of("case_seq"), 1, 1));

    assertThat(descriptions(SchemaDiff.between(EXPECTED, actual))).containsExactly(
        "sequence case_seq differs: start 1 increment 50 expected, start 1 increment 1 found");
  }
}
