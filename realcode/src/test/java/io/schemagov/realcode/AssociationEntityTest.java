package io.schemagov.realcode;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.schemagov.processor.SchemagovProcessor;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Minimal forms of what Keycloak and Broadleaf do: an entity over an association's own table, for
 * queries and bulk deletes. When both map the same columns the database has one table that suits
 * both, so it is no collision; when the entity adds a column the association cannot write (a
 * generated id), it still is.
 */
class AssociationEntityTest {
  private static final JavaFileObject ROLE = JavaFileObjects.forSourceLines("a.Role",
      "package a;", "import jakarta.persistence.*;",
      "@Entity public class Role { @Id String id; }");

  // Keycloak 26's ClientScopeEntity.scopeMappingIds and ClientScopeRoleMappingEntity.
  private static final JavaFileObject SCOPE = JavaFileObjects.forSourceLines("a.Scope",
      "package a;", "import jakarta.persistence.*;", "import java.util.*;",
      "@Entity public class Scope {",
      "  @Id String id;",
      "  @ElementCollection @Column(name = \"ROLE_ID\")",
      "  @CollectionTable(name = \"SCOPE_ROLE\", joinColumns = @JoinColumn(name = \"SCOPE_ID\"))",
      "  Set<String> roleIds;",
      "}");

  // Broadleaf 3.1's OfferImpl.qualifyingItemCriteria over the CriteriaOfferXref entity.
  private static final JavaFileObject OFFER = JavaFileObjects.forSourceLines("a.Offer",
      "package a;", "import jakarta.persistence.*;", "import java.util.*;",
      "@Entity public class Offer {",
      "  @Id Long id;",
      "  @OneToMany @JoinTable(name = \"OFFER_ROLE\", joinColumns = @JoinColumn(name = \"OFFER_ID\"),",
      "      inverseJoinColumns = @JoinColumn(name = \"ROLE_ID\"))",
      "  Set<Role> roles;",
      "}");

  @Test
  void entityOverCollectionTableWithTheSameColumns() {
    JavaFileObject mapping = JavaFileObjects.forSourceLines("a.ScopeRole",
        "package a;", "import jakarta.persistence.*;", "import java.io.Serializable;",
        "@Entity @Table(name = \"SCOPE_ROLE\") @IdClass(ScopeRole.Key.class)",
        "public class ScopeRole {",
        "  @Id @ManyToOne @JoinColumn(name = \"SCOPE_ID\") Scope scope;",
        "  @Id @ManyToOne @JoinColumn(name = \"ROLE_ID\") Role role;",
        "  public static class Key implements Serializable { Scope scope; Role role; }",
        "}");
    assertThat(compile(ROLE, SCOPE, mapping)).succeededWithoutWarnings();
  }

  @Test
  void entityOverJoinTableWithTheSameColumns() {
    JavaFileObject xref = JavaFileObjects.forSourceLines("a.OfferRole",
        "package a;", "import jakarta.persistence.*;", "import java.io.Serializable;",
        "@Entity @Table(name = \"OFFER_ROLE\")",
        "public class OfferRole {",
        "  @EmbeddedId Key key;",
        "  @Embeddable public static class Key implements Serializable {",
        "    @ManyToOne @JoinColumn(name = \"OFFER_ID\") Offer offer;",
        "    @ManyToOne @JoinColumn(name = \"ROLE_ID\") Role role;",
        "  }",
        "}");
    assertThat(compile(ROLE, OFFER, xref)).succeededWithoutWarnings();
  }

  @Test
  void entityWithItsOwnIdOverJoinTableStillCollides() {
    // Broadleaf 3.1's CategoryExcludedSearchFacetImpl: the association inserts rows without the id.
    JavaFileObject xref = JavaFileObjects.forSourceLines("a.OfferRole",
        "package a;", "import jakarta.persistence.*;",
        "@Entity @Table(name = \"OFFER_ROLE\")",
        "public class OfferRole {",
        "  @Id @GeneratedValue @Column(name = \"OFFER_ROLE_ID\") Long id;",
        "  @ManyToOne @JoinColumn(name = \"OFFER_ID\") Offer offer;",
        "  @ManyToOne @JoinColumn(name = \"ROLE_ID\") Role role;",
        "}");
    Compilation c = compile(ROLE, OFFER, xref);
    assertThat(c).hadErrorContaining("[schemagov:table-collision] table OFFER_ROLE").inFile(xref).onLine(3);
    assertThat(c).hadErrorContaining("[schemagov:table-collision] table OFFER_ROLE").inFile(OFFER).onLine(6);
  }

  private static Compilation compile(JavaFileObject... files) {
    return Compiler.javac().withProcessors(new SchemagovProcessor()).compile(files);
  }
}
