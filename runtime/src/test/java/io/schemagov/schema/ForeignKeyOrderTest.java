package io.schemagov.schema;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ForeignKeyOrderTest {

  private static Table table(String name, String... referenced) {
    List<Column> columns = new ArrayList<>();
    columns.add(Column.of("id", ColumnType.parse("bigint"), false));
    List<ForeignKey> fks = new ArrayList<>();
    for (String target : referenced) {
      String column = target + "_id";
      columns.add(Column.of(column, ColumnType.parse("bigint"), true));
      fks.add(new ForeignKey(Names.foreignKey(TableName.of(name), List.of(column)), List.of(column),
          TableName.parse(target), List.of("id")));
    }
    return new Table(TableName.of(name), columns, PrimaryKey.of("id"), fks, List.of(), List.of());
  }

  private static List<String> names(ForeignKeyOrder order) {
    return order.tables().stream().map(t -> t.name().name()).toList();
  }

  @Test
  void referencedTablesComeFirstAndUnrelatedOnesByName() {
    ForeignKeyOrder order = ForeignKeyOrder.order(List.of(
        table("d"), table("a", "c"), table("c", "b"), table("b")));

    assertThat(names(order)).containsExactly("b", "c", "a", "d").inOrder();
    assertThat(order.deferred()).isEmpty();
    assertThat(order.tables().get(2)).isEqualTo(table("a", "c"));
  }

  @Test
  void orderDoesNotDependOnInputOrder() {
    List<Table> tables = new ArrayList<>(List.of(table("x", "y"), table("y"), table("m", "x"), table("b")));
    ForeignKeyOrder first = ForeignKeyOrder.order(tables);
    java.util.Collections.reverse(tables);

    assertThat(ForeignKeyOrder.order(tables)).isEqualTo(first);
  }

  @Test
  void namesMatchAsTheDatabaseDoes() {
    ForeignKeyOrder order = ForeignKeyOrder.order(List.of(table("a", "CASE_FILE"), table("case_file")));

    assertThat(names(order)).containsExactly("case_file", "a").inOrder();
  }

  @Test
  void selfReferenceStaysInItsTable() {
    Table folder = table("folder", "folder");

    ForeignKeyOrder order = ForeignKeyOrder.order(List.of(folder));

    assertThat(order.tables()).containsExactly(folder);
    assertThat(order.deferred()).isEmpty();
  }

  @Test
  void twoTableCycleDefersTheForeignKeyThatClosesIt() {
    Table a = table("a", "b");
    Table b = table("b", "a");

    ForeignKeyOrder order = ForeignKeyOrder.order(List.of(a, b));

    assertThat(order.tables()).containsExactly(b.withForeignKeys(List.of()), a).inOrder();
    assertThat(order.deferred())
        .containsExactly(new ForeignKeyOrder.Deferred(b.name(), b.foreignKeys().get(0)));
  }

  @Test
  void threeTableCycleDefersOneForeignKey() {
    ForeignKeyOrder order = ForeignKeyOrder.order(List.of(table("a", "b"), table("b", "c"), table("c", "a")));

    assertThat(names(order)).containsExactly("c", "b", "a").inOrder();
    assertThat(order.deferred()).hasSize(1);
    assertThat(order.deferred().get(0).table()).isEqualTo(TableName.of("c"));
  }

  @Test
  void externalReferencesDoNotConstrainTheOrder() {
    ForeignKeyOrder order = ForeignKeyOrder.order(List.of(table("b", "orm_user"), table("a", "b")));

    assertThat(names(order)).containsExactly("b", "a").inOrder();
    assertThat(order.deferred()).isEmpty();
  }

  @Test
  void tableListedTwiceIsRejected() {
    assertThrows(InvalidSchemaException.class,
        () -> ForeignKeyOrder.order(List.of(table("a"), table("A"))));
  }

  @Test
  void chainOfTwentyThousandTablesNeedsNoDeepStack() {
    List<Table> tables = new ArrayList<>();
    int n = 20_000;
    for (int i = 0; i < n; i++) {
      tables.add(i + 1 < n ? table(name(i), name(i + 1)) : table(name(i)));
    }

    ForeignKeyOrder order = ForeignKeyOrder.order(tables);

    assertThat(order.tables().get(0).name().name()).isEqualTo(name(n - 1));
    assertThat(order.tables().get(n - 1).name().name()).isEqualTo(name(0));
    assertThat(order.deferred()).isEmpty();
  }

  @Test
  void twentyThousandTablesWithRandomReferencesAreOrdered() {
    Random random = new Random(7);
    List<Table> tables = new ArrayList<>();
    int n = 20_000;
    for (int i = 0; i < n; i++) {
      tables.add(table(name(i), name(random.nextInt(n)), name(random.nextInt(n))));
    }

    ForeignKeyOrder order = ForeignKeyOrder.order(tables);

    assertThat(order.tables()).hasSize(n);
    java.util.Map<String, Integer> position = new java.util.HashMap<>();
    for (int i = 0; i < n; i++) {
      position.put(order.tables().get(i).name().key(), i);
    }
    List<String> referencedLater = new ArrayList<>();
    for (Table table : order.tables()) {
      for (ForeignKey fk : table.foreignKeys()) {
        if (position.get(fk.referencedTable().key()) > position.get(table.name().key())) {
          referencedLater.add(table.name() + "." + fk.name());
        }
      }
    }
    assertThat(referencedLater).isEmpty();
    assertThat(order.deferred()).isNotEmpty();
  }

  private static String name(int i) {
    return String.format("t%05d", i);
  }
}
