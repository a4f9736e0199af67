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
 * @param mappingProblems mappings the schema model cannot express, each with what it concerns
 */
public record EntitySchema(
    Schema schema,
    Set<String> migrationManagedKeys,
    Renames renames,
    Map<Rename, Source> renameSources,
    List<MappingProblem> mappingProblems) {

  /**
   * One mapping the schema model cannot express.
   *
   * @param finding the warning the processor can report
   * @param table the key of the table it concerns, null when none (an id, a sequence, a table
   *     whose name is invalid)
   * @param entity the entity whose mapping raised it (qualified name), null when none
   * @param migrationManaged whether it concerns a {@code @MigrationManaged} entity or a table one
   *     owns (also one then left out of the schema), so the drift check compares its schema
   */
  public record MappingProblem(Finding finding, String table, String entity, boolean migrationManaged) {}

  public EntitySchema {
    migrationManagedKeys = Set.copyOf(migrationManagedKeys);
    renameSources = Map.copyOf(renameSources);
    mappingProblems = List.copyOf(mappingProblems);
  }

  /** Every mapping problem, as findings. */
  public List<Finding> problems() {
    return mappingProblems.stream().map(MappingProblem::finding).toList();
  }

  /**
   * The problems that matter to the build: those of {@code @MigrationManaged} entities and their
   * tables, whose schema the drift check compares (wherever the attribute is declared: a mapped
   * superclass or embeddable counts for the entity it is mapped into). Elsewhere a mapping the model
   * cannot express only leaves a column out of the exported schema; reporting it would turn every
   * unusual ORM mapping into a warning.
   */
  public List<Finding> problemsOfMigrationManaged() {
    return mappingProblems.stream().filter(MappingProblem::migrationManaged).map(MappingProblem::finding).toList();
  }

  /** The tables the revision chain owns, with their sequences left out. */
  public Schema migrationManaged() {
    List<Table> owned = schema.tableList().stream().filter(t -> migrationManagedKeys.contains(t.name().key())).toList();
    return Schema.of(owned, List.of());
  }
}
