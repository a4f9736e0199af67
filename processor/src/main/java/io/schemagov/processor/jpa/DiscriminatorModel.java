package io.schemagov.processor.jpa;

/**
 * A root entity's discriminator column as {@code @DiscriminatorColumn} declares it, or its defaults
 * ({@code DTYPE}, {@code STRING}, length 31) without one. Whether the table gets the column depends
 * on the hierarchy (the mapper decides).
 *
 * @param name the physical column name
 * @param type {@code STRING}, {@code CHAR} or {@code INTEGER}
 * @param declared whether {@code @DiscriminatorColumn} is present
 */
public record DiscriminatorModel(DbName name, String type, int length, boolean declared, Source source) {}
