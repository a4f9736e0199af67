package io.schemagov.revision;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The policy's evidence chain in small: the revision files the tests load, as a user writes them. */
final class Fixtures {
  private Fixtures() {}

  static final String R1 = """
      revision: "0001"
      parent: null
      message: Case, Organization
      ops:
        - create_table:
            name: organization
            columns:
              - {name: id, type: bigint, nullable: false, identity: true}
              - {name: name, type: varchar(200), nullable: false}
            primary_key: [id]
        - create_table:
            name: legal_case
            columns:
              - {name: id, type: bigint, nullable: false}
              - {name: organization_id, type: bigint, nullable: false}
              - {name: created_by, type: bigint}
              - {name: title, type: varchar(100), nullable: false, default: "'untitled'"}
              - {name: legacy, type: text}
            primary_key: [id]
            foreign_keys:
              - {columns: [organization_id], references: organization, referenced_columns: [id]}
              - {columns: [created_by], references: users, referenced_columns: [id]}
            indexes: [{columns: [title]}]
      """;

  static final String R2 = """
      revision: "0002"
      parent: "0001"
      message: Events (UUID PK)
      ops:
        - create_table:
            name: events
            columns:
              - {name: id, type: uuid, nullable: false}
              - {name: case_id, type: bigint, nullable: false}
              - {name: seq, type: bigint, nullable: false}
            primary_key: [id]
            foreign_keys:
              - {columns: [case_id], references: legal_case, referenced_columns: [id]}
            uniques: [{columns: [case_id, seq]}]
        - create_sequence: {name: events_seq, start: 1, increment: 50}
      """;

  static final String R3 = """
      revision: "0003"
      parent: "0002"
      message: Case status, drop legacy
      ops:
        - add_column: {table: legal_case, column: {name: status, type: varchar(32), nullable: true}}
        - alter_column: {table: legal_case, column: {name: title, type: varchar(300), nullable: false, default: "'untitled'"}}
        - drop_column: {table: legal_case, column: legacy, acknowledge_data_loss: true}
        - sql: {up: "UPDATE legal_case SET status = 'open'", down: "UPDATE legal_case SET status = NULL"}
      """;

  /** Writes the three revisions into {@code dir} and returns it. */
  static Path chainDirectory(Path dir) throws IOException {
    write(dir, "0001_case_organization.yaml", R1);
    write(dir, "0002_events.yaml", R2);
    write(dir, "0003_case_status.yaml", R3);
    return dir;
  }

  static Path write(Path dir, String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }
}
