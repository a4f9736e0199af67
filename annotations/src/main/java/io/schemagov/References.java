package io.schemagov;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a foreign key by text on a column that holds a plain id of another table, typically a
 * table with no entity in this compilation (an ORM-managed {@code users} table mapped elsewhere).
 *
 * <pre>{@code
 * @References("users.id")
 * @Column(name = "created_by")
 * private Long createdBy;
 * }</pre>
 *
 * <p>The referenced table must be known to the compilation, to a dependency's table index, or be
 * declared by an entity; otherwise the build fails ({@code schemagov:fk-unknown-table}).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface References {
  /** The referenced {@code table.column}, optionally {@code schema.table.column}. */
  String value();
}
