/**
 * The case-management tables, owned by the revision chain under {@code db/schemagov} (revisions
 * 0001-0004). Every entity here is {@code @MigrationManaged}: the build fails when one drifts from the
 * chain. Their foreign keys into the ORM-managed {@code users} and {@code evidence_item} tables are
 * acknowledged one by one ({@code schemagov:fk-orm-managed}): those tables must exist before
 * {@code upgrade head} on PostgreSQL, which the runtime's baseline takes care of.
 */
package io.schemagov.example.cases;
