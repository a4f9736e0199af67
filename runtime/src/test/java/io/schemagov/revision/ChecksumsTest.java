package io.schemagov.revision;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ChecksumsTest {
  private static final String ORIGINAL = """
      revision: "0002"
      parent: "0001"
      message: Events
      ops:
        - create_table:
            name: events
            columns:
              - {name: id, type: uuid, nullable: false}
              - {name: case_id, type: bigint}
            primary_key: [id]
            foreign_keys:
              - {columns: [case_id], references: legal_case, referenced_columns: [id]}
        - drop_column: {table: legal_case, column: legacy, acknowledge_data_loss: true}
      """;

  /** The same ops: block style, comments, other key order, quoting, a derived name spelt out, defaults explicit. */
  private static final String REFORMATTED = """
      # Events, reformatted by hand
      message: "Events, with a new message"
      parent: '0001'
      revision: 0002
      ops:
        - create_table:
            columns:
              - type: UUID
                name: id
                nullable: false
              - name: case_id     # nullable by default
                type: "bigint"
                nullable: true
                identity: false
            name: events
            primary_key:
              - id
            foreign_keys:
              - name: fk_events_case_id
                references: legal_case
                referenced_columns: [id]
                columns: [case_id]
        - drop_column:
            acknowledge_data_loss: true
            column: legacy
            table: legal_case
      """;

  private static String checksum(String yaml) {
    return Checksums.of(RevisionFiles.parse("0002_events.yaml", yaml));
  }

  @Test
  void reformattingCommentsKeyOrderAndSpelledOutDefaultsDoNotCount() {
    assertThat(checksum(REFORMATTED)).isEqualTo(checksum(ORIGINAL));
  }

  @Test
  void aChangedOpCounts() {
    assertThat(checksum(ORIGINAL.replace("type: bigint", "type: integer"))).isNotEqualTo(checksum(ORIGINAL));
    assertThat(checksum(ORIGINAL.replace("column: legacy", "column: old"))).isNotEqualTo(checksum(ORIGINAL));
    assertThat(checksum(ORIGINAL.replace("{columns: [case_id], ", "{name: fk_other, columns: [case_id], ")))
        .isNotEqualTo(checksum(ORIGINAL));
  }

  @Test
  void reorderedOpsCount() {
    String swapped = """
        revision: "0002"
        parent: "0001"
        ops:
          - drop_column: {table: legal_case, column: legacy, acknowledge_data_loss: true}
          - create_table:
              name: events
              columns:
                - {name: id, type: uuid, nullable: false}
                - {name: case_id, type: bigint}
              primary_key: [id]
              foreign_keys:
                - {columns: [case_id], references: legal_case, referenced_columns: [id]}
        """;

    assertThat(checksum(swapped)).isNotEqualTo(checksum(ORIGINAL));
  }

  /** Pins format v1: if this changes, the canonical form changed and must become v2. */
  @Test
  void v1IsStable() {
    Revision revision = RevisionFiles.parse("0001_a.yaml", """
        revision: "0001"
        ops:
          - add_column: {table: t, column: {name: c, type: varchar(10), default: "'x'"}}
          - sql: {up: "UPDATE t SET c = 'y'", down: "UPDATE t SET c = 'x'"}
        """);

    assertThat(Checksums.canonicalV1(revision)).isEqualTo("[{\"add_column\":{\"column\":{\"default\":\"'x'\","
        + "\"identity\":false,\"name\":\"c\",\"nullable\":true,\"type\":\"varchar(10)\"},\"table\":\"t\"}},"
        + "{\"sql\":{\"down\":\"UPDATE t SET c = 'x'\",\"up\":\"UPDATE t SET c = 'y'\"}}]");
    assertThat(Checksums.of(revision))
        .isEqualTo("v1:be9f58f134eb605e763939258412070e8691c662135597d83dc2382e91b9a4ed");
  }

  @Test
  void matchesVerifiesByTheStoredVersion() {
    Revision revision = RevisionFiles.parse("0002_events.yaml", ORIGINAL);
    Revision edited = RevisionFiles.parse("0002_events.yaml", ORIGINAL.replace("uuid", "text"));

    assertThat(Checksums.matches(Checksums.of(revision), revision)).isTrue();
    assertThat(Checksums.matches(Checksums.of(revision), edited)).isFalse();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Checksums.matches("v9:abc", revision));
    assertThat(e).hasMessageThat().contains("unknown format");
  }
}
