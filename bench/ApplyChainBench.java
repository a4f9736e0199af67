import io.schemagov.migrate.Migrator;
import io.schemagov.revision.AddColumn;
import io.schemagov.revision.AlterColumn;
import io.schemagov.revision.CreateIndex;
import io.schemagov.revision.CreateTable;
import io.schemagov.revision.Op;
import io.schemagov.revision.Revision;
import io.schemagov.revision.RevisionFiles;
import io.schemagov.schema.Column;
import io.schemagov.schema.ColumnType;
import io.schemagov.schema.Index;
import io.schemagov.schema.PrimaryKey;
import io.schemagov.schema.Table;
import io.schemagov.schema.TableName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Times applying an N-revision chain to a blank SQLite file, then reverting it, over a few rounds.
 * Run with bench/run.sh [revisions] [rounds]. Every fifth revision widens a column, which SQLite
 * does by rebuilding the table, so rebuilds are part of what is timed.
 */
public final class ApplyChainBench {
  public static void main(String[] args) throws Exception {
    int revisions = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path work = Files.createTempDirectory("schemagov-bench");
    Path dir = Files.createDirectories(work.resolve("revisions"));
    for (Revision revision : chain(revisions)) {
      RevisionFiles.write(dir, revision);
    }
    long[] up = new long[rounds];
    long[] down = new long[rounds];
    for (int round = 0; round < rounds; round++) {
      String url = "jdbc:sqlite:" + work.resolve("bench-" + round + ".db");
      Migrator migrator = Migrator.builder().url(url).revisions(dir).build();
      long started = System.nanoTime();
      migrator.upgrade("head");
      up[round] = (System.nanoTime() - started) / 1_000_000;
      started = System.nanoTime();
      migrator.downgrade("base");
      down[round] = (System.nanoTime() - started) / 1_000_000;
      System.out.printf("round %d: upgrade %d ms, downgrade %d ms%n", round + 1, up[round], down[round]);
    }
    System.out.printf("%d revisions, %d rounds: upgrade median %d ms, downgrade median %d ms%n",
        revisions, rounds, median(up), median(down));
  }

  /** Tables of five revisions each: create, add a column, index it, widen it (a rebuild), add another. */
  static List<Revision> chain(int count) {
    List<Revision> chain = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      TableName table = TableName.of("t" + (k / 5));
      Op op = switch (k % 5) {
        case 0 -> new CreateTable(Table.of(table, List.of(
            new Column("id", ColumnType.parse("bigint"), false, null, true),
            Column.of("name", ColumnType.parse("varchar(50)"), true)), PrimaryKey.of("id")));
        case 1 -> new AddColumn(table, Column.of("code", ColumnType.parse("varchar(20)"), true));
        case 2 -> new CreateIndex(table, new Index("ix_" + table.name() + "_code", List.of("code"), false));
        case 3 -> new AlterColumn(table, Column.of("name", ColumnType.parse("varchar(200)"), true), false);
        default -> new AddColumn(table, Column.of("note", ColumnType.parse("text"), true));
      };
      chain.add(new Revision(String.format("%05d", k + 1), k == 0 ? null : String.format("%05d", k),
          "bench " + (k + 1), List.of(op), null));
    }
    return chain;
  }

  static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
