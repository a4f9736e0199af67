package io.schemagov.processor.generate;

import io.schemagov.processor.jpa.Ann;
import io.schemagov.processor.jpa.EntityReader;
import io.schemagov.processor.jpa.Source;
import io.schemagov.processor.rules.Finding;
import io.schemagov.revision.Renames;
import io.schemagov.revision.Renames.Rename;
import io.schemagov.schema.Schema;
import io.schemagov.schema.Table;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

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

  /**
   * The problems that matter to the build: those on {@code @MigrationManaged} entities, whose schema
   * the drift check compares. Elsewhere a mapping the model cannot express only leaves a column out
   * of the exported schema; reporting it would turn every unusual ORM mapping into a warning.
   */
  public List<Finding> problemsOfMigrationManaged() {
    return problems.stream().filter(p -> migrationManagedEntity(p.element())).toList();
  }

  private static boolean migrationManagedEntity(Element element) {
    for (Element e = element; e != null; e = e.getEnclosingElement()) {
      if (e instanceof TypeElement type) {
        return Ann.exact(type, EntityReader.MIGRATION_MANAGED).isPresent();
      }
    }
    return false;
  }

  /** The tables the revision chain owns, with their sequences left out. */
  public Schema migrationManaged() {
    List<Table> owned = schema.tableList().stream().filter(t -> migrationManagedKeys.contains(t.name().key())).toList();
    return Schema.of(owned, List.of());
  }
}
