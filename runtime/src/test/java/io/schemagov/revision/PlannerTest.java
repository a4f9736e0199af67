package io.schemagov.revision;

import static com.google.common.truth.Truth.assertThat;

import io.schemagov.schema.Column;
import io.schemagov.schema.ColumnType;
import io.schemagov.schema.ForeignKey;
import io.schemagov.schema.Identifiers;
import io.schemagov.schema.Index;
import io.schemagov.schema.Names;
import io.schemagov.schema.PrimaryKey;
import io.schemagov.schema.Schema;
import io.schemagov.schema.Sequence;
import io.schemagov.schema.Table;
import io.schemagov.schema.TableName;
import io.schemagov.schema.Unique;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PlannerTest {
  private static final TableName LEGAL_CASE = TableName.of("legal_case");
  private static final TableName CASE_NOTE = TableName.of("case_note");
  private static final TableName NOTE_AUTHOR = TableName.of("note_author");

  // ---- drift kinds ----

  @Test
  void newTablesAreCreatedReferencedFirst() {
    Table author = table("note_author", column("name", "varchar(100)"));
    Table note = table("case_note", column("legal_case_id", "bigint"), column("note_author_id", "bigint"))
        .withForeignKeys(List.of(fk("case_note", "legal_case_id", "legal_case"),
            fk("case_note", "note_author_id", "note_author")));
    Schema from = schema(legalCase());
    Schema to = schema(legalCase(), note, author);

    Plan plan = plan(from, to, Renames.NONE);

    assertThat(plan.ops()).containsExactly(new CreateTable(author), new CreateTable(note)).inOrder();
    assertThat(plan.differences()).containsExactly("new table case_note", "new table note_author");
  }

  @Test
  void newColumnIsAdded() {
    Column court = column("court", "varchar(80)");
    Schema to = schema(legalCase().withColumnAdded(court));

    Plan plan = plan(schema(legalCase()), to, Renames.NONE);

    assertThat(plan.ops()).containsExactly(new AddColumn(LEGAL_CASE, court));
    assertThat(plan.differences()).containsExactly("new column legal_case.court: varchar(80)");
  }

  @Test
  void droppedColumnIsUnacknowledged() {
    Schema from = schema(legalCase().withColumnAdded(column("court", "varchar(80)")));

    Plan plan = plan(from, schema(legalCase()), Renames.NONE);

    DropColumn drop = new DropColumn(LEGAL_CASE, "court", false);
    assertThat(plan.ops()).containsExactly(drop);
    assertThat(drop.dataLoss(from)).isPresent();
    assertThat(drop.dataLossAcknowledged()).isFalse();
    assertThat(plan.differences()).containsExactly("dropped column legal_case.court");
  }

  @Test
  void widenedLengthNeedsNoAcknowledgement() {
    Schema from = schema(legalCase());
    Column title = Column.of("title", ColumnType.parse("varchar(255)"), false);
    Schema to = schema(legalCase().withColumnReplaced("title", title));

    Plan plan = plan(from, to, Renames.NONE);

    assertThat(plan.ops()).containsExactly(new AlterColumn(LEGAL_CASE, title, false));
    assertThat(plan.ops().get(0).dataLoss(from)).isEmpty();
    assertThat(plan.differences())
        .containsExactly("column legal_case.title: varchar(200) not null -> varchar(255) not null");
  }

  @Test
  void narrowedLengthIsUnacknowledgedDataLoss() {
    Schema from = schema(legalCase());
    Column title = Column.of("title", ColumnType.parse("varchar(100)"), false);
    Schema to = schema(legalCase().withColumnReplaced("title", title));

    Plan plan = plan(from, to, Renames.NONE);

    assertThat(plan.ops()).containsExactly(new AlterColumn(LEGAL_CASE, title, false));
    assertThat(plan.ops().get(0).dataLoss(from)).isPresent();
    assertThat(plan.differences()).containsExactly(
        "column legal_case.title: varchar(200) not null -> varchar(100) not null (narrowing)");
  }

  @Test
  void changedTypeAndNullabilityAreAltered() {
    Table before = legalCase().withColumnAdded(column("fee", "integer"));
    Column fee = Column.of("fee", ColumnType.parse("decimal(12,2)"), false);
    Column title = Column.of("title", ColumnType.parse("varchar(200)"), true);
    Table after = before.withColumnReplaced("fee", fee).withColumnReplaced("title", title);

    Plan plan = plan(schema(before), schema(after), Renames.NONE);

    assertThat(plan.ops()).containsExactly(
        new AlterColumn(LEGAL_CASE, title, false), new AlterColumn(LEGAL_CASE, fee, false)).inOrder();
    assertThat(plan.differences()).containsExactly(
        "column legal_case.title: varchar(200) not null -> varchar(200)",
        "column legal_case.fee: integer -> decimal(12,2) not null (narrowing)").inOrder();
  }

  @Test
  void newAndDroppedForeignKeys() {
    Table noteWithout = table("case_note", column("legal_case_id", "bigint"));
    ForeignKey toCase = fk("case_note", "legal_case_id", "legal_case");
    Table noteWith = noteWithout.withForeignKeys(List.of(toCase));

    Plan added = plan(schema(legalCase(), noteWithout), schema(legalCase(), noteWith), Renames.NONE);
    Plan dropped = plan(schema(legalCase(), noteWith), schema(legalCase(), noteWithout), Renames.NONE);

    assertThat(added.ops()).containsExactly(new AddForeignKey(CASE_NOTE, toCase));
    assertThat(added.differences()).containsExactly(
        "new foreign key case_note.fk_case_note_legal_case_id: (legal_case_id) -> legal_case (id)");
    assertThat(dropped.ops()).containsExactly(new DropForeignKey(CASE_NOTE, toCase.name()));
    assertThat(dropped.differences())
        .containsExactly("dropped foreign key case_note.fk_case_note_legal_case_id");
  }

  @Test
  void changedForeignKeyIsDroppedFirstAndAddedLast() {
    Table author = table("note_author");
    Table note = table("case_note", column("ref_id", "bigint"))
        .withForeignKeys(List.of(new ForeignKey("fk_note_ref", List.of("ref_id"), LEGAL_CASE, List.of("id"))));
    ForeignKey changed = new ForeignKey("fk_note_ref", List.of("ref_id"), NOTE_AUTHOR, List.of("id"));

    Plan plan = plan(schema(legalCase(), author, note),
        schema(legalCase(), author, note.withForeignKeys(List.of(changed))), Renames.NONE);

    assertThat(plan.ops()).containsExactly(new DropForeignKey(CASE_NOTE, "fk_note_ref"),
        new AddForeignKey(CASE_NOTE, changed)).inOrder();
    assertThat(plan.differences()).containsExactly(
        "foreign key case_note.fk_note_ref: (ref_id) -> legal_case (id) -> (ref_id) -> note_author (id)");
  }

  @Test
  void newAndDroppedIndexesAndUniques() {
    Index byTitle = new Index(Names.index(LEGAL_CASE, List.of("title")), List.of("title"), false);
    Unique number = new Unique("uq_legal_case_number", List.of("number"));
    Table plain = legalCase().withColumnAdded(column("number", "varchar(20)"));
    Table indexed = plain.withIndexes(List.of(byTitle)).withUniques(List.of(number));

    Plan added = plan(schema(plain), schema(indexed), Renames.NONE);
    Plan dropped = plan(schema(indexed), schema(plain), Renames.NONE);

    assertThat(added.ops()).containsExactly(new CreateIndex(LEGAL_CASE, byTitle),
        new AddUnique(LEGAL_CASE, number)).inOrder();
    assertThat(added.differences()).containsExactly("new index legal_case.ix_legal_case_title: (title)",
        "new unique legal_case.uq_legal_case_number: (number)").inOrder();
    assertThat(dropped.ops()).containsExactly(new DropIndex(LEGAL_CASE, byTitle.name()),
        new DropUnique(LEGAL_CASE, number.name())).inOrder();
  }

  @Test
  void changedIndexIsRecreatedAndAnIndexOnADroppedColumnGoesFirst() {
    Table before = legalCase().withColumnAdded(column("court", "varchar(80)"))
        .withIndexes(List.of(new Index("ix_case", List.of("title", "court"), false)));
    Index after = new Index("ix_case", List.of("title"), true);
    Table afterTable = legalCase().withIndexes(List.of(after));

    Plan plan = plan(schema(before), schema(afterTable), Renames.NONE);

    assertThat(plan.ops()).containsExactly(new DropIndex(LEGAL_CASE, "ix_case"),
        new DropColumn(LEGAL_CASE, "court", false), new CreateIndex(LEGAL_CASE, after)).inOrder();
  }

  @Test
  void declaredTableRenameKeepsTheRowsAndReferencesFollow() {
    Table matter = table("matter", column("title", "varchar(200)"));
    Table note = table("case_note", column("matter_id", "bigint"))
        .withForeignKeys(List.of(new ForeignKey("fk_note_case", List.of("matter_id"),
            TableName.of("matter"), List.of("id"))));
    Table legalCase = matter.withName(LEGAL_CASE);
    Table noteAfter = note.withForeignKeys(List.of(new ForeignKey("fk_note_case", List.of("matter_id"),
        LEGAL_CASE, List.of("id"))));
    Renames renames = Renames.NONE.withTable(TableName.of("MATTER"), LEGAL_CASE);

    Plan plan = plan(schema(matter, note), schema(legalCase, noteAfter), renames);

    assertThat(plan.ops()).containsExactly(new RenameTable(TableName.of("matter"), "legal_case"));
    assertThat(plan.differences()).containsExactly("table matter renamed to legal_case");
    assertThat(plan.unusedRenames()).isEmpty();
  }

  @Test
  void withoutTheDeclaredRenameTheTableIsDroppedAndCreated() {
    Table matter = table("matter", column("title", "varchar(200)"));
    Table legalCase = matter.withName(LEGAL_CASE);

    Plan plan = plan(schema(matter), schema(legalCase), Renames.NONE);

    assertThat(plan.ops()).containsExactly(new CreateTable(legalCase),
        new DropTable(TableName.of("matter"), false)).inOrder();
  }

  @Test
  void declaredColumnRenameKeepsTheValuesAndItsIndexFollows() {
    Table before = legalCase().withIndexes(List.of(new Index("ix_case_title", List.of("title"), false)));
    Table after = before.withColumnRenamed("title", "headline");
    Renames renames = Renames.NONE.withColumn(LEGAL_CASE, "TITLE", "headline");

    Plan plan = plan(schema(before), schema(after), renames);

    assertThat(plan.ops()).containsExactly(new RenameColumn(LEGAL_CASE, "title", "headline"));
    assertThat(plan.differences()).containsExactly("column legal_case.title renamed to headline");
  }

  @Test
  void renamedTableWithRenamedColumnAndANewTableReusingTheOldName() {
    Table matter = table("matter", column("title", "varchar(200)"));
    Table legalCase = matter.withName(LEGAL_CASE).withColumnRenamed("title", "headline");
    Table newMatter = table("matter", column("kind", "varchar(10)"));
    Renames renames = Renames.NONE.withTable(TableName.of("matter"), LEGAL_CASE)
        .withColumn(LEGAL_CASE, "title", "headline");

    Plan plan = plan(schema(matter), schema(legalCase, newMatter), renames);

    assertThat(plan.ops()).containsExactly(new RenameTable(TableName.of("matter"), "legal_case"),
        new RenameColumn(LEGAL_CASE, "title", "headline"), new CreateTable(newMatter)).inOrder();
  }

  @Test
  void renameWhoseOldNameDoesNotExistIsReported() {
    Table note = table("case_note");
    Column court = column("court", "varchar(80)");
    Renames renames = Renames.NONE.withTable(TableName.of("memo"), CASE_NOTE)
        .withColumn(LEGAL_CASE, "heading", "court")
        .withColumn(CASE_NOTE, "body_text", "id");

    Plan plan = plan(schema(legalCase()), schema(legalCase().withColumnAdded(court), note), renames);

    assertThat(plan.unusedRenames()).containsExactly(renames.tables().get(0), renames.columns().get(1),
        renames.columns().get(0)).inOrder();
    assertThat(plan.ops()).containsExactly(new CreateTable(note), new AddColumn(LEGAL_CASE, court))
        .inOrder();
  }

  @Test
  void renameAlreadyDoneByAnEarlierRevisionIsQuiet() {
    Renames renames = Renames.NONE.withTable(TableName.of("matter"), LEGAL_CASE)
        .withColumn(LEGAL_CASE, "heading", "title");

    Plan plan = plan(schema(legalCase()), schema(legalCase()), renames);

    assertThat(plan.upToDate()).isTrue();
    assertThat(plan.unusedRenames()).isEmpty();
  }

  @Test
  void foreignKeyCycleBetweenNewTablesIsClosedAfterBothExist() {
    Table a = table("case_a", column("case_b_id", "bigint"))
        .withForeignKeys(List.of(fk("case_a", "case_b_id", "case_b")));
    Table b = table("case_b", column("case_a_id", "bigint"))
        .withForeignKeys(List.of(fk("case_b", "case_a_id", "case_a")));

    Plan plan = plan(Schema.EMPTY, schema(a, b), Renames.NONE);

    assertThat(plan.ops()).containsExactly(new CreateTable(b.withForeignKeys(List.of())),
        new CreateTable(a), new AddForeignKey(b.name(), b.foreignKeys().get(0))).inOrder();
  }

  @Test
  void droppedTablesGoReferencingFirst() {
    Table note = table("case_note", column("legal_case_id", "bigint"))
        .withForeignKeys(List.of(fk("case_note", "legal_case_id", "legal_case")));
    Table keep = table("court");

    Plan plan = plan(schema(legalCase(), note, keep), schema(keep), Renames.NONE);

    assertThat(plan.ops()).containsExactly(new DropTable(CASE_NOTE, false),
        new DropTable(LEGAL_CASE, false)).inOrder();
    assertThat(plan.ops().stream().noneMatch(Op::dataLossAcknowledged)).isTrue();
  }

  @Test
  void droppedTablesReferencingEachOtherLoseTheCycleFirst() {
    Table a = table("case_a", column("case_b_id", "bigint"))
        .withForeignKeys(List.of(fk("case_a", "case_b_id", "case_b")));
    Table b = table("case_b", column("case_a_id", "bigint"))
        .withForeignKeys(List.of(fk("case_b", "case_a_id", "case_a")));

    Plan plan = plan(schema(a, b, legalCase()), schema(legalCase()), Renames.NONE);

    assertThat(plan.ops()).containsExactly(new DropForeignKey(b.name(), b.foreignKeys().get(0).name()),
        new DropTable(a.name(), false), new DropTable(b.name(), false)).inOrder();
  }

  @Test
  void tableLeftToTheOrmKeepsItsIncomingForeignKeyAsAnExternalOne() {
    Table note = table("case_note", column("legal_case_id", "bigint"))
        .withForeignKeys(List.of(fk("case_note", "legal_case_id", "legal_case")));
    ForeignKey toCase = note.foreignKeys().get(0);

    Plan plan = plan(schema(legalCase(), note), schema(note), Renames.NONE);

    assertThat(plan.ops()).containsExactly(new DropForeignKey(CASE_NOTE, toCase.name()),
        new DropTable(LEGAL_CASE, false), new AddForeignKey(CASE_NOTE, toCase)).inOrder();
  }

  @Test
  void retypedKeyColumnStepsItsForeignKeysAside() {
    Table note = table("case_note", column("legal_case_id", "integer"))
        .withForeignKeys(List.of(fk("case_note", "legal_case_id", "legal_case")));
    Column wider = column("legal_case_id", "bigint");
    Table after = note.withColumnReplaced("legal_case_id", wider);
    ForeignKey toCase = note.foreignKeys().get(0);

    Plan plan = plan(schema(legalCase(), note), schema(legalCase(), after), Renames.NONE);

    assertThat(plan.ops()).containsExactly(new DropForeignKey(CASE_NOTE, toCase.name()),
        new AlterColumn(CASE_NOTE, wider, false), new AddForeignKey(CASE_NOTE, toCase)).inOrder();
    assertThat(plan.differences())
        .containsExactly("column case_note.legal_case_id: integer -> bigint");
  }

  @Test
  void newTableReferencingANewColumnGetsItsForeignKeyLast() {
    Table before = legalCase();
    Table after = legalCase().withColumnAdded(Column.of("number", ColumnType.parse("varchar(20)"), false))
        .withUniques(List.of(new Unique("uq_case_number", List.of("number"))));
    ForeignKey byNumber = new ForeignKey("fk_note_number", List.of("case_number"), LEGAL_CASE,
        List.of("number"));
    Table note = table("case_note", column("case_number", "varchar(20)"))
        .withForeignKeys(List.of(byNumber));

    Plan plan = plan(schema(before), schema(after, note), Renames.NONE);

    assertThat(plan.ops()).containsExactly(new CreateTable(note.withForeignKeys(List.of())),
        new AddColumn(LEGAL_CASE, after.columns().get(2)),
        new AddUnique(LEGAL_CASE, after.uniques().get(0)),
        new AddForeignKey(CASE_NOTE, byNumber)).inOrder();
  }

  @Test
  void indexNameOfADroppedTableCanBeReused() {
    Index old = new Index("ix_title", List.of("title"), false);
    Table matter = table("matter", column("title", "varchar(10)")).withIndexes(List.of(old));
    Table withIndex = legalCase().withIndexes(List.of(old));

    Plan plan = plan(schema(matter), schema(withIndex), Renames.NONE);

    assertThat(plan.ops()).containsExactly(new DropIndex(TableName.of("matter"), "ix_title"),
        new CreateTable(withIndex), new DropTable(TableName.of("matter"), false)).inOrder();
  }

  @Test
  void sequencesAreCreatedAndDropped() {
    Sequence caseSeq = new Sequence(TableName.of("legal_case_seq"), 1, 50);
    Sequence oldSeq = new Sequence(TableName.of("matter_seq"), 1, 50);
    Schema from = Schema.of(List.of(legalCase()), List.of(oldSeq));
    Schema to = Schema.of(List.of(legalCase()), List.of(caseSeq));

    Plan plan = plan(from, to, Renames.NONE);

    assertThat(plan.ops()).containsExactly(new CreateSequence(caseSeq), new DropSequence(oldSeq.name()))
        .inOrder();
    assertThat(plan.differences()).containsExactly("new sequence legal_case_seq: start 1, increment 50",
        "dropped sequence matter_seq").inOrder();
  }

  // ---- what no op expresses ----

  @Test
  void changedPrimaryKeyIsUnsupported() {
    Table composite = legalCase().withPrimaryKey(PrimaryKey.of("id", "title"));

    Plan plan = Planner.plan(schema(legalCase()), schema(composite), Renames.NONE);

    assertThat(plan.ops()).isEmpty();
    assertThat(plan.upToDate()).isFalse();
    assertThat(plan.unsupported()).hasSize(1);
    assertThat(plan.unsupported().get(0)).startsWith("primary key of table legal_case: (id) -> (id, title)");
  }

  @Test
  void changedSequenceIsUnsupported() {
    Schema from = Schema.of(List.of(), List.of(new Sequence(TableName.of("s"), 1, 1)));
    Schema to = Schema.of(List.of(), List.of(new Sequence(TableName.of("s"), 1, 50)));

    Plan plan = Planner.plan(from, to, Renames.NONE);

    assertThat(plan.ops()).isEmpty();
    assertThat(plan.unsupported()).hasSize(1);
  }

  // ---- stability ----

  @Test
  void sameSchemaPlansNothingEvenWhenSpelledDifferently() {
    Table shouting = new Table(TableName.of("LEGAL_CASE"),
        List.of(Column.of("ID", ColumnType.parse("bigint"), false),
            Column.of("Title", ColumnType.parse("varchar(200)"), false)),
        PrimaryKey.of("Id"), List.of(), List.of(), List.of());

    Plan plan = Planner.plan(schema(legalCase()), schema(shouting), Renames.NONE);

    assertThat(plan.upToDate()).isTrue();
    assertThat(plan.differences()).isEmpty();
  }

  @Test
  void samePlanEveryTimeAndWhateverTheColumnOrder() {
    Table note = table("case_note", column("legal_case_id", "bigint"), column("body", "text"))
        .withForeignKeys(List.of(fk("case_note", "legal_case_id", "legal_case")));
    Table reordered = note.withColumns(List.of(note.columns().get(2), note.columns().get(0),
        note.columns().get(1)));
    Schema from = schema(legalCase(), table("court"));
    Schema to = schema(legalCase().withColumnAdded(column("court_id", "bigint")), note);

    assertThat(Planner.plan(from, to, Renames.NONE)).isEqualTo(Planner.plan(from, to, Renames.NONE));
    assertThat(Planner.plan(schema(legalCase(), note), schema(legalCase(), reordered), Renames.NONE)
        .upToDate()).isTrue();
  }

  // ---- helpers ----

  /** Plans, then checks the ops bring {@code from} to {@code to} and their inverses bring it back. */
  private static Plan plan(Schema from, Schema to, Renames renames) {
    Plan plan = Planner.plan(from, to, renames);
    assertThat(plan.unsupported()).isEmpty();
    List<Schema> before = new ArrayList<>();
    Schema state = from;
    for (Op op : plan.ops()) {
      before.add(state);
      state = op.apply(state);
    }
    assertSameSchema(state, to);
    for (int i = plan.ops().size() - 1; i >= 0; i--) {
      state = plan.ops().get(i).inverse(before.get(i)).apply(state);
    }
    assertSameSchema(state, from);
    return plan;
  }

  /** Equal as the database sees them: names by key, columns in any order. */
  private static void assertSameSchema(Schema actual, Schema expected) {
    assertThat(describe(actual)).isEqualTo(describe(expected));
  }

  private static String describe(Schema schema) {
    StringBuilder out = new StringBuilder();
    for (Table t : schema.tables().values()) {
      out.append("table ").append(t.name().key()).append('\n');
      sorted(t.columns(), Column::name, c -> "  column " + key(c.name()) + " " + c.type() + " null="
          + c.nullable() + " default=" + c.defaultValue() + " identity=" + c.identity(), out);
      out.append("  pk ").append(t.primaryKey() == null ? "none" : keys(t.primaryKey().columns())).append('\n');
      sorted(t.foreignKeys(), ForeignKey::name, fk -> "  fk " + key(fk.name()) + " " + keys(fk.columns())
          + " -> " + fk.referencedTable().key() + " " + keys(fk.referencedColumns()), out);
      sorted(t.indexes(), Index::name, ix -> "  index " + key(ix.name()) + " " + keys(ix.columns())
          + " unique=" + ix.unique(), out);
      sorted(t.uniques(), Unique::name, uq -> "  unique " + key(uq.name()) + " " + keys(uq.columns()), out);
    }
    schema.sequences().values().forEach(s -> out.append("sequence ").append(s.name().key())
        .append(' ').append(s.start()).append(' ').append(s.increment()).append('\n'));
    return out.toString();
  }

  private static <T> void sorted(List<T> items, Function<T, String> name, Function<T, String> line,
      StringBuilder out) {
    items.stream().sorted(Comparator.comparing(i -> key(name.apply(i))))
        .forEach(i -> out.append(line.apply(i)).append('\n'));
  }

  private static String key(String name) {
    return Identifiers.key(name);
  }

  private static String keys(List<String> names) {
    return names.stream().map(Identifiers::key).collect(Collectors.joining(",", "(", ")"));
  }

  private static Table legalCase() {
    return table("legal_case", Column.of("title", ColumnType.parse("varchar(200)"), false));
  }

  private static Table table(String name, Column... columns) {
    List<Column> all = new ArrayList<>();
    all.add(Column.of("id", ColumnType.parse("bigint"), false));
    all.addAll(List.of(columns));
    return Table.of(TableName.of(name), all, PrimaryKey.of("id"));
  }

  private static Column column(String name, String type) {
    return Column.of(name, ColumnType.parse(type), true);
  }

  private static ForeignKey fk(String table, String column, String referenced) {
    return new ForeignKey(Names.foreignKey(TableName.of(table), List.of(column)), List.of(column),
        TableName.of(referenced), List.of("id"));
  }

  private static Schema schema(Table... tables) {
    return Schema.of(List.of(tables), List.of());
  }
}
