package io.schemagov.example.cases;

import io.schemagov.MigrationManaged;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A law firm, agency or court that owns cases; its jurisdiction metadata dates from revision 0001. */
@MigrationManaged
@Entity
@Table(name = "organization")
public class Organization {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 200)
  private String name;

  @Column(length = 100)
  private String jurisdiction;

  @Column(name = "created_at", nullable = false)
  private LocalDateTime createdAt;

  protected Organization() {}

  public Organization(String name, String jurisdiction) {
    this.name = name;
    this.jurisdiction = jurisdiction;
    this.createdAt = LocalDateTime.now();
  }

  public Long getId() {
    return id;
  }
}
