package io.schemagov.revision;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every op kind: {@code inverse(before).apply(op.apply(before))} gives {@code before} back.
 * Exactly, except for column order where a dropped column is re-added: {@code ADD COLUMN} appends,
 * so the inverse of dropping a middle column restores it last (equal after ordering the columns).
 */
class InverseTest {
  private static final TableName ORG = TableName.of("organization");
  private static final TableName CASE = TableName.of("legal_case");
  private static final TableName NODE = TableName.of("node");
  private static final ColumnType BIGINT = ColumnType.of(Kind.BIGINT);

  static final Schema BEFORE = Schema.of(List.of(
      Table.of(ORG, List.of(Column.of("id", BIGINT, false), Column.of("name", ColumnType.of(Kind.TEXT), false)),
          PrimaryKey.of("id")),
      new Table(CASE,
          List.of(Column.of("id", BIGINT, false), Column.of("org_id", BIGINT, false),
              new Column("title", ColumnType.sized(Kind.VARCHAR, 100), false, "'untitled'", false),
              Column.of("code", ColumnType.sized(Kind.CHAR, 8), true), Column.of("notes", ColumnType.of(Kind.TEXT), true),
              Column.of("owner_id", BIGINT, true), Column.of("legacy", ColumnType.of(Kind.CLOB), true)),
          PrimaryKey.of("id"),
          List.of(new ForeignKey("fk_legal_case_org_id", List.of("org_id"), ORG, List.of("id")),
              new ForeignKey("fk_case_owner", List.of("owner_id"), TableName.of("users"), List.of("id"))),
          List.of(new Index("ix_legal_case_title", List.of("title"), false)),
          List.of(new Unique("uq_legal_case_code", List.of("code")))),
      new Table(NODE, List.of(Column.of("id", BIGINT, false), Column.of("parent_id", BIGINT, true)),
          PrimaryKey.of("id"), List.of(new ForeignKey("fk_node_parent", List.of("parent_id"), NODE, List.of("id"))),
          List.of(), List.of())),
      List.of(new Sequence(TableName.of("case_seq"), 1, 50)));

  static Stream<Op> ops() {
    return Stream.of(
        new CreateTable(new Table(TableName.of("events"),
            List.of(Column.of("id", ColumnType.of(Kind.UUID), false), Column.of("case_id", BIGINT, false)),
            PrimaryKey.of("id"), List.of(new ForeignKey("fk_events_case_id", List.of("case_id"), CASE, List.of("id"))),
            List.of(new Index("ix_events_case_id", List.of("case_id"), false)), List.of())),
        new DropTable(CASE, true),
        new RenameTable(ORG, "org"),
        new RenameTable(NODE, "tree_node"),
        new AddColumn(CASE, Column.of("status", ColumnType.sized(Kind.VARCHAR, 32), true)),
        new DropColumn(CASE, "legacy", true),
        new RenameColumn(ORG, "id", "org_key"),
        new RenameColumn(NODE, "id", "node_id"),
        new RenameColumn(CASE, "title", "headline"),
        new AlterColumn(CASE, new Column("title", ColumnType.of(Kind.TEXT), true, null, false), false),
        new AlterColumn(CASE, Column.of("code", ColumnType.sized(Kind.CHAR, 4), true), true),
        new CreateIndex(CASE, new Index("ix_legal_case_org_id", List.of("org_id", "title"), true)),
        new DropIndex(CASE, "ix_legal_case_title"),
        new AddUnique(CASE, new Unique("uq_legal_case_org_id_title", List.of("org_id", "title"))),
        new DropUnique(CASE, "uq_legal_case_code"),
        new AddForeignKey(CASE, new ForeignKey("fk_case_node", List.of("owner_id"), NODE, List.of("id"))),
        new DropForeignKey(CASE, "fk_case_owner"),
        new DropForeignKey(NODE, "fk_node_parent"),
        new CreateSequence(new Sequence(TableName.of("events_seq"), 100, 1)),
        new DropSequence(TableName.of("case_seq")),
        new ExecuteSql("UPDATE legal_case SET code = 'x'", "UPDATE legal_case SET code = NULL"));
  }

  @ParameterizedTest
  @MethodSource("ops")
  void inverseRestoresTheSchemaBefore(Op op) {
    Schema after = op.apply(BEFORE);
    Op inverse = op.inverse(BEFORE);

    if (!(op instanceof ExecuteSql)) {
      assertThat(after).isNotEqualTo(BEFORE);
    }
    assertThat(inverse.apply(after)).isEqualTo(BEFORE);
  }

  @ParameterizedTest
  @MethodSource("ops")
  void inverseOfTheInverseIsTheOp(Op op) {
    Schema after = op.apply(BEFORE);

    assertThat(op.inverse(BEFORE).inverse(after).apply(BEFORE)).isEqualTo(after);
  }

  @Test
  void droppingAMiddleColumnComesBackLast() {
    Op drop = new DropColumn(CASE, "notes", true);

    Schema restored = drop.inverse(BEFORE).apply(drop.apply(BEFORE));

    assertThat(restored).isNotEqualTo(BEFORE);
    List<String> names = restored.table(CASE).get().columns().stream().map(Column::name).toList();
    assertThat(names).containsExactly("id", "org_id", "title", "code", "owner_id", "legacy", "notes").inOrder();
    assertThat(restored.table(CASE).get().columns()).containsExactlyElementsIn(BEFORE.table(CASE).get().columns());
  }

  @Test
  void renamedTableIsFollowedByTheForeignKeysThatReferenceIt() {
    Schema after = new RenameTable(ORG, "org").apply(BEFORE);

    assertThat(after.table(CASE).get().foreignKey("fk_legal_case_org_id").get().referencedTable())
        .isEqualTo(TableName.of("org"));
  }

  @Test
  void columnThatTheTablesOwnForeignKeyReferencesCannotBeDropped() {
    Schema withCode = new AddColumn(NODE, Column.of("code", BIGINT, true)).apply(BEFORE);
    Schema withSelfFk = new AddForeignKey(NODE, new ForeignKey("fk_node_code", List.of("parent_id"), NODE,
        List.of("code"))).apply(new DropForeignKey(NODE, "fk_node_parent").apply(withCode));

    InvalidOpException e = assertThrows(InvalidOpException.class,
        () -> new DropColumn(NODE, "code", true).apply(withSelfFk));

    assertThat(e).hasMessageThat().contains("is referenced by foreign key(s) [node.fk_node_code]");
  }
}
