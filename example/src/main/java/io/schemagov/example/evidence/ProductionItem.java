package io.schemagov.example.evidence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One evidence item in a production set, with its Bates number. */
@Entity
@Table(name = "production_item")
public class ProductionItem {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "production_set_id", nullable = false)
  private ProductionSet productionSet;

  @ManyToOne(optional = false)
  @JoinColumn(name = "evidence_item_id", nullable = false)
  private EvidenceItem evidenceItem;

  @Column(name = "bates_number", nullable = false, length = 32)
  private String batesNumber;

  protected ProductionItem() {}
}
