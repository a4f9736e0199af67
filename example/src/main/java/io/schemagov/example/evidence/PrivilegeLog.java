package io.schemagov.example.evidence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** An evidence item withheld from production, and the privilege claimed for it. */
@Entity
@Table(name = "privilege_log")
public class PrivilegeLog {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "evidence_item_id", nullable = false)
  private EvidenceItem evidenceItem;

  @Column(name = "privilege_basis", nullable = false, length = 64)
  private String privilegeBasis;

  @Column(length = 1000)
  private String description;

  protected PrivilegeLog() {}
}
