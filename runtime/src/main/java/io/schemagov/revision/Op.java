package io.schemagov.revision;

import io.schemagov.schema.Schema;
import java.util.Optional;

/**
 * One schema change of a revision. Every op knows how it changes a schema and derives its exact
 * inverse from the schema state before it, so no revision can lack a downgrade.
 */
public sealed interface Op
    permits CreateTable, DropTable, RenameTable, AddColumn, DropColumn, RenameColumn, AlterColumn,
        CreateIndex, DropIndex, AddUnique, DropUnique, AddForeignKey, DropForeignKey,
        CreateSequence, DropSequence, ExecuteSql {

  /** The schema after this op; throws {@link InvalidOpException} when it cannot apply to {@code before}. */
  Schema apply(Schema before);

  /** The op that undoes this one, given the schema this op applies to. */
  Op inverse(Schema before);

  /**
   * What this op destroys when applied to {@code before} (rows of a dropped table or column, values
   * cut by a narrowed type), or empty when it destroys nothing.
   */
  default Optional<String> dataLoss(Schema before) {
    return Optional.empty();
  }

  /** Whether the revision file acknowledges this op's data loss. */
  default boolean dataLossAcknowledged() {
    return false;
  }

  /** A short description for messages and logs, e.g. {@code add column legal_case.title}. */
  String describe();
}
