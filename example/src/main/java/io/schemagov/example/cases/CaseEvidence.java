package io.schemagov.example.cases;

import io.schemagov.MigrationManaged;
import io.schemagov.example.evidence.EvidenceItem;
import io.schemagov.example.evidence.User;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** An evidence item entered into a case as an exhibit. */
@MigrationManaged
@Entity
@Table(name = "case_evidence")
@SuppressWarnings("schemagov:fk-orm-managed") // evidence_item and users are ORM-managed (baseline)
public class CaseEvidence {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "case_id", nullable = false)
  private LegalCase legalCase;

  @ManyToOne(optional = false)
  @JoinColumn(name = "evidence_item_id", nullable = false)
  private EvidenceItem evidenceItem;

  @ManyToOne
  @JoinColumn(name = "added_by")
  private User addedBy;

  @Column(name = "exhibit_label", length = 32)
  private String exhibitLabel;

  @Column(name = "added_at", nullable = false)
  private LocalDateTime addedAt;

  protected CaseEvidence() {}
}
