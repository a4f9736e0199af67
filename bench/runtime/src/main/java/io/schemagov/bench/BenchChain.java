package io.schemagov.bench;

import io.schemagov.revision.AddColumn;
import io.schemagov.revision.AddForeignKey;
import io.schemagov.revision.AlterColumn;
import io.schemagov.revision.CreateIndex;
import io.schemagov.revision.CreateTable;
import io.schemagov.revision.Op;
import io.schemagov.revision.Revision;
import io.schemagov.revision.RevisionFiles;
import io.schemagov.schema.Column;
import io.schemagov.schema.ColumnType;
import io.schemagov.schema.ForeignKey;
import io.schemagov.schema.Index;
import io.schemagov.schema.PrimaryKey;
import io.schemagov.schema.Table;
import io.schemagov.schema.TableName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic chain shaped like an application's history: every five revisions create a table
 * (with a foreign key to the previous one and its index), add columns, index them, widen a column
 * and then either add a defaulted column or a foreign key to an older table. The widening and the
 * added foreign key rebuild the table on SQLite, so 3 revisions in 10 are rebuilds there.
 */
final class BenchChain {
  private BenchChain() {}

  static List<Revision> revisions(int count) {
    List<Revision> chain = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      chain.add(new Revision(id(k + 1), k == 0 ? null : id(k), "bench " + (k + 1), ops(k), null));
    }
    return chain;
  }

  /** Writes the chain as revision files into a new directory under {@code parent}. */
  static Path write(Path parent, int count) throws IOException {
    Path dir = Files.createDirectories(parent.resolve("revisions-" + count));
    for (Revision revision : revisions(count)) {
      RevisionFiles.write(dir, revision);
    }
    return dir;
  }

  private static List<Op> ops(int k) {
    int n = k / 5;
    TableName table = table(n);
    return switch (k % 5) {
      case 0 -> createTable(n);
      case 1 -> List.of(
          new AddColumn(table, Column.of("code", type("varchar(20)"), true)),
          new AddColumn(table, Column.of("amount", type("decimal(19,4)"), true)));
      case 2 -> List.of(new CreateIndex(table, new Index("ix_" + table.name() + "_code", List.of("code"), false)));
      case 3 -> List.of(new AlterColumn(table, Column.of("title", type("varchar(400)"), false), false));
      default -> n % 2 == 0 || n < 2
          ? List.of(new AddColumn(table, new Column("flag", type("boolean"), false, "false", false)),
              new CreateIndex(table, new Index("ix_" + table.name() + "_flag", List.of("flag"), false)))
          : List.of(new AddColumn(table, Column.of("origin_id", type("bigint"), true)),
              new AddForeignKey(table, new ForeignKey("fk_" + table.name() + "_origin", List.of("origin_id"),
                  table(n - 2), List.of("id"))));
    };
  }

  private static List<Op> createTable(int n) {
    TableName name = table(n);
    List<Column> columns = new ArrayList<>(List.of(
        new Column("id", type("bigint"), false, null, true),
        Column.of("title", type("varchar(200)"), false),
        Column.of("status", type("varchar(32)"), true),
        new Column("created_at", type("timestamp"), false, "CURRENT_TIMESTAMP", false),
        Column.of("payload", type("text"), true)));
    List<ForeignKey> foreignKeys = new ArrayList<>();
    List<Index> indexes = new ArrayList<>();
    indexes.add(new Index("ix_" + name.name() + "_status", List.of("status"), false));
    if (n > 0) {
      columns.add(Column.of("parent_id", type("bigint"), true));
      foreignKeys.add(new ForeignKey("fk_" + name.name() + "_parent", List.of("parent_id"), table(n - 1),
          List.of("id")));
      indexes.add(new Index("ix_" + name.name() + "_parent", List.of("parent_id"), false));
    }
    return List.of(new CreateTable(new Table(name, columns, PrimaryKey.of("id"), foreignKeys, indexes, List.of())));
  }

  static TableName table(int n) {
    return TableName.of(String.format("entity_%03d", n));
  }

  private static ColumnType type(String text) {
    return ColumnType.parse(text);
  }

  private static String id(int number) {
    return String.format("%04d", number);
  }
}
