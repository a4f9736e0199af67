package io.schemagov.example.evidence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A piece of evidence held by the platform: a file, a device image, a physical item's record. */
@Entity
@Table(name = "evidence_item")
public class EvidenceItem {
  /** How the item reached the platform. */
  public enum Source { UPLOAD, DEVICE_EXTRACTION, PHYSICAL_INTAKE, THIRD_PARTY }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "original_filename", nullable = false, length = 255)
  private String originalFilename;

  @Column(name = "media_type", length = 100)
  private String mediaType;

  @Column(name = "size_bytes", nullable = false)
  private long sizeBytes;

  @Column(name = "sha256", nullable = false, length = 64)
  private String sha256;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32)
  private Source source;

  @ManyToOne(optional = false)
  @JoinColumn(name = "uploaded_by", nullable = false)
  private User uploadedBy;

  @Column(name = "received_at", nullable = false)
  private LocalDateTime receivedAt;

  protected EvidenceItem() {}

  public Long getId() {
    return id;
  }

  public String getSha256() {
    return sha256;
  }
}
