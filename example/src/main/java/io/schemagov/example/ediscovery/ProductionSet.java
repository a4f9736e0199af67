package io.schemagov.example.ediscovery;

import io.schemagov.RenamedFrom;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A production in an e-discovery review workflow (load file, custodians, date range). */
@Entity(name = "EdiscoveryProductionSet")
@Table(name = "ediscovery_production_set")
@RenamedFrom("production_set")
public class ProductionSet {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "matter_reference", nullable = false, length = 64)
  private String matterReference;

  @Column(name = "load_file_format", length = 16)
  private String loadFileFormat;

  @Column(name = "requested_at")
  private OffsetDateTime requestedAt;

  protected ProductionSet() {}
}
