package io.schemagov.example.ediscovery;

import io.schemagov.References;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * A court-ordered discovery package built from the evidence platform's own productions.
 *
 * <p>It intentionally references {@code production_set}, the evidence package's table, not the
 * e-discovery one. Because the e-discovery model was renamed away from that name, the reference is
 * ambiguous to the checker ({@code schemagov:fk-renamed-reused}); the suppression below is the
 * reviewed confirmation that the evidence table is meant.
 */
@Entity
@Table(name = "court_grade_discovery")
public class CourtGradeDiscovery {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @SuppressWarnings("schemagov:fk-renamed-reused")
  @References("production_set.id")
  @Column(name = "production_set_id", nullable = false)
  private Long productionSetId;

  @Column(name = "court_order_reference", nullable = false, length = 64)
  private String courtOrderReference;

  @Column(name = "certified_at")
  private LocalDateTime certifiedAt;

  protected CourtGradeDiscovery() {}
}
