package io.schemagov.example.cases;

import io.schemagov.MigrationManaged;
import io.schemagov.example.evidence.User;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** An export of a case file (PDF bundle, load file), with the SHA-256 that proves what was handed over. */
@MigrationManaged
@Entity
@Table(name = "case_export_record",
    indexes = @Index(name = "ix_case_export_record_sha256", columnList = "sha256"))
public class CaseExportRecord {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "case_id", nullable = false)
  private LegalCase legalCase;

  /** users is ORM-managed: created by the baseline before revision 0003 on PostgreSQL. */
  @SuppressWarnings("schemagov:fk-orm-managed")
  @ManyToOne
  @JoinColumn(name = "exported_by")
  private User exportedBy;

  @Column(name = "export_format", nullable = false, length = 16)
  private String exportFormat;

  @Column(nullable = false, length = 64)
  private String sha256;

  @Column(name = "size_bytes", nullable = false)
  private long sizeBytes;

  @Column(name = "exported_at", nullable = false)
  private OffsetDateTime exportedAt;

  protected CaseExportRecord() {}
}
