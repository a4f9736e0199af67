package io.schemagov.example.cases;

import io.schemagov.MigrationManaged;
import io.schemagov.example.evidence.EvidenceItem;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** An evidence item (a recording, a photo) that shows an event, at an offset into the media. */
@MigrationManaged
@Entity
@Table(name = "event_evidence")
public class EventEvidence {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "event_id", nullable = false)
  private Event event;

  /** evidence_item is ORM-managed: created by the baseline before revision 0002 on PostgreSQL. */
  @SuppressWarnings("schemagov:fk-orm-managed")
  @ManyToOne(optional = false)
  @JoinColumn(name = "evidence_item_id", nullable = false)
  private EvidenceItem evidenceItem;

  @Column(name = "offset_ms")
  private Long offsetMs;

  protected EventEvidence() {}
}
