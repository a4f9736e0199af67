package io.schemagov;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the names a table or column had before it was renamed.
 *
 * <p>On an entity the values are old table names; on a field or property they are old column names.
 * Foreign keys whose text still names an old table fail the build ({@code schemagov:fk-renamed-table}),
 * and for migration-managed entities the proposed revision renames instead of dropping and creating,
 * so the rows are kept. Renames are never guessed: without this annotation a new name is a new table.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD})
public @interface RenamedFrom {
  /** The old names, most recent first. */
  String[] value();
}
