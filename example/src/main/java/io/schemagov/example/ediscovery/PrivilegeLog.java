package io.schemagov.example.ediscovery;

import io.schemagov.References;
import io.schemagov.RenamedFrom;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A privilege-log entry of an e-discovery production. Its foreign key is declared by text and names
 * the renamed table; naming {@code ediscovery_production_item}'s old name would fail the build.
 */
@Entity(name = "EdiscoveryPrivilegeLog")
@Table(name = "ediscovery_privilege_log")
@RenamedFrom("privilege_log")
public class PrivilegeLog {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @References("ediscovery_production_item.id")
  @Column(name = "production_item_id", nullable = false)
  private Long productionItemId;

  @Column(name = "privilege_type", nullable = false, length = 32)
  private String privilegeType;

  @Column(name = "log_description", length = 1000)
  private String logDescription;

  protected PrivilegeLog() {}
}
