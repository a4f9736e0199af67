package io.schemagov.processor.jpa;

/**
 * A {@code @ForeignKey} written on a join column, join table, collection table, secondary table or
 * primary-key join column.
 *
 * @param name the physical constraint name (naming strategy applied), null when not written
 * @param noConstraint {@code value = NO_CONSTRAINT}: the mapping asks for no constraint at all
 */
public record ForeignKeyModel(DbName name, boolean noConstraint) {}
