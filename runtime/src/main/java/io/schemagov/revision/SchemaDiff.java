package io.schemagov.revision;

import io.schemagov.schema.Column;
import io.schemagov.schema.ColumnType;
import io.schemagov.schema.ForeignKey;
import io.schemagov.schema.Identifiers;
import io.schemagov.schema.Index;
import io.schemagov.schema.PrimaryKey;
import io.schemagov.schema.Schema;
import io.schemagov.schema.Sequence;
import io.schemagov.schema.Table;
import io.schemagov.schema.TableName;
import io.schemagov.schema.Unique;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The differences between an expected schema (the chain's head, or the entities) and an actual one
 * (a live database, or the chain): pure, no JDBC.
 *
 * <p>Names compare as the database compares them ({@link Identifiers#key}); columns by name, not
 * position (a downgraded drop re-adds a column at the end, and no query depends on the order).
 * Constraints compare by what they constrain, not by name, because a live database's names are
 * often not the chain's (SQLite's {@code sqlite_autoindex_*}, names from Hibernate's DDL, names cut
 * by PostgreSQL): a foreign key by its columns and referenced table and columns, an index by its
 * columns (in order) and uniqueness, a unique constraint by its columns (in order), the primary key
 * by its columns (in order). A constraint that differs only in name is therefore no difference.
 * A unique index and a unique constraint are different objects here; a dialect's introspection
 * reports each as what it is.
 */
public final class SchemaDiff {
  /** Seen from the expected schema: missing from the actual one, extra in it, or present but different. */
  public enum Kind { MISSING, EXTRA, CHANGED }

  /** What kind of object differs. */
  public enum Subject { TABLE, COLUMN, PRIMARY_KEY, FOREIGN_KEY, INDEX, UNIQUE, SEQUENCE }

  /**
   * One difference. {@code table} is the table it concerns (the sequence's name for a sequence);
   * {@code name} the column, constraint, index or sequence name (the expected one when both exist),
   * null for a table or primary key.
   */
  public record Difference(Kind kind, Subject subject, TableName table, String name, String description) {
    @Override
    public String toString() {
      return description;
    }
  }

  private SchemaDiff() {}

  /** Every difference, tables in name order, then sequences; empty when the schemas agree. */
  public static List<Difference> between(Schema expected, Schema actual) {
    return between(expected, actual, ColumnType::equals);
  }

  /**
   * As {@link #between(Schema, Schema)}, with {@code sameType} deciding whether an expected column
   * type and an actual one agree: a dialect whose database stores fewer types (SQLite's affinities)
   * passes its own rule.
   */
  public static List<Difference> between(Schema expected, Schema actual,
      BiPredicate<ColumnType, ColumnType> sameType) {
    List<Difference> found = new ArrayList<>();
    TreeSet<String> tables = new TreeSet<>(expected.tables().keySet());
    tables.addAll(actual.tables().keySet());
    for (String key : tables) {
      Table want = expected.tables().get(key);
      Table have = actual.tables().get(key);
      if (have == null) {
        found.add(new Difference(Kind.MISSING, Subject.TABLE, want.name(), null, "missing table " + want.name()));
      } else if (want == null) {
        found.add(new Difference(Kind.EXTRA, Subject.TABLE, have.name(), null, "extra table " + have.name()));
      } else {
        compareTables(want, have, sameType, found);
      }
    }
    TreeSet<String> sequences = new TreeSet<>(expected.sequences().keySet());
    sequences.addAll(actual.sequences().keySet());
    for (String key : sequences) {
      compareSequences(expected.sequences().get(key), actual.sequences().get(key), found);
    }
    return List.copyOf(found);
  }

  private static void compareTables(Table want, Table have, BiPredicate<ColumnType, ColumnType> sameType,
      List<Difference> found) {
    TableName table = want.name();
    for (Column column : want.columns()) {
      Optional<Column> actual = have.column(column.name());
      if (actual.isEmpty()) {
        found.add(new Difference(Kind.MISSING, Subject.COLUMN, table, column.name(),
            "missing column " + table + "." + column.name() + " " + definition(column)));
      } else {
        String changes = columnChanges(column, actual.get(), sameType);
        if (!changes.isEmpty()) {
          found.add(new Difference(Kind.CHANGED, Subject.COLUMN, table, column.name(),
              "column " + table + "." + column.name() + " differs: " + changes));
        }
      }
    }
    for (Column column : have.columns()) {
      if (want.column(column.name()).isEmpty()) {
        found.add(new Difference(Kind.EXTRA, Subject.COLUMN, table, column.name(),
            "extra column " + table + "." + column.name() + " " + definition(column)));
      }
    }
    comparePrimaryKeys(table, want.primaryKey(), have.primaryKey(), found);
    compareConstraints(table, Subject.FOREIGN_KEY, "foreign key", want.foreignKeys(), have.foreignKeys(),
        ForeignKey::name, fk -> columns(fk.columns()) + " -> " + fk.referencedTable() + " "
            + columns(fk.referencedColumns()),
        fk -> keys(fk.columns()) + ">" + fk.referencedTable().key() + keys(fk.referencedColumns()), found);
    compareConstraints(table, Subject.INDEX, "index", want.indexes(), have.indexes(), Index::name,
        ix -> (ix.unique() ? "unique " : "") + columns(ix.columns()),
        ix -> keys(ix.columns()) + ix.unique(), found);
    compareConstraints(table, Subject.UNIQUE, "unique constraint", want.uniques(), have.uniques(),
        Unique::name, uq -> columns(uq.columns()), uq -> keys(uq.columns()), found);
  }

  private static String columnChanges(Column want, Column have, BiPredicate<ColumnType, ColumnType> sameType) {
    List<String> changes = new ArrayList<>();
    if (!sameType.test(want.type(), have.type())) {
      changes.add("type " + want.type() + " expected, " + have.type() + " found");
    }
    if (want.nullable() != have.nullable()) {
      changes.add(want.nullable() ? "nullable expected, NOT NULL found" : "NOT NULL expected, nullable found");
    }
    if (!Objects.equals(want.defaultValue(), have.defaultValue())) {
      changes.add("default " + Objects.requireNonNullElse(want.defaultValue(), "none") + " expected, "
          + Objects.requireNonNullElse(have.defaultValue(), "none") + " found");
    }
    if (want.identity() != have.identity()) {
      changes.add(want.identity() ? "identity expected, not identity found" : "no identity expected, identity found");
    }
    return String.join("; ", changes);
  }

  private static void comparePrimaryKeys(TableName table, PrimaryKey want, PrimaryKey have, List<Difference> found) {
    if (want == null && have == null) {
      return;
    }
    if (have == null) {
      found.add(new Difference(Kind.MISSING, Subject.PRIMARY_KEY, table, null,
          "missing primary key " + columns(want.columns()) + " on " + table));
    } else if (want == null) {
      found.add(new Difference(Kind.EXTRA, Subject.PRIMARY_KEY, table, null,
          "extra primary key " + columns(have.columns()) + " on " + table));
    } else if (!keys(want.columns()).equals(keys(have.columns()))) {
      found.add(new Difference(Kind.CHANGED, Subject.PRIMARY_KEY, table, null, "primary key of " + table
          + " differs: " + columns(want.columns()) + " expected, " + columns(have.columns()) + " found"));
    }
  }

  /** Matches constraints by {@code identity}, each actual one used once, so duplicates count too. */
  private static <T> void compareConstraints(TableName table, Subject subject, String what, List<T> want,
      List<T> have, Function<T, String> name, Function<T, String> shape, Function<T, String> identity,
      List<Difference> found) {
    List<String> unmatched = new ArrayList<>(have.stream().map(identity).toList());
    List<T> extra = new ArrayList<>(have);
    for (T constraint : want) {
      int at = unmatched.indexOf(identity.apply(constraint));
      if (at < 0) {
        found.add(new Difference(Kind.MISSING, subject, table, name.apply(constraint),
            "missing " + what + " " + name.apply(constraint) + " on " + table + " " + shape.apply(constraint)));
      } else {
        unmatched.remove(at);
        extra.remove(at);
      }
    }
    for (T constraint : extra) {
      found.add(new Difference(Kind.EXTRA, subject, table, name.apply(constraint),
          "extra " + what + " " + name.apply(constraint) + " on " + table + " " + shape.apply(constraint)));
    }
  }

  private static void compareSequences(Sequence want, Sequence have, List<Difference> found) {
    if (have == null) {
      found.add(new Difference(Kind.MISSING, Subject.SEQUENCE, want.name(), want.name().name(),
          "missing sequence " + want.name()));
    } else if (want == null) {
      found.add(new Difference(Kind.EXTRA, Subject.SEQUENCE, have.name(), have.name().name(),
          "extra sequence " + have.name()));
    } else if (want.start() != have.start() || want.increment() != have.increment()) {
      found.add(new Difference(Kind.CHANGED, Subject.SEQUENCE, want.name(), want.name().name(),
          "sequence " + want.name() + " differs: start " + want.start() + " increment " + want.increment()
              + " expected, start " + have.start() + " increment " + have.increment() + " found"));
    }
  }

  private static String definition(Column column) {
    return "(" + column.type() + (column.nullable() ? "" : " not null")
        + (column.defaultValue() == null ? "" : " default " + column.defaultValue())
        + (column.identity() ? " identity" : "") + ")";
  }

  private static String columns(List<String> columns) {
    return "(" + String.join(", ", columns) + ")";
  }

  private static String keys(List<String> columns) {
    return columns.stream().map(Identifiers::key).collect(Collectors.joining(",", "(", ")"));
  }
}
