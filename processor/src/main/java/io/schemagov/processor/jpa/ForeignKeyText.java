package io.schemagov.processor.jpa;

/**
 * A foreign key written as text: {@code @References("table.column")}, a {@code
 * foreignKeyDefinition} or a {@code columnDefinition} with {@code REFERENCES t(c)}.
 *
 * @param table the referenced table, null when the text could not be read (see {@code
 *     invalid-reference})
 * @param schema the referenced table's schema when written, else null
 * @param column the referenced column when written, else null
 */
public record ForeignKeyText(
    Origin origin, String text, DbName schema, DbName table, String column, Source source) {

  /** Where the text was written. */
  public enum Origin {
    REFERENCES("@References"),
    FOREIGN_KEY_DEFINITION("@ForeignKey(foreignKeyDefinition)"),
    COLUMN_DEFINITION("@Column(columnDefinition)");

    private final String label;

    Origin(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}
