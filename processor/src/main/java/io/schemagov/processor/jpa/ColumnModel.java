package io.schemagov.processor.jpa;

/**
 * One column an attribute maps.
 *
 * @param table the physical table name when {@code @Column(table)} / {@code @JoinColumn(table)}
 *     moves it to a secondary table, null for the entity's primary table
 * @param javaType the attribute's Java type, boxed, erased ({@code java.lang.Long}); for a
 *     foreign-key column the referenced entity's class
 * @param enumKind {@code ORDINAL} or {@code STRING} for enum attributes, null otherwise
 * @param length {@code @Column(length)}, 255 unless set (meaningful for strings)
 * @param columnDefinition the raw {@code columnDefinition}, null when absent
 * @param defaultValue the column default, null when none
 * @param generation set for generated id columns, null otherwise
 * @param version whether the attribute is the {@code @Version}
 * @param temporal {@code @Temporal}'s {@code DATE}, {@code TIME} or {@code TIMESTAMP}, null without one
 * @param secondPrecision {@code @Column(secondPrecision)}, -1 unless set
 */
public record ColumnModel(
    DbName name,
    DbName table,
    String javaType,
    boolean nullable,
    int length,
    int precision,
    int scale,
    boolean unique,
    String columnDefinition,
    String enumKind,
    boolean lob,
    boolean id,
    Generation generation,
    DefaultValue defaultValue,
    boolean version,
    String temporal,
    int secondPrecision,
    Source source) {

  /** The type and size facts two mappings of one column must agree on. */
  public String definition() {
    StringBuilder b = new StringBuilder(simpleType());
    if (javaType.equals("java.lang.String")) {
      b.append('(').append(length).append(')');
    } else if (javaType.equals("java.math.BigDecimal") && precision > 0) {
      b.append('(').append(precision).append(',').append(scale).append(')');
    }
    return b.append(nullable ? " NULL" : " NOT NULL").toString();
  }

  private String simpleType() {
    if (enumKind != null) {
      return "enum " + enumKind;
    }
    return javaType;
  }
}
