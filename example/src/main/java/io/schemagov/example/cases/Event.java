package io.schemagov.example.cases;

import io.schemagov.MigrationManaged;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Something that happened in a case (an arrest, a call, a recording), keyed by a UUID (revision 0002). */
@MigrationManaged
@Entity
@Table(name = "events")
public class Event {
  @Id
  @GeneratedValue(strategy = GenerationType.UUID)
  private UUID id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "case_id", nullable = false)
  private LegalCase legalCase;

  @ManyToOne
  @JoinColumn(name = "camera_sync_group_id")
  private CameraSyncGroup cameraSyncGroup;

  @Column(name = "event_type", nullable = false, length = 50)
  private String eventType;

  @Column(name = "occurred_at", nullable = false)
  private OffsetDateTime occurredAt;

  @Column(length = 255)
  private String location;

  @Column(length = 2000)
  private String description;

  protected Event() {}
}
