package io.schemagov.processor;

import io.schemagov.processor.index.TableIndex;
import io.schemagov.processor.jpa.EntityModel;
import io.schemagov.processor.jpa.EntityReader;
import io.schemagov.processor.jpa.NamingStrategy;
import io.schemagov.processor.jpa.PersistenceUnit;
import io.schemagov.processor.jpa.TableModel;
import io.schemagov.processor.rules.Finding;
import io.schemagov.processor.rules.Messages;
import io.schemagov.processor.rules.Rule;
import io.schemagov.processor.rules.RuleContext;
import io.schemagov.processor.rules.Severity;
import io.schemagov.processor.rules.TableCatalog;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * One compilation's check: elements -> entity model -> rules -> diagnostics, then the module's
 * table index. Every step is fenced: a fault becomes one {@code internal-error} naming what was
 * being read, never an exception out of javac.
 */
final class Analysis {
  private final ProcessingEnvironment env;
  private final NamingStrategy naming;
  private final List<Rule> rules;

  Analysis(ProcessingEnvironment env, NamingStrategy naming, List<Rule> rules) {
    this.env = env;
    this.naming = naming;
    this.rules = rules;
  }

  void run(List<TypeElement> entityTypes) {
    EntityReader reader = new EntityReader(env.getTypeUtils(), naming);
    List<EntityModel> entities = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    for (TypeElement type : entityTypes) {
      try {
        entities.add(reader.read(type));
      } catch (RuntimeException e) {
        findings.add(internalError(type.getQualifiedName().toString(), type, e));
      }
    }
    PersistenceUnit unit = new PersistenceUnit(entities);

    TableIndex.Read external = TableIndex.read(env.getElementUtils());
    external.problems().forEach(p -> env.getMessager().printMessage(Diagnostic.Kind.WARNING, p));
    RuleContext context = new RuleContext(unit, new TableCatalog(unit, external.tables()));
    for (Rule rule : rules) {
      try {
        findings.addAll(rule.check(context));
      } catch (RuntimeException e) {
        findings.add(internalError("the entities for rule " + rule.key(), null, e));
      }
    }
    new Reporter(env.getMessager()).report(findings);

    List<TableModel> tables = localTables(unit);
    try {
      TableIndex.write(env.getFiler(), tables, entityTypes);
    } catch (IOException | RuntimeException e) {
      env.getMessager().printMessage(Diagnostic.Kind.WARNING,
          Messages.indexUnreadable(TableIndex.RESOURCE, "not written: " + e.getMessage()));
    }
    env.getMessager().printMessage(Diagnostic.Kind.NOTE, Messages.summary(entities.size(), distinctTables(tables)));
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

  private static Finding internalError(String what, TypeElement element, RuntimeException e) {
    return new Finding(Messages.INTERNAL_ERROR, Severity.ERROR, element, null, null, Messages.internalError(what, e));
  }
}
