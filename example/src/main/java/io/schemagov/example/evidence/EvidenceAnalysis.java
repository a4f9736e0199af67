package io.schemagov.example.evidence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/** The result of an automated or manual analysis of an evidence item (OCR, transcription, hashing). */
@Entity
@Table(name = "evidence_analysis")
public class EvidenceAnalysis {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "evidence_item_id", nullable = false)
  private EvidenceItem evidenceItem;

  @Column(name = "analysis_type", nullable = false, length = 50)
  private String analysisType;

  @Column(precision = 5, scale = 4)
  private BigDecimal confidence;

  @Lob
  private String findings;

  @Column(name = "completed_at")
  private LocalDateTime completedAt;

  protected EvidenceAnalysis() {}
}
