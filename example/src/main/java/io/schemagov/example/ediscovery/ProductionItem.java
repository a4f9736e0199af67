package io.schemagov.example.ediscovery;

import io.schemagov.RenamedFrom;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ForeignKey;
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

  /** Items go with their production: the constraint cascades deletes, so it is spelled out. */
  @ManyToOne(optional = false)
  @JoinColumn(name = "production_set_id", nullable = false,
      foreignKey = @ForeignKey(name = "fk_ediscovery_item_set", foreignKeyDefinition =
          "FOREIGN KEY (production_set_id) REFERENCES ediscovery_production_set (id) ON DELETE CASCADE"))
  private ProductionSet productionSet;

  @Column(name = "document_control_number", nullable = false, length = 40)
  private String documentControlNumber;

  @Column(nullable = false)
  private boolean responsive;

  protected ProductionItem() {}
}
