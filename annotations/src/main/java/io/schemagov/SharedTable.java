package io.schemagov;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that an entity deliberately maps the same table as other entities (for example two
 * siblings of one {@code @MappedSuperclass} that differ only in id assignment, or versioned read
 * models of one audit table).
 *
 * <p>A table mapped by several entities is a {@code schemagov:table-collision} unless every one of
 * them carries this annotation; one side alone is not enough. Entities sharing a table must agree on
 * each common column ({@code schemagov:shared-table-conflict}).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface SharedTable {}
