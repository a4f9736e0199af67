package io.schemagov.processor.generate;

import io.schemagov.processor.jpa.Source;
import io.schemagov.processor.rules.Finding;
import io.schemagov.revision.Renames;
import io.schemagov.revision.Renames.Rename;
import io.schemagov.schema.Schema;
import io.schemagov.schema.Table;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the entities of one compilation map in the database.
 *
 * @param schema every table and sequence the entities map, ORM-managed ones included
 * @param migrationManagedKeys the {@link io.schemagov.schema.TableName#key() keys} of the tables
 *     owned by {@code @MigrationManaged} entities (their join, collection and secondary tables too)
 * @param renames the declared {@code @RenamedFrom} renames (the most recent old name of each)
 * @param renameSources the {@code @RenamedFrom} annotation each rename was read from
 * @param problems mappings the schema model cannot express, as findings the processor can report
 */
public record EntitySchema(
    Schema schema,
    Set<String> migrationManagedKeys,
    Renames renames,
    Map<Rename, Source> renameSources,
    List<Finding> problems) {

  public EntitySchema {
    migrationManagedKeys = Set.copyOf(migrationManagedKeys);
    renameSources = Map.copyOf(renameSources);
    problems = List.copyOf(problems);
  }

  /** The tables the revision chain owns, with their sequences left out. */
  public Schema migrationManaged() {
    List<Table> owned = schema.tableList().stream().filter(t -> migrationManagedKeys.contains(t.name().key())).toList();
    return Schema.of(owned, List.of());
  }
}
