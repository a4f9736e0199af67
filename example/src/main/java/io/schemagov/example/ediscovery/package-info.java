/**
 * The e-discovery model. Its three tables once had the same names as the evidence package's
 * ({@code production_set}, {@code production_item}, {@code privilege_log}); they were renamed with an
 * {@code ediscovery_} prefix, declared with {@code @RenamedFrom} so that any foreign key still naming
 * an old table fails the build.
 */
package io.schemagov.example.ediscovery;
