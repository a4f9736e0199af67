package io.schemagov.example.evidence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One hand-over of an evidence item: who released it, who received it, when and why. */
@Entity
@Table(name = "chain_of_custody")
public class ChainOfCustody {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "evidence_item_id", nullable = false)
  private EvidenceItem evidenceItem;

  @ManyToOne
  @JoinColumn(name = "released_by")
  private User releasedBy;

  @ManyToOne(optional = false)
  @JoinColumn(name = "received_by", nullable = false)
  private User receivedBy;

  @Column(name = "transferred_at", nullable = false)
  private OffsetDateTime transferredAt;

  @Column(length = 500)
  private String purpose;

  protected ChainOfCustody() {}
}
