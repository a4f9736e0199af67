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

/** Body-worn and dash cameras of one incident, aligned on a common clock. */
@MigrationManaged
@Entity
@Table(name = "camera_sync_group")
public class CameraSyncGroup {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "case_id", nullable = false)
  private LegalCase legalCase;

  @Column(nullable = false, length = 120)
  private String label;

  @Column(name = "reference_offset_ms", nullable = false)
  private long referenceOffsetMs;

  protected CameraSyncGroup() {}
}
