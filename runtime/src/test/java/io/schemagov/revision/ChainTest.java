package io.schemagov.revision;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.schemagov.schema.Column;
import io.schemagov.schema.ColumnType;
import io.schemagov.schema.ColumnType.Kind;
import io.schemagov.schema.Schema;
import io.schemagov.schema.TableName;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChainTest {
  private static final TableName CASE = TableName.of("legal_case");

  private static Revision revision(String id, String parent, String file, Op... ops) {
    return new Revision(id, parent, "m", List.of(ops), file);
  }

  private static Revision parse(String file, String yaml) {
    return RevisionFiles.parse(file, yaml);
  }

  private static List<Revision> fixtures() {
    return List.of(parse("0003_case_status.yaml", Fixtures.R3), parse("0001_case_organization.yaml", Fixtures.R1),
        parse("0002_events.yaml", Fixtures.R2));
  }

  private static List<String> messages(ChainException e) {
    return e.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void loadsADirectoryRootFirstAndReplaysToTheHead(@TempDir Path dir) throws Exception {
    Chain chain = Chain.load(Fixtures.chainDirectory(dir));

    assertThat(chain.revisions().stream().map(Revision::id).toList()).containsExactly("0001", "0002", "0003").inOrder();
    assertThat(chain.head()).isEqualTo("0003");
    Schema head = chain.replay();
    assertThat(head.tables().keySet()).containsExactly("events", "legal_case", "organization");
    assertThat(head.table(CASE).get().column("status")).isPresent();
    assertThat(head.table(CASE).get().column("legacy")).isEmpty();
    assertThat(head.sequence(TableName.of("events_seq")).get().increment()).isEqualTo(50);
    assertThat(chain.schemaAt("0001").tables().keySet()).containsExactly("legal_case", "organization");
    assertThat(chain.schemaAt(Chain.BASE)).isEqualTo(Schema.EMPTY);
  }

  @Test
  void emptyChainIsAtBase() {
    Chain chain = Chain.of(List.of());

    assertThat(chain.head()).isEqualTo(Chain.BASE);
    assertThat(chain.replay()).isEqualTo(Schema.EMPTY);
    assertThat(chain.resolve("head", "base")).isEqualTo("base");
  }

  @Test
  void upgradeStepsCarryTheSchemaBeforeEachOp() {
    Chain chain = Chain.of(fixtures());

    List<Step> steps = chain.upgradeSteps("0003");

    assertThat(steps).hasSize(4);
    assertThat(steps.get(0).before()).isEqualTo(chain.schemaAt("0002"));
    assertThat(steps.get(1).before()).isEqualTo(steps.get(0).after());
    assertThat(steps.get(3).after()).isEqualTo(chain.schemaAt("0003"));
  }

  @Test
  void downgradeStepsAreTheDerivedInversesInReverseOrder() {
    Chain chain = Chain.of(fixtures());

    List<Step> steps = chain.downgradeSteps("0003");

    assertThat(steps.stream().map(s -> s.op().describe()).toList()).containsExactly(
        "sql UPDATE legal_case SET status = NULL",
        "add column legal_case.legacy",
        "alter column legal_case.title",
        "drop column legal_case.status").inOrder();
    Schema state = chain.schemaAt("0003");
    for (Step step : steps) {
      assertThat(step.before()).isEqualTo(state);
      state = step.after();
    }
    assertThat(state.table(CASE).get().column("title").get().type()).isEqualTo(ColumnType.sized(Kind.VARCHAR, 100));
    assertThat(state.tables()).isEqualTo(withColumnOrderOf(chain.schemaAt("0002"), state).tables());
  }

  /** {@code schema} with each table's columns in {@code order}'s order: a re-added column comes last. */
  private static Schema withColumnOrderOf(Schema schema, Schema order) {
    return schema.mapTables(t -> t.withColumns(order.table(t.name()).get().columns().stream()
        .map(c -> t.column(c.name()).orElseThrow()).toList()));
  }

  @Test
  void betweenListsWhatToApplyOrRevert() {
    Chain chain = Chain.of(fixtures());

    assertThat(ids(chain.between("base", "0003"))).containsExactly("0001", "0002", "0003").inOrder();
    assertThat(ids(chain.between("0001", "0003"))).containsExactly("0002", "0003").inOrder();
    assertThat(ids(chain.between("0003", "0001"))).containsExactly("0003", "0002").inOrder();
    assertThat(ids(chain.between("0002", "base"))).containsExactly("0002", "0001").inOrder();
    assertThat(chain.between("0002", "0002")).isEmpty();
  }

  private static List<String> ids(List<Revision> revisions) {
    return revisions.stream().map(Revision::id).toList();
  }

  @Test
  void resolvesTargets() {
    Chain chain = Chain.of(fixtures());

    assertThat(chain.resolve("head", "base")).isEqualTo("0003");
    assertThat(chain.resolve("base", "0003")).isEqualTo("base");
    assertThat(chain.resolve("0002", "base")).isEqualTo("0002");
    assertThat(chain.resolve("+1", "base")).isEqualTo("0001");
    assertThat(chain.resolve("+2", "0001")).isEqualTo("0003");
    assertThat(chain.resolve("-1", "0003")).isEqualTo("0002");
    assertThat(chain.resolve("-1", "0001")).isEqualTo("base");
  }

  @Test
  void unknownOrUnreachableTargetsSayWhatExists() {
    Chain chain = Chain.of(fixtures());

    assertThat(assertThrows(TargetException.class, () -> chain.resolve("0009", "0001")).getMessage())
        .isEqualTo("unknown revision '0009'; the chain has: 0001, 0002, 0003 (head 0003); or use head, base, +N, -N");
    assertThat(assertThrows(TargetException.class, () -> chain.resolve("+3", "0001")).getMessage())
        .isEqualTo("cannot go +3 from 0001: only 2 revision(s) above it (head is 0003)");
    assertThat(assertThrows(TargetException.class, () -> chain.resolve("-2", "0001")).getMessage())
        .isEqualTo("cannot go -2 from 0001: only 1 revision(s) below it down to base");
    assertThat(assertThrows(TargetException.class, () -> chain.resolve("head", "0042")).getMessage())
        .startsWith("unknown revision '0042'");
    assertThrows(TargetException.class, () -> chain.schemaAt("nope"));
  }

  @Test
  void unknownIdInALongChainListsTheNearbyIds() {
    List<Revision> revisions = new java.util.ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      revisions.add(revision(String.format("%04d", i), i == 1 ? null : String.format("%04d", i - 1), null));
    }
    Chain chain = Chain.of(revisions);

    assertThat(assertThrows(TargetException.class, () -> chain.resolve("0031", "0001")).getMessage())
        .isEqualTo("unknown revision '0031'; nearby: 0016, 0017, 0018, 0019, 0020 (head 0020); or use head, base, +N, -N");
  }

  @Test
  void branchNamesBothHeadsAndFiles() {
    ChainException e = assertThrows(ChainException.class, () -> Chain.of(List.of(
        revision("0001", null, "0001_a.yaml"),
        revision("0002", "0001", "0002_a.yaml"),
        revision("0003", "0002", "0003_a.yaml"),
        revision("0004", "0003", "0004_a.yaml"),
        revision("0005", "0002", "0005_b.yaml"))));

    assertThat(messages(e)).containsExactly("0005_b.yaml: branch: 0003 (0003_a.yaml) and 0005 (0005_b.yaml) "
        + "all have parent 0002, so the chain has heads 0004 (0004_a.yaml) and 0005 (0005_b.yaml); keep the "
        + "chain linear (policy rule 6): set the parent of 0005_b.yaml to 0004");
  }

  @Test
  void branchFromDirectoryWithSameIdReportsDuplicateAndBranch(@TempDir Path dir) throws Exception {
    Fixtures.chainDirectory(dir);
    Fixtures.write(dir, "0003_other.yaml", "revision: \"0003\"\nparent: \"0002\"\nops: []\n");

    ChainException e = assertThrows(ChainException.class, () -> Chain.load(dir));

    assertThat(messages(e)).containsExactly(
        "0003_other.yaml: revision id 0003 is also the id of 0003_case_status.yaml; give one of them the next free id",
        "0003_other.yaml: branch: 0003 (0003_case_status.yaml) and 0003 (0003_other.yaml) all have parent 0002, "
            + "so the chain has heads 0003 (0003_case_status.yaml) and 0003 (0003_other.yaml); keep the chain "
            + "linear (policy rule 6): set the parent of 0003_other.yaml to 0003").inOrder();
  }

  @Test
  void missingParentTwoRootsAndBadIdAreReportedTogether() {
    ChainException e = assertThrows(ChainException.class, () -> Chain.of(List.of(
        revision("0001", null, "0001_a.yaml"),
        revision("0002", "0009", "0002_a.yaml"),
        revision("0003", null, "0003_a.yaml"),
        revision("x1", "0001", "x1.yaml"))));

    assertThat(messages(e)).containsExactly(
        "x1.yaml: revision id 'x1' is not a zero-padded number; write e.g. revision: \"0002\"",
        "0002_a.yaml: parent 0009 does not exist; set parent to an existing revision (known: 0001, 0002, 0003)",
        "0003_a.yaml: two roots: 0001 (0001_a.yaml) and 0003 (0003_a.yaml) have no parent; only the first "
            + "revision may have parent: null, set the parent of the others").inOrder();
  }

  @Test
  void cycleIsReported() {
    ChainException e = assertThrows(ChainException.class, () -> Chain.of(List.of(
        revision("0001", null, "0001_a.yaml"),
        revision("0002", "0003", "0002_a.yaml"),
        revision("0003", "0002", "0003_a.yaml"))));

    assertThat(messages(e)).containsExactly("0002_a.yaml: cycle: 0002 -> 0003 -> 0002 (files 0002_a.yaml, "
        + "0003_a.yaml); one revision of the cycle must have the head of the chain below it as parent");
  }

  @Test
  void chainWithoutRootIsReported() {
    ChainException e = assertThrows(ChainException.class, () -> Chain.of(List.of(
        revision("0001", "0002", "0001_a.yaml"), revision("0002", "0001", "0002_a.yaml"))));

    assertThat(messages(e).get(0)).isEqualTo("<chain>: no root revision: every revision has a parent; the first "
        + "revision must have parent: null");
    assertThat(messages(e).get(1)).contains("cycle: 0001 -> 0002 -> 0001");
  }

  @Test
  void columnAddedTwiceIsRefusedNamingFileAndOp() {
    Column status = Column.of("status", ColumnType.sized(Kind.VARCHAR, 32), true);
    List<Revision> revisions = new java.util.ArrayList<>(fixtures());
    revisions.add(revision("0004", "0003", "0004_again.yaml", new AddColumn(CASE, status)));

    ChainException e = assertThrows(ChainException.class, () -> Chain.of(revisions));

    assertThat(messages(e)).containsExactly(
        "0004_again.yaml, op 1 (add column legal_case.status): column legal_case.status already exists");
  }

  @Test
  void foreignKeyToAMissingColumnOfAChainTableIsRefused() {
    Revision bad = parse("0004_fk.yaml", """
        revision: "0004"
        parent: "0003"
        ops:
          - add_column: {table: events, column: {name: org, type: bigint}}
          - add_foreign_key: {table: events, columns: [org], references: organization, referenced_columns: [code]}
        """);
    List<Revision> revisions = new java.util.ArrayList<>(fixtures());
    revisions.add(bad);

    ChainException e = assertThrows(ChainException.class, () -> Chain.of(revisions));

    assertThat(messages(e)).containsExactly("0004_fk.yaml, op 2 (add foreign key fk_events_org on events): "
        + "foreign key fk_events_org of table events references organization.code, which does not exist");
  }

  private static final String LOSS = """
      revision: "0004"
      parent: "0003"
      ops:
        - alter_column: {table: legal_case, column: {name: title, type: varchar(50), nullable: false, default: "'untitled'"}%s}
        - drop_column: {table: legal_case, column: status%s}
        - drop_foreign_key: {table: events, columns: [case_id]}
        - drop_table: {table: events%s}
      """;

  @Test
  void unacknowledgedDataLossIsRefusedAndAcknowledgedAccepted() {
    List<Revision> revisions = new java.util.ArrayList<>(fixtures());
    revisions.add(parse("0004_loss.yaml", LOSS.formatted("", "", "")));

    ChainException e = assertThrows(ChainException.class, () -> Chain.of(revisions));

    assertThat(messages(e)).containsExactly(
        "0004_loss.yaml, op 1 (alter column legal_case.title): narrows column legal_case.title from varchar(300) "
            + "to varchar(50), which can cut or reject existing values; if that is intended, add "
            + "acknowledge_data_loss: true to the op",
        "0004_loss.yaml, op 2 (drop column legal_case.status): drops column legal_case.status and its values; "
            + "if that is intended, add acknowledge_data_loss: true to the op",
        "0004_loss.yaml, op 4 (drop table events): drops table events and all its rows; if that is intended, "
            + "add acknowledge_data_loss: true to the op").inOrder();

    String ack = ", acknowledge_data_loss: true";
    revisions.set(3, parse("0004_loss.yaml", LOSS.formatted(ack, ack, ack)));
    assertThat(Chain.of(revisions).head()).isEqualTo("0004");
  }

  @Test
  void wideningNeedsNoAcknowledgement() {
    List<Revision> revisions = new java.util.ArrayList<>(fixtures());
    revisions.add(revision("0004", "0003", "0004_widen.yaml",
        new AlterColumn(CASE, new Column("title", ColumnType.of(Kind.TEXT), false, "'untitled'", false), false),
        new AlterColumn(CASE, new Column("organization_id", ColumnType.decimal(30, 0), false, null, false), true)));

    assertThat(Chain.of(revisions).head()).isEqualTo("0004");
  }

  @Test
  void replayStopsAtTheFirstInvalidOp() {
    List<Revision> revisions = new java.util.ArrayList<>(fixtures());
    revisions.add(revision("0004", "0003", "0004_x.yaml", new DropIndex(CASE, "ix_nope"),
        new DropIndex(CASE, "ix_nope_either")));

    ChainException e = assertThrows(ChainException.class, () -> Chain.of(revisions));

    assertThat(messages(e)).containsExactly(
        "0004_x.yaml, op 1 (drop index ix_nope on legal_case): index ix_nope does not exist on table legal_case");
  }

  @Test
  void checksumIsVersionedAndPerRevision() {
    Chain chain = Chain.of(fixtures());

    assertThat(chain.checksum("0001")).matches("v1:[0-9a-f]{64}");
    assertThat(chain.checksum("0001")).isNotEqualTo(chain.checksum("0002"));
  }

  @Test
  void externalReferencesAreForeignKeyTargetsTheChainNeverCreates() {
    assertThat(Chain.of(fixtures()).externalReferences()).containsExactly(TableName.of("users"));
  }
}
