package io.schemagov.processor.rules;

import io.schemagov.processor.jpa.EntityModel;
import io.schemagov.processor.jpa.RelationModel;
import io.schemagov.processor.jpa.TableModel;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code fk-orm-managed}: a {@code @MigrationManaged} entity has a foreign key into a table the
 * migrations do not create, so the chain only runs on a blank database where foreign keys are not
 * checked at DDL time (SQLite) unless that table is created first.
 */
public final class FkOrmManagedRule implements Rule {
  @Override
  public String key() {
    return Messages.FK_ORM_MANAGED;
  }

  @Override
  public Severity severity() {
    return Severity.WARNING;
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<Finding> out = new ArrayList<>();
    for (RuleContext.Member m : context.members()) {
      EntityModel e = m.entity();
      RelationModel rel = m.attribute().relation();
      if (e.migrationManaged() && rel != null && rel.targetIsEntity() && !rel.targetMigrationManaged() && rel.mapsForeignKey()) {
        out.add(Finding.of(this, rel.source(), Messages.fkOrmManaged(
            e.qualifiedName(), Messages.member(rel.source().element()), rel.targetType())));
      }
    }
    for (ForeignKeys.Resolved r : context.foreignKeys()) {
      if (r.member().entity().migrationManaged()
          && !r.current().isEmpty()
          && r.current().stream().noneMatch(TableModel::migrationManaged)) {
        out.add(Finding.of(this, r.fk().source(), Messages.fkOrmManaged(
            r.member().entity().qualifiedName(), r.where(), r.current().get(0).displayName())));
      }
    }
    return out;
  }
}
