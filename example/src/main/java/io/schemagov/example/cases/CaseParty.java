package io.schemagov.example.cases;

import io.schemagov.MigrationManaged;
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

/** A party to a case: plaintiff, defendant, witness, counsel. */
@MigrationManaged
@Entity
@Table(name = "case_party")
public class CaseParty {
  /** The party's role in the case. */
  public enum Role { PLAINTIFF, DEFENDANT, WITNESS, COUNSEL, EXPERT }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "case_id", nullable = false)
  private LegalCase legalCase;

  @Column(nullable = false, length = 200)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32)
  private Role role;

  @Column(name = "contact_email", length = 255)
  private String contactEmail;

  protected CaseParty() {}
}
