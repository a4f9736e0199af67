package io.schemagov.processor.rules;

import io.schemagov.processor.jpa.ForeignKeyText;
import io.schemagov.processor.jpa.TableModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The foreign keys written as text in the compilation, resolved once against the table catalog: the
 * foreign-key rules and the governance report read the same resolution.
 */
public final class ForeignKeys {
  private ForeignKeys() {}

  /** A readable foreign-key text with what its table name means today. */
  public record Resolved(RuleContext.Member member, ForeignKeyText fk, List<TableModel> current,
      List<TableModel> renamedAway) {
    public String where() {
      return Messages.member(fk.source().element());
    }
  }

  static List<Resolved> resolve(List<RuleContext.Member> members, TableCatalog tables) {
    List<Resolved> out = new ArrayList<>();
    for (RuleContext.Member m : members) {
      for (ForeignKeyText fk : m.attribute().foreignKeys()) {
        if (fk.table() != null) {
          List<TableModel> renamed = new ArrayList<>();
          for (TableModel t : tables.renamedFrom(fk.table())) {
            if (fk.schema() == null || t.schema() == null || t.schema().key().equals(fk.schema().key())) {
              renamed.add(t);
            }
          }
          out.add(new Resolved(m, fk, tables.lookup(fk.schema(), fk.table()), renamed));
        }
      }
    }
    return out;
  }
}
