package io.schemagov.processor;

import io.schemagov.processor.generate.ClassOutput;
import io.schemagov.processor.generate.Outputs;
import io.schemagov.processor.index.TableIndex;
import io.schemagov.processor.jpa.AttributeModel;
import io.schemagov.processor.jpa.EntityModel;
import io.schemagov.processor.jpa.EntityReader;
import io.schemagov.processor.jpa.NamingStrategy;
import io.schemagov.processor.jpa.PersistenceUnit;
import io.schemagov.processor.jpa.RelationModel;
import io.schemagov.processor.jpa.TableModel;
import io.schemagov.processor.rules.Finding;
import io.schemagov.processor.rules.Messages;
import io.schemagov.processor.rules.Rule;
import io.schemagov.processor.rules.RuleContext;
import io.schemagov.processor.rules.Severity;
import io.schemagov.processor.rules.TableCatalog;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * One compilation's check: elements -> entity model -> rules -> diagnostics, then the module's
 * table index. Each entity and each rule is fenced: a fault becomes one {@code internal-error}
 * naming the entity or the rule, and the others are still checked. Between those steps it tells
 * the processor what it is reading ({@code reading}), so a fault anywhere else is reported by the
 * processor's own fence naming it, never as an exception out of javac. The model it read is handed
 * on to the generation steps, so the entities are read once per compilation.
 */
final class Analysis {
  private final ProcessingEnvironment env;
  private final NamingStrategy naming;
  private final List<Rule> rules;
  private final Consumer<String> reading;

  /** @param reading told what is being read next, for the processor's {@code internal-error} */
  Analysis(ProcessingEnvironment env, NamingStrategy naming, List<Rule> rules, Consumer<String> reading) {
    this.env = env;
    this.naming = naming;
    this.rules = rules;
    this.reading = reading;
  }

  /**
   * Checks the entities and writes the table index (through {@code outputs}, its class through
   * {@code classes}); returns what the rules read, or empty when an entity could not be read.
   */
  Optional<RuleContext> run(List<TypeElement> entityTypes, Outputs outputs, ClassOutput classes) {
    EntityReader reader = new EntityReader(env.getTypeUtils(), naming);
    List<EntityModel> entities = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    for (TypeElement type : entityTypes) {
      String name = type.getQualifiedName().toString();
      reading.accept(name);
      try {
        entities.add(reader.read(type));
      } catch (RuntimeException | LinkageError | StackOverflowError | AssertionError e) {
        findings.add(internalError(name, type, e));
      }
    }
    PersistenceUnit unit = new PersistenceUnit(entities, referenced(reader, entities));

    reading.accept("the table index of the classpath (package " + TableIndex.PACKAGE + ")");
    TableIndex.Read external = TableIndex.read(env.getElementUtils(), env.getFiler());
    external.problems().forEach(p -> env.getMessager().printMessage(Diagnostic.Kind.WARNING, p));
    reading.accept("the tables of the entities and of the classpath's table index");
    RuleContext context = RuleContext.of(unit, new TableCatalog(unit, external.tables()));
    for (Rule rule : rules) {
      String what = "the entities for rule " + rule.key();
      reading.accept(what);
      try {
        findings.addAll(rule.check(context));
      } catch (RuntimeException | LinkageError | StackOverflowError | AssertionError e) {
        findings.add(internalError(what, null, e));
      }
    }
    reading.accept("the elements of the findings and their @SuppressWarnings");
    new Reporter(env.getMessager()).report(findings);

    reading.accept("the entities' tables for the table index");
    List<TableModel> tables = localTables(unit);
    TableIndex.write(outputs, classes, tables, entityTypes);
    env.getMessager().printMessage(Diagnostic.Kind.NOTE, Messages.summary(entities.size(), distinctTables(tables)));
    return entities.size() == entityTypes.size() ? Optional.of(context) : Optional.empty();
  }

  /**
   * Entities of other modules that relationships target, read from their class files; one that
   * cannot be read is left out (its foreign-key columns then stay untyped, and are reported).
   */
  private List<EntityModel> referenced(EntityReader reader, List<EntityModel> entities) {
    Set<String> local = new HashSet<>();
    entities.forEach(e -> local.add(e.qualifiedName()));
    Map<String, EntityModel> referenced = new LinkedHashMap<>();
    for (EntityModel e : entities) {
      for (AttributeModel a : e.attributes()) {
        RelationModel r = a.relation();
        if (r == null || !r.targetIsEntity() || r.targetType() == null || local.contains(r.targetType())
            || referenced.containsKey(r.targetType())) {
          continue;
        }
        reading.accept(r.targetType() + " (the target of " + e.qualifiedName() + "." + a.name() + ")");
        TypeElement target = env.getElementUtils().getTypeElement(r.targetType());
        try {
          if (target != null) {
            referenced.put(r.targetType(), reader.read(target));
          }
        } catch (RuntimeException unreadable) {
          // left out: the mapper reports the column it cannot type
        }
      }
    }
    return List.copyOf(referenced.values());
  }

  private static List<TableModel> localTables(PersistenceUnit unit) {
    Map<String, TableModel> byOwnerAndKey = new LinkedHashMap<>();
    for (EntityModel e : unit.entities()) {
      for (TableModel t : e.ownedTables()) {
        byOwnerAndKey.putIfAbsent(t.owner() + '\u0000' + t.kind() + '\u0000' + t.qualifiedKey(), t);
      }
    }
    return List.copyOf(byOwnerAndKey.values());
  }

  private static int distinctTables(List<TableModel> tables) {
    return (int) tables.stream().map(TableModel::qualifiedKey).distinct().count();
  }

  private static Finding internalError(String what, TypeElement element, Throwable e) {
    return new Finding(Messages.INTERNAL_ERROR, Severity.ERROR, element, null, null, Messages.internalError(what, e));
  }
}
