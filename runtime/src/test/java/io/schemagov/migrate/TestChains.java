package io.schemagov.migrate;

import io.schemagov.revision.AddColumn;
import io.schemagov.revision.AddUnique;
import io.schemagov.revision.AlterColumn;
import io.schemagov.revision.CreateIndex;
import io.schemagov.revision.CreateSequence;
import io.schemagov.revision.CreateTable;
import io.schemagov.revision.DropForeignKey;
import io.schemagov.revision.ExecuteSql;
import io.schemagov.revision.Op;
import io.schemagov.revision.RenameColumn;
import io.schemagov.revision.Revision;
import io.schemagov.revision.RevisionFiles;
import io.schemagov.schema.Column;
import io.schemagov.schema.ColumnType;
import io.schemagov.schema.ForeignKey;
import io.schemagov.schema.Index;
import io.schemagov.schema.PrimaryKey;
import io.schemagov.schema.Sequence;
import io.schemagov.schema.Table;
import io.schemagov.schema.TableName;
import io.schemagov.schema.Unique;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Revision chains for the tests, shaped like the seed's 0001-0004, written as revision files. */
final class TestChains {
  private TestChains() {}

  static Column column(String name, String type, boolean nullable) {
    return Column.of(name, ColumnType.parse(type), nullable);
  }

  static Column id() {
    return new Column("id", ColumnType.parse("bigint"), false, null, true);
  }

  static List<Revision> seedLike() {
    Table organization = Table.of(TableName.of("organization"),
        List.of(id(), column("name", "varchar(200)", false)), PrimaryKey.of("id"));
    Table legalCase = new Table(TableName.of("legal_case"), List.of(id(),
        column("organization_id", "bigint", true), column("title", "varchar(200)", false),
        new Column("created_at", ColumnType.parse("timestamp"), true, "CURRENT_TIMESTAMP", false),
        column("owner_id", "bigint", true)),
        PrimaryKey.of("id"),
        List.of(new ForeignKey("fk_legal_case_organization", List.of("organization_id"),
                TableName.of("organization"), List.of("id")),
            new ForeignKey("fk_legal_case_owner", List.of("owner_id"), TableName.of("users"), List.of("id"))),
        List.of(new Index("ix_legal_case_title", List.of("title"), false)), List.of());
    Table events = new Table(TableName.of("events"), List.of(
        column("id", "uuid", false), column("case_id", "bigint", true),
        new Column("kind", ColumnType.parse("varchar(32)"), false, "'note'", false)),
        PrimaryKey.of("id"),
        List.of(new ForeignKey("fk_events_case", List.of("case_id"), TableName.of("legal_case"), List.of("id"))),
        List.of(), List.of());
    return List.of(
        revision("0001", null, "Case, Organization", new CreateTable(organization), new CreateTable(legalCase),
            new ExecuteSql("INSERT INTO organization (name) VALUES ('Acme');"
                + "INSERT INTO legal_case (organization_id, title) VALUES (1, 'Acme v. Doe')",
                "DELETE FROM legal_case; DELETE FROM organization")),
        revision("0002", "0001", "Events (UUID PK)", new CreateTable(events),
            new AddUnique(TableName.of("events"), new Unique("uq_events_case_kind", List.of("case_id", "kind")))),
        revision("0003", "0002", "Case status, wider names",
            new AddColumn(TableName.of("legal_case"),
                new Column("status", ColumnType.parse("varchar(20)"), false, "'open'", false)),
            new AlterColumn(TableName.of("organization"), column("name", "varchar(300)", false), false),
            new CreateIndex(TableName.of("events"), new Index("ix_events_kind", List.of("kind"), false))),
        revision("0004", "0003", "Rename kind, sequence, drop owner FK",
            new RenameColumn(TableName.of("events"), "kind", "category"),
            new CreateSequence(new Sequence(TableName.of("export_seq"), 1, 50)),
            new DropForeignKey(TableName.of("legal_case"), "fk_legal_case_owner")));
  }

  static Revision revision(String id, String parent, String message, Op... ops) {
    return new Revision(id, parent, message, List.of(ops), null);
  }

  /** Writes the revisions as files into {@code dir} and returns it. */
  static Path write(Path dir, List<Revision> revisions) {
    try {
      Files.createDirectories(dir);
      for (Revision revision : revisions) {
        RevisionFiles.write(dir, revision);
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Revision> with(List<Revision> revisions, Revision extra) {
    List<Revision> all = new ArrayList<>(revisions);
    all.add(extra);
    return all;
  }
}
