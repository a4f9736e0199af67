package io.schemagov.example.evidence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** A reviewer's label on an evidence item ("hot", "privileged", "responsive"). */
@Entity
@Table(
    name = "evidence_tag",
    uniqueConstraints = @UniqueConstraint(name = "uq_evidence_tag_item_label", columnNames = {"evidence_item_id", "label"}),
    indexes = @Index(name = "ix_evidence_tag_label", columnList = "label"))
public class EvidenceTag {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "evidence_item_id", nullable = false)
  private EvidenceItem evidenceItem;

  @Column(nullable = false, length = 64)
  private String label;

  @ManyToOne
  @JoinColumn(name = "tagged_by")
  private User taggedBy;

  protected EvidenceTag() {}
}
