package io.schemagov.processor.drift;

import io.schemagov.revision.AddColumn;
import io.schemagov.revision.AddForeignKey;
import io.schemagov.revision.AddUnique;
import io.schemagov.revision.AlterColumn;
import io.schemagov.revision.CreateIndex;
import io.schemagov.revision.CreateTable;
import io.schemagov.revision.DropColumn;
import io.schemagov.revision.DropForeignKey;
import io.schemagov.revision.DropIndex;
import io.schemagov.revision.DropTable;
import io.schemagov.revision.DropUnique;
import io.schemagov.revision.Op;
import io.schemagov.revision.RenameColumn;
import io.schemagov.revision.RenameTable;
import io.schemagov.schema.TableName;
import java.util.List;

/** The tables an op touches, by the names it uses; none for sequences and raw SQL. */
final class OpTables {
  private OpTables() {}

  static List<TableName> of(Op op) {
    if (op instanceof CreateTable o) {
      return List.of(o.table().name());
    }
    if (op instanceof RenameTable o) {
      return List.of(o.table(), o.table().withName(o.to()));
    }
    TableName table = op instanceof DropTable o ? o.table()
        : op instanceof AddColumn o ? o.table()
        : op instanceof DropColumn o ? o.table()
        : op instanceof RenameColumn o ? o.table()
        : op instanceof AlterColumn o ? o.table()
        : op instanceof CreateIndex o ? o.table()
        : op instanceof DropIndex o ? o.table()
        : op instanceof AddUnique o ? o.table()
        : op instanceof DropUnique o ? o.table()
        : op instanceof AddForeignKey o ? o.table()
        : op instanceof DropForeignKey o ? o.table()
        : null;
    return table == null ? List.of() : List.of(table);
  }

  /** The table an op leaves behind under its new name (a rename's target). */
  static TableName last(Op op) {
    List<TableName> tables = of(op);
    return tables.isEmpty() ? null : tables.get(tables.size() - 1);
  }
}
