package io.schemagov.processor.rules;

import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Every message the processor prints, in one place (tests import these): {@code
 * [schemagov:<key>] <what is wrong>; <how to fix it>}.
 */
public final class Messages {
  public static final String TABLE_COLLISION = "table-collision";
  public static final String SHARED_TABLE_CONFLICT = "shared-table-conflict";
  public static final String FK_RENAMED_TABLE = "fk-renamed-table";
  public static final String FK_RENAMED_REUSED = "fk-renamed-reused";
  public static final String FK_UNKNOWN_TABLE = "fk-unknown-table";
  public static final String FK_ORM_MANAGED = "fk-orm-managed";
  public static final String NON_ASCII_DEFAULT = "non-ascii-default";
  public static final String INVALID_REFERENCE = "invalid-reference";
  public static final String INTERNAL_ERROR = "internal-error";
  public static final String INVALID_OPTION = "invalid-option";
  public static final String INDEX_UNREADABLE = "index-unreadable";
  public static final String SCHEMA_DRIFT = "schema-drift";
  public static final String INVALID_CHAIN = "invalid-chain";
  public static final String DATA_LOSS = "data-loss";
  public static final String UNKNOWN_RENAME = "unknown-rename";
  public static final String ORM_TABLE_IN_CHAIN = "orm-table-in-chain";
  public static final String UNSUPPORTED_DRIFT = "unsupported-drift";
  public static final String REVISIONS_UNWRITABLE = "revisions-unwritable";

  /** Suppresses every warning-level schemagov finding. */
  public static final String SUPPRESS_ALL = "schemagov:all";

  private Messages() {}

  public static String prefix(String key) {
    return "[schemagov:" + key + "] ";
  }

  /** A field or property named by its declaring class, fully qualified. */
  public static String member(Element member) {
    Element owner = member.getEnclosingElement();
    String type = owner instanceof TypeElement t ? t.getQualifiedName().toString() : owner.toString();
    return type + "." + member.getSimpleName();
  }

  /** @param mappings each {@code "<fqcn> (<kind>)"}, sorted */
  public static String tableCollision(String table, List<String> mappings) {
    return prefix(TABLE_COLLISION)
        + "table " + table + " is mapped by " + String.join(" and ", mappings)
        + "; give each mapping its own table name (@Table, @JoinTable, @CollectionTable or @SecondaryTable), "
        + "or, if the entities share the table on purpose, annotate every one of them with @io.schemagov.SharedTable";
  }

  public static String sharedTableConflict(
      String table, String column, String first, String firstDefinition, String second, String secondDefinition) {
    return prefix(SHARED_TABLE_CONFLICT)
        + "column " + column + " of shared table " + table + " is " + firstDefinition + " in " + first
        + " but " + secondDefinition + " in " + second
        + "; the database has one column: map it the same way (type, length, nullability) in every entity";
  }

  public static String fkRenamedTable(String member, String oldTable, String renamer, String newTable) {
    return prefix(FK_RENAMED_TABLE)
        + "the foreign key of " + member + " names table " + oldTable + ", which " + renamer
        + " renamed to " + newTable + " (@RenamedFrom); point the foreign key at " + newTable;
  }

  public static String fkRenamedReused(String member, String oldTable, String renamer, String newTable, String current) {
    return prefix(FK_RENAMED_REUSED)
        + "the foreign key of " + member + " names table " + oldTable + ", which " + renamer
        + " renamed to " + newTable + " and " + current + " maps now; point it at " + newTable
        + ", or confirm that " + current + "'s table is meant with @SuppressWarnings(\"schemagov:"
        + FK_RENAMED_REUSED + "\")";
  }

  public static String fkUnknownTable(String member, String table) {
    return prefix(FK_UNKNOWN_TABLE)
        + "the foreign key of " + member + " names table " + table
        + ", which no entity of this compilation or of a table index on the classpath maps"
        + "; correct the table name, or compile against the module whose entities map it";
  }

  public static String relationshipToNonEntity(String member, String target) {
    return prefix(FK_UNKNOWN_TABLE)
        + "the relationship " + member + " targets " + target + ", which is not an @Entity"
        + "; annotate " + target + " with @Entity, or point the relationship at an entity (targetEntity)";
  }

  public static String fkOrmManaged(String entity, String member, String table) {
    return prefix(FK_ORM_MANAGED)
        + "migration-managed " + entity + " has a foreign key (" + member + ") into ORM-managed table " + table
        + ": PostgreSQL and MySQL enforce it at DDL time and fail on a blank database, SQLite does not"
        + "; create the ORM-managed tables first (a baseline before the revision chain), or make the table"
        + " migration-managed with @io.schemagov.MigrationManaged";
  }

  public static String nonAsciiDefault(String member, String value) {
    return prefix(NON_ASCII_DEFAULT)
        + "the column default " + value + " of " + member + " contains non-ASCII characters"
        + "; use plain ASCII in column defaults and set other text from application code";
  }

  public static String invalidReference(String member, String value, String reason) {
    return prefix(INVALID_REFERENCE)
        + "@References(\"" + value + "\") on " + member + " " + reason
        + "; write \"table.column\" or \"schema.table.column\" with plain identifiers";
  }

  public static final String REFERENCE_EMPTY = "is empty";
  public static final String REFERENCE_NO_COLUMN = "names no column";
  public static final String REFERENCE_NOT_IDENTIFIER = "is not made of identifiers";

  public static String internalError(String element, Throwable fault) {
    return prefix(INTERNAL_ERROR)
        + "schemagov failed while reading " + element + ": " + fault
        + "; please report this with the mapping of " + element;
  }

  /** A class-output file the processor generates could not be written. */
  public static String notWritten(String file, Throwable fault) {
    return prefix(INTERNAL_ERROR)
        + "could not write " + file + ": " + fault
        + "; check that the directory is writable, and report this if it persists";
  }

  public static String invalidOption(String option, String value, String allowed) {
    return prefix(INVALID_OPTION)
        + "-A" + option + "=" + value + " is not a known value; use one of " + allowed;
  }

  public static String indexUnreadable(String where, String reason) {
    return prefix(INDEX_UNREADABLE)
        + "cannot read the schemagov table index " + where + " (" + reason + "); its tables are not checked"
        + "; rebuild the module that produced it with this version of schemagov";
  }

  public static String summary(int entities, int tables) {
    return "schemagov: checked " + entities + " entities, " + tables + " tables";
  }

  /** @param types the persistence types that never became readable, sorted */
  public static String notChecked(List<String> types) {
    return "schemagov: did not check this compilation: " + String.join(", ", types)
        + " did not resolve (javac's errors say why)"
        + "; schemagov checks a compilation once every persistence type can be read";
  }

  // ---- drift: the entities against the revision chain

  /** How to end a drift failure; tests assert it. */
  public static String driftRemedy(String file) {
    return "review " + file + ", edit it if needed, and commit it; the next build passes";
  }

  /**
   * @param differences one line each, from the planner
   * @param head the chain's head the proposal follows ({@code base} for an empty chain)
   */
  public static String schemaDrift(List<String> differences, String head, String file) {
    StringBuilder text = new StringBuilder(prefix(SCHEMA_DRIFT))
        .append("the @MigrationManaged entities differ from the revision chain at ").append(head).append(':');
    differences.forEach(d -> text.append("\n  - ").append(d));
    return text.append("\nwrote the proposed revision ").append(file).append("; ").append(driftRemedy(file)).toString();
  }

  /** @param problem the runtime's problem text: file, line and op, what is wrong and how to fix it */
  public static String invalidChain(String problem, String directory) {
    return prefix(INVALID_CHAIN) + problem + " (revisions directory " + directory + ")";
  }

  /** @param problem the runtime's text, which ends with the remedy (add acknowledge_data_loss: true) */
  public static String dataLoss(String problem, String file) {
    return prefix(DATA_LOSS) + problem + " (" + file + ")";
  }

  public static String unknownRename(String rename, String reason) {
    return prefix(UNKNOWN_RENAME)
        + "@RenamedFrom declares " + rename + ", but " + reason
        + "; write the name the revision chain has for it, or remove @RenamedFrom if there is nothing to rename";
  }

  public static String unknownRenameNever(String what) {
    return "the revision chain never had " + what;
  }

  public static String unknownRenameNotAtHead(String head) {
    return "at the chain's head " + head + " neither the old nor the new name exists";
  }

  /** @param ops each {@code "<file>, op <n> (<op>)"} */
  public static String ormTableInChain(String table, String entity, List<String> ops) {
    return prefix(ORM_TABLE_IN_CHAIN)
        + "table " + table + " is ORM-managed (" + entity + " has no @MigrationManaged) but the revision chain "
        + "creates or alters it: " + String.join("; ", ops)
        + "; revisions must not touch ORM-managed tables (policy rule 3): annotate " + entity
        + " with @io.schemagov.MigrationManaged so the chain owns the table";
  }

  public static String unsupportedDrift(String difference) {
    return prefix(UNSUPPORTED_DRIFT)
        + "the entities differ from the revision chain in a way no op expresses: " + difference
        + "; write that revision by hand (sql op with up and down); no revision file was written";
  }

  public static String revisionsUnwritable(String where, String reason) {
    return revisionsUnwritable("the proposed revision", where, reason);
  }

  /** @param what the file being written, e.g. {@code "the exported entity schema"} */
  public static String revisionsUnwritable(String what, String where, String reason) {
    return prefix(REVISIONS_UNWRITABLE)
        + "cannot write " + what + " to " + where + " (" + reason + ")"
        + "; make the directory writable, or point -Aschemagov.revisions at the revisions directory";
  }

  public static String driftNotChecked() {
    return "schemagov: drift not checked: the class output is neither <module>/target/classes nor"
        + " <module>/build/classes/<language>/main, so no revisions directory derives from it;"
        + " pass -Aschemagov.revisions=<dir>";
  }
}
