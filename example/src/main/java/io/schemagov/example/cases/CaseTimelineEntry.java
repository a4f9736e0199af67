package io.schemagov.example.cases;

import io.schemagov.MigrationManaged;
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

/** A line of a case's chronology, optionally tied to an event. */
@MigrationManaged
@Entity
@Table(name = "case_timeline_entry")
public class CaseTimelineEntry {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "case_id", nullable = false)
  private LegalCase legalCase;

  @ManyToOne
  @JoinColumn(name = "event_id")
  private Event event;

  @Column(name = "entry_at", nullable = false)
  private LocalDateTime entryAt;

  @Column(nullable = false, length = 500)
  private String summary;

  /** users is ORM-managed: created by the baseline before revision 0003 on PostgreSQL. */
  @SuppressWarnings("schemagov:fk-orm-managed")
  @ManyToOne
  @JoinColumn(name = "created_by")
  private User createdBy;

  protected CaseTimelineEntry() {}
}
