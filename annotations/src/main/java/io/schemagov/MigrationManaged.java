package io.schemagov;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a JPA entity whose table is owned by the revision chain: it is created, altered and dropped
 * only by migrations, and the build fails when the entity drifts from what the chain builds.
 *
 * <p>Every table of an entity without this mark is ORM-managed (created by the ORM's schema export or
 * a baseline). A foreign key from a migration-managed table into an ORM-managed one is reported as
 * {@code schemagov:fk-orm-managed}, because databases that enforce foreign keys at DDL time need the
 * ORM-managed table to exist first.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface MigrationManaged {}
