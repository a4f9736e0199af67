package io.schemagov.example.ediscovery;

import io.schemagov.RenamedFrom;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A document of an e-discovery production, with its review coding. */
@Entity(name = "EdiscoveryProductionItem")
@Table(name = "ediscovery_production_item")
@RenamedFrom("production_item")
public class ProductionItem {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "production_set_id", nullable = false)
  private ProductionSet productionSet;

  @Column(name = "document_control_number", nullable = false, length = 40)
  private String documentControlNumber;

  @Column(nullable = false)
  private boolean responsive;

  protected ProductionItem() {}
}
