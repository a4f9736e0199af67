package io.schemagov.realcode;

import static io.schemagov.realcode.RealCode.assertChecked;
import static io.schemagov.realcode.RealCode.classpath;
import static io.schemagov.realcode.RealCode.compile;
import static io.schemagov.realcode.RealCode.persistenceSources;
import static io.schemagov.realcode.RealCode.sources;

import com.google.testing.compile.Compilation;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The persistence classes of real open-source projects, compiled unchanged with schemagov on. The
 * versions are in the pom; what each finding means is in docs/realcode.md.
 */
class RealProjectsTest {
  /** Hibernate 4's annotations: only Broadleaf is written against them. */
  private static final String HIBERNATE_4 = "/org/hibernate/hibernate-core/";
  /** Hibernate 7 (org.hibernate.orm), which the Keycloak compilation gets. */
  private static final String HIBERNATE_ORM = "/org/hibernate/orm/";
  /** JPA 2.0, Broadleaf's; the OpenJPA projects use 2.2 features such as {@code @Table(indexes)}. */
  private static final String JPA_2_0 = "hibernate-jpa-2.0-api";
  private static final String JPA_2_2 = "geronimo-jpa_2.2_spec";

  /** Keycloak 26 (jakarta.persistence, Hibernate): realms, clients, users, sessions. */
  @Test
  void keycloak() {
    Compilation c = compile(persistenceSources(sources("keycloak")), classpath(Set.of(HIBERNATE_4)));
    assertChecked(c, 60, 84, List.of(), List.of());
  }

  /** Apache Syncope 3.0 (javax.persistence, OpenJPA): identity management, 13 mapped superclasses. */
  @Test
  void syncope() {
    Compilation c = compile(persistenceSources(sources("syncope")), classpath(Set.of(HIBERNATE_4, HIBERNATE_ORM, JPA_2_0)));
    assertChecked(c, 91, 115, List.of(), List.of());
  }

  /** Apache OpenMeetings 5.1 (javax.persistence, OpenJPA): rooms, users, recordings. */
  @Test
  void openMeetings() {
    Compilation c = compile(persistenceSources(sources("openmeetings")), classpath(Set.of(HIBERNATE_4, HIBERNATE_ORM, JPA_2_0)));
    assertChecked(c, 31, 32, List.of(), List.of());
  }

  /**
   * Broadleaf Commerce 3.1 framework (javax.persistence, Hibernate 4): catalog, order, offer,
   * payment. Two true findings: entities over association tables whose columns differ from the
   * association's (docs/realcode.md).
   */
  @Test
  void broadleaf() {
    Compilation c = compile(persistenceSources(sources("broadleaf")), classpath(Set.of(HIBERNATE_ORM, JPA_2_2)));
    String media = "[schemagov:table-collision] table BLC_CATEGORY_MEDIA_MAP is mapped by "
        + "org.broadleafcommerce.core.catalog.domain.CategoryImpl (join table) and "
        + "org.broadleafcommerce.core.media.domain.CategoryMediaMap (entity table)";
    String facets = "[schemagov:table-collision] table BLC_CAT_SEARCH_FACET_EXCL_XREF is mapped by "
        + "org.broadleafcommerce.core.catalog.domain.CategoryImpl (join table) and "
        + "org.broadleafcommerce.core.search.domain.CategoryExcludedSearchFacetImpl (entity table)";
    assertChecked(c, 82, 100, List.of(
        "CategoryImpl.java:308: " + media,
        "CategoryMediaMap.java:30: " + media,
        "CategoryImpl.java:386: " + facets,
        "CategoryExcludedSearchFacetImpl.java:46: " + facets), List.of());
  }
}
