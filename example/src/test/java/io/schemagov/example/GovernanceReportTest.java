package io.schemagov.example;

import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The governance report the build writes for the example is the one README links to: the policy
 * document of the seed, written by the machine. A change to the entities or the chain that changes
 * the report must change the committed copy in the same commit.
 */
class GovernanceReportTest {
  private static final Path GENERATED = Path.of("target/classes/META-INF/schemagov/governance.md");
  private static final Path COMMITTED = Path.of("../docs/example-governance.md");

  @Test
  void theCommittedReportIsTheOneTheBuildWrites() throws IOException {
    String generated = Files.readString(GENERATED);
    String committed = Files.readString(COMMITTED);

    assertWithMessage("docs/example-governance.md is stale; copy example/%s over it", GENERATED)
        .that(committed).isEqualTo(generated);
  }

  @Test
  void theReportStatesThePolicy() throws IOException {
    String report = Files.readString(GENERATED);

    assertWithMessage("revision chain").that(report)
        .contains("| 0002 | Events (UUID PK), CameraSyncGroup, EventEvidence | Yes |");
    assertWithMessage("ownership").that(report).contains("### Migration-managed (created by the revision chain)");
    assertWithMessage("FK dependencies").that(report).contains("| `event_evidence` |");
    assertWithMessage("renames").that(report)
        .contains("| `ediscovery.ProductionSet` | `production_set` | `ediscovery_production_set` |");
    assertWithMessage("the intentional reference").that(report).contains("| `court_grade_discovery` |");
  }
}
