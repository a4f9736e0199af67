package io.schemagov.example.evidence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * A set of evidence items produced to the opposing party. Keeps the table name {@code production_set};
 * the e-discovery model that collided with it was renamed (see the e-discovery package).
 */
@Entity
@Table(name = "production_set")
public class ProductionSet {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "bates_prefix", nullable = false, length = 16)
  private String batesPrefix;

  @Column(name = "produced_on")
  private LocalDate producedOn;

  @ManyToOne
  @JoinColumn(name = "prepared_by")
  private User preparedBy;

  protected ProductionSet() {}
}
