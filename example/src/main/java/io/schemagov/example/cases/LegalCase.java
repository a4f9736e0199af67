package io.schemagov.example.cases;

import io.schemagov.MigrationManaged;
import io.schemagov.example.evidence.User;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** A legal case (table {@code legal_case}: {@code case} is an SQL keyword). */
@MigrationManaged
@Entity
@Table(name = "legal_case")
public class LegalCase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_number", nullable = false, unique = true, length = 64)
  private String caseNumber;

  @Column(nullable = false, length = 255)
  private String title;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32)
  private CaseStatus status;

  @ManyToOne(optional = false)
  @JoinColumn(name = "organization_id", nullable = false)
  private Organization organization;

  /** The case's creator lives in the ORM-managed {@code users} table (revision 0001's FK). */
  @SuppressWarnings("schemagov:fk-orm-managed")
  @ManyToOne
  @JoinColumn(name = "created_by")
  private User createdBy;

  @Column(name = "opened_on")
  private LocalDate openedOn;

  @Column(name = "closed_on")
  private LocalDate closedOn;

  @Column(name = "created_at", nullable = false)
  private LocalDateTime createdAt;

  @OneToMany(mappedBy = "legalCase")
  private List<CaseParty> parties = new ArrayList<>();

  protected LegalCase() {}

  public LegalCase(String caseNumber, String title, Organization organization) {
    this.caseNumber = caseNumber;
    this.title = title;
    this.organization = organization;
    this.status = CaseStatus.INTAKE;
    this.createdAt = LocalDateTime.now();
  }

  public Long getId() {
    return id;
  }

  public List<CaseParty> getParties() {
    return parties;
  }
}
