package io.schemagov.bench;

import io.schemagov.migrate.Migrator;
import io.schemagov.revision.AddForeignKey;
import io.schemagov.revision.AlterColumn;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

/**
 * P4: one op that SQLite can only do by rebuilding the table, on a table of {@code rows} rows with two
 * indexes, against the physical floor: CREATE TABLE, INSERT ... SELECT, then the same two indexes,
 * in one transaction. Every run starts from a copy of one populated file (copied outside the timing).
 */
final class RebuildBench {
  /** The rebuilding ops: revisions 0002 and 0003 of the chain, each timed from the state before it. */
  static final String[] OPS = {"alter column type (varchar(100) -> varchar(255))", "add foreign key"};

  private static final TableName ITEM = TableName.of("item");
  private static final TableName CATEGORY = TableName.of("category");

  private final Path dir;
  private final Path revisions;
  private final int rows;

  RebuildBench(Path scratch, int rows) throws Exception {
    this.dir = Files.createDirectories(scratch.resolve("p4"));
    this.revisions = Files.createDirectories(dir.resolve("revisions"));
    this.rows = rows;
    Column id = new Column("id", ColumnType.parse("bigint"), false, null, true);
    List<Op> tables = List.of(
        new CreateTable(Table.of(CATEGORY, List.of(id, Column.of("label", ColumnType.parse("varchar(50)"), false)),
            PrimaryKey.of("id"))),
        new CreateTable(new Table(ITEM, List.of(id, name(100),
            Column.of("category_id", ColumnType.parse("bigint"), false),
            Column.of("amount", ColumnType.parse("decimal(19,4)"), true),
            Column.of("created_at", ColumnType.parse("timestamp"), false)),
            PrimaryKey.of("id"), List.of(),
            List.of(new Index("ix_item_category", List.of("category_id"), false),
                new Index("ix_item_name", List.of("name"), false)), List.of())));
    RevisionFiles.write(revisions, new Revision("0001", null, "tables", tables, null));
    RevisionFiles.write(revisions, new Revision("0002", "0001", "widen name",
        List.of(new AlterColumn(ITEM, name(255), false)), null));
    RevisionFiles.write(revisions, new Revision("0003", "0002", "category fk",
        List.of(new AddForeignKey(ITEM, new ForeignKey("fk_item_category", List.of("category_id"), CATEGORY,
            List.of("id")))), null));
  }

  private static Column name(int length) {
    return Column.of("name", ColumnType.parse("varchar(" + length + ")"), false);
  }

  /** Timings in ms, indexed [op][schemagov = 0, floor = 1][round]; one untimed warm-up round first. */
  double[][][] run(int rounds) throws Exception {
    Path[] templates = {populated("0001"), null};
    templates[1] = migrated(templates[0], "0002");
    double[][][] millis = new double[OPS.length][2][rounds];
    for (int round = -1; round < rounds; round++) {
      for (int op = 0; op < OPS.length; op++) {
        for (int turn = 0; turn < 2; turn++) {
          int contender = Math.floorMod(round + turn, 2);
          Path file = dir.resolve("run.db");
          Files.copy(templates[op], file, StandardCopyOption.REPLACE_EXISTING);
          String url = "jdbc:sqlite:" + file;
          long started = System.nanoTime();
          if (contender == 0) {
            Migrator.builder().url(url).revisions(revisions).build().upgrade("+1");
          } else {
            floor(url, op);
          }
          double elapsed = Stats.since(started);
          if (round >= 0) {
            millis[op][contender][round] = elapsed;
          }
        }
      }
    }
    return millis;
  }

  /** The copy the rebuild makes, as bare SQL: the table after the op, the rows, then the two indexes. */
  private static void floor(String url, int op) throws Exception {
    String references = op == 1 ? ", CONSTRAINT fk_item_category FOREIGN KEY (category_id) REFERENCES category (id)" : "";
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      statement.execute("CREATE TABLE item_copy (id integer NOT NULL, name varchar(255) NOT NULL, "
          + "category_id bigint NOT NULL, amount numeric(19,4), created_at timestamp NOT NULL, PRIMARY KEY (id)"
          + references + ")");
      statement.execute("INSERT INTO item_copy (id, name, category_id, amount, created_at) "
          + "SELECT id, name, category_id, amount, created_at FROM item");
      statement.execute("CREATE INDEX ix_copy_category ON item_copy (category_id)");
      statement.execute("CREATE INDEX ix_copy_name ON item_copy (name)");
      connection.commit();
    }
  }

  /** A file at revision {@code revision} whose tables hold the rows (1,000 categories). */
  private Path populated(String revision) throws Exception {
    Path file = dir.resolve("template-" + revision + ".db");
    Files.deleteIfExists(file);
    String url = "jdbc:sqlite:" + file;
    Migrator.builder().url(url).revisions(revisions).build().upgrade(revision);
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      statement.execute("INSERT INTO category (id, label) WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL "
          + "SELECT x + 1 FROM n WHERE x < 1000) SELECT x, 'category ' || x FROM n");
      // Names in a scattered order, so the name index is built from unsorted keys as in real data.
      statement.execute("INSERT INTO item (id, name, category_id, amount, created_at) WITH RECURSIVE n(x) AS "
          + "(SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < " + rows + ") SELECT x, 'item ' || ((x * 7919) % "
          + rows + "), 1 + x % 1000, x * 0.25, '2024-01-01 00:00:00' FROM n");
      connection.commit();
    }
    return file;
  }

  private Path migrated(Path from, String revision) throws Exception {
    Path file = dir.resolve("template-" + revision + ".db");
    Files.copy(from, file, StandardCopyOption.REPLACE_EXISTING);
    Migrator.builder().url("jdbc:sqlite:" + file).revisions(revisions).build().upgrade(revision);
    return file;
  }
}
