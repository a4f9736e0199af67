package io.schemagov.migrate;

import io.schemagov.dialect.Dialect;
import io.schemagov.revision.Chain;
import io.schemagov.revision.Revision;
import io.schemagov.revision.Step;
import java.util.List;

/**
 * The script that moves a database from one revision to another without connecting to it (Alembic's
 * {@code --sql}): the same statements the migrator runs, one transaction per revision, with the
 * history rows written in each, so a database migrated by hand has a history the migrator trusts.
 */
final class OfflineSql {
  private final Chain chain;
  private final Dialect dialect;
  private final History history;

  OfflineSql(Chain chain, Dialect dialect) {
    this.chain = chain;
    this.dialect = dialect;
    this.history = new History(dialect);
  }

  String script(String from, String to) {
    List<Revision> revisions = chain.between(from, to);
    boolean upgrade = Migrator.position(chain, to) >= Migrator.position(chain, from);
    StringBuilder sql = new StringBuilder("-- schemagov: ").append(upgrade ? "upgrade " : "downgrade ")
        .append(from).append(" -> ").append(to).append(" (").append(dialect.name()).append(")\n");
    dialect.scriptPrologue().forEach(s -> statement(sql, s));
    if (upgrade && Chain.BASE.equals(from)) {
      history.create().forEach(s -> statement(sql, s));
    }
    for (Revision revision : revisions) {
      List<Step> steps = upgrade ? chain.upgradeSteps(revision.id()) : chain.downgradeSteps(revision.id());
      sql.append("\n-- ").append(upgrade ? "upgrade " : "downgrade ").append(revision.id());
      if (revision.message() != null) {
        sql.append(": ").append(revision.message().strip().replaceAll("\\s+", " "));
      }
      sql.append('\n');
      if (!upgrade) {
        Migrator.dropped(steps).forEach(d -> sql.append("-- ").append(d).append('\n'));
      }
      statement(sql, dialect.beginTransaction());
      for (Step step : steps) {
        dialect.render(step).forEach(s -> statement(sql, s));
      }
      statement(sql, upgrade ? history.insert(revision, chain, History.UPGRADE, 0) : history.delete(revision.id()));
      List<String> checks = dialect.beforeCommit(steps);
      if (!checks.isEmpty()) {
        sql.append("-- must return no rows: a script does not stop on rows (sqlite3 -bail stops on errors only);")
            .append(" a row is a row whose parent row is missing, committed anyway: fix it by hand\n");
      }
      checks.forEach(s -> statement(sql, s));
      statement(sql, "COMMIT");
    }
    return sql.toString();
  }

  private static void statement(StringBuilder sql, String statement) {
    sql.append(statement).append(";\n");
  }
}
