package io.schemagov.processor.rules;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.schemagov.processor.Compile.jpa;
import static io.schemagov.processor.Compile.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The seed's rename, and the rules on foreign keys written as text. */
class ForeignKeyRulesTest {
  private static final JavaFileObject EVIDENCE = source("evidence.ProductionSet",
      "package evidence;",
      "import jakarta.persistence.*;",
      "@Entity @Table(name = \"production_set\")",
      "public class ProductionSet { @Id Long id; }");
  private static final JavaFileObject RENAMED = source("ediscovery.ProductionSet",
      "package ediscovery;",
      "import jakarta.persistence.*;",
      "@Entity(name = \"EdiscoveryProductionSet\")",
      "@Table(name = \"ediscovery_production_set\")",
      "@io.schemagov.RenamedFrom(\"production_set\")",
      "public class ProductionSet { @Id Long id; }");
  private static final JavaFileObject ITEM = source("ediscovery.ProductionItem",
      "package ediscovery;",
      "import jakarta.persistence.*;",
      "@Entity(name = \"EdiscoveryProductionItem\")",
      "@Table(name = \"ediscovery_production_item\")",
      "public class ProductionItem {",
      "  @Id Long id;",
      "  @io.schemagov.References(\"production_set.id\")",
      "  Long productionSetId;",
      "}");

  @Test
  void fkToRenamedAwayTableIsAnErrorNamingTheNewTable() {
    Compilation c = jpa(RENAMED, ITEM);
    assertThat(c).hadErrorContaining(Messages.fkRenamedTable(
            "ediscovery.ProductionItem.productionSetId", "production_set", "ediscovery.ProductionSet", "ediscovery_production_set"))
        .inFile(ITEM).onLine(7);
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void fkToNewNameIsSilent() {
    JavaFileObject fixed = source("ediscovery.ProductionItem",
        "package ediscovery;",
        "import jakarta.persistence.*;",
        "@Entity(name = \"EdiscoveryProductionItem\")",
        "public class ProductionItem {",
        "  @Id Long id;",
        "  @io.schemagov.References(\"ediscovery_production_set.id\") Long productionSetId;",
        "}");
    assertThat(jpa(RENAMED, fixed)).succeededWithoutWarnings();
  }

  @Test
  void fkToRenamedNameNowOwnedByAnotherEntityIsAWarning() {
    Compilation c = jpa(EVIDENCE, RENAMED, ITEM);
    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining(Messages.fkRenamedReused("ediscovery.ProductionItem.productionSetId", "production_set",
            "ediscovery.ProductionSet", "ediscovery_production_set", "evidence.ProductionSet"))
        .inFile(ITEM).onLine(7);
  }

  @Test
  void renamedReusedIsSilencedOnTheFieldOrTheClass() {
    JavaFileObject onField = source("ediscovery.ProductionItem",
        "package ediscovery;",
        "import jakarta.persistence.*;",
        "@Entity(name = \"EdiscoveryProductionItem\")",
        "public class ProductionItem {",
        "  @Id Long id;",
        "  @SuppressWarnings(\"schemagov:fk-renamed-reused\")",
        "  @io.schemagov.References(\"production_set.id\") Long productionSetId;",
        "}");
    JavaFileObject onClass = source("ediscovery.ProductionItem",
        "package ediscovery;",
        "import jakarta.persistence.*;",
        "@SuppressWarnings(\"schemagov:fk-renamed-reused\")",
        "@Entity(name = \"EdiscoveryProductionItem\")",
        "public class ProductionItem {",
        "  @Id Long id;",
        "  @io.schemagov.References(\"production_set.id\") Long productionSetId;",
        "}");
    assertThat(jpa(EVIDENCE, RENAMED, onField)).succeededWithoutWarnings();
    assertThat(jpa(EVIDENCE, RENAMED, onClass)).succeededWithoutWarnings();
  }

  @Test
  void errorsCannotBeSuppressed() {
    JavaFileObject suppressed = source("ediscovery.ProductionItem",
        "package ediscovery;",
        "import jakarta.persistence.*;",
        "@SuppressWarnings({\"schemagov:fk-renamed-table\", \"schemagov:all\"})",
        "@Entity(name = \"EdiscoveryProductionItem\")",
        "public class ProductionItem {",
        "  @Id Long id;",
        "  @io.schemagov.References(\"production_set.id\") Long productionSetId;",
        "}");
    assertThat(jpa(RENAMED, suppressed)).hadErrorContaining(Messages.prefix(Messages.FK_RENAMED_TABLE)).inFile(suppressed).onLine(7);
  }

  @Test
  void renamedTableInForeignKeyDefinitionAndColumnDefinition() {
    JavaFileObject item = source("ediscovery.ProductionItem",
        "package ediscovery;",
        "import jakarta.persistence.*;",
        "@Entity(name = \"EdiscoveryProductionItem\")",
        "public class ProductionItem {",
        "  @Id Long id;",
        "  @ManyToOne",
        "  @JoinColumn(name = \"set_id\", foreignKey = @ForeignKey(foreignKeyDefinition = \"FOREIGN KEY (set_id) REFERENCES production_set(id)\"))",
        "  ProductionSet set;",
        "  @Column(columnDefinition = \"bigint references PRODUCTION_SET (id)\")",
        "  Long other;",
        "}");
    Compilation c = jpa(RENAMED, item);
    assertThat(c).hadErrorContaining(Messages.fkRenamedTable(
        "ediscovery.ProductionItem.set", "production_set", "ediscovery.ProductionSet", "ediscovery_production_set")).inFile(item).onLine(7);
    assertThat(c).hadErrorContaining(Messages.fkRenamedTable(
        "ediscovery.ProductionItem.other", "PRODUCTION_SET", "ediscovery.ProductionSet", "ediscovery_production_set")).inFile(item).onLine(9);
    assertThat(c).hadErrorCount(2);
  }

  @Test
  void fkToUnknownTableIsAnError() {
    JavaFileObject e = source("a.Doc",
        "package a;",
        "import jakarta.persistence.*;",
        "@Entity public class Doc {",
        "  @Id Long id;",
        "  @io.schemagov.References(\"users.id\") Long createdBy;",
        "  @Column(columnDefinition = \"bigint REFERENCES public.owners(id)\") Long owner;",
        "}");
    Compilation c = jpa(e);
    assertThat(c).hadErrorContaining(Messages.fkUnknownTable("a.Doc.createdBy", "users")).inFile(e).onLine(5);
    assertThat(c).hadErrorContaining(Messages.fkUnknownTable("a.Doc.owner", "owners")).inFile(e).onLine(6);
  }

  @Test
  void fkToKnownTableIsSilent() {
    JavaFileObject users = source("a.User", "package a;", "import jakarta.persistence.*;",
        "@Entity @Table(name = \"users\") public class User { @Id Long id; }");
    JavaFileObject e = source("a.Doc", "package a;", "import jakarta.persistence.*;",
        "@Entity public class Doc {",
        "  @Id Long id;",
        "  @io.schemagov.References(\"USERS.id\") Long createdBy;",
        "  @Column(columnDefinition = \"bigint REFERENCES users(id)\") Long owner;",
        "}");
    assertThat(jpa(users, e)).succeededWithoutWarnings();
  }

  @Test
  void relationshipToNonEntityIsUnknown() {
    JavaFileObject plain = source("a.Plain", "package a;", "public class Plain { Long id; }");
    JavaFileObject e = source("a.Doc", "package a;", "import jakarta.persistence.*;", "import java.util.*;",
        "@Entity public class Doc {",
        "  @Id Long id;",
        "  @ManyToOne Plain plain;",
        "  @ManyToMany Set<Plain> plains;",
        "}");
    Compilation c = jpa(plain, e);
    assertThat(c).hadErrorContaining(Messages.relationshipToNonEntity("a.Doc.plain", "a.Plain")).inFile(e).onLine(6);
    assertThat(c).hadErrorContaining(Messages.relationshipToNonEntity("a.Doc.plains", "a.Plain")).inFile(e).onLine(7);
  }

  @Test
  void relationshipToEntityOrTypeVariableIsSilent() {
    JavaFileObject base = source("a.Owned", "package a;", "import jakarta.persistence.*;",
        "@MappedSuperclass public abstract class Owned<T> { @Id Long id; @ManyToOne T owner; }");
    JavaFileObject e = source("a.Doc", "package a;", "import jakarta.persistence.*;",
        "@Entity public class Doc extends Owned<Doc> { @ManyToOne Doc parent; @OneToMany(mappedBy = \"parent\") java.util.List<Doc> children; }");
    assertThat(jpa(base, e)).succeededWithoutWarnings();
  }

  @Test
  void migrationManagedFkIntoOrmTableWarnsNamingTheDatabases() {
    JavaFileObject users = source("a.User", "package a;", "import jakarta.persistence.*;",
        "@Entity @Table(name = \"users\") public class User { @Id Long id; }");
    JavaFileObject e = source("a.Case", "package a;", "import jakarta.persistence.*;",
        "@io.schemagov.MigrationManaged",
        "@Entity public class Case {",
        "  @Id Long id;",
        "  @ManyToOne User assignee;",
        "  @io.schemagov.References(\"users.id\") Long createdBy;",
        "}");
    Compilation c = jpa(users, e);
    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining(Messages.fkOrmManaged("a.Case", "a.Case.assignee", "a.User")).inFile(e).onLine(6);
    assertThat(c).hadWarningContaining(Messages.fkOrmManaged("a.Case", "a.Case.createdBy", "users")).inFile(e).onLine(7);
    assertThat(c).hadWarningContaining("PostgreSQL and MySQL enforce it at DDL time");
  }

  @Test
  void migrationManagedFkIntoMigrationManagedTableIsSilentAndWarningsSuppressible() {
    JavaFileObject org = source("a.Org", "package a;", "import jakarta.persistence.*;",
        "@io.schemagov.MigrationManaged @Entity public class Org { @Id Long id; }");
    JavaFileObject users = source("a.User", "package a;", "import jakarta.persistence.*;",
        "@Entity @Table(name = \"users\") public class User { @Id Long id; }");
    JavaFileObject e = source("a.Case", "package a;", "import jakarta.persistence.*;",
        "@io.schemagov.MigrationManaged",
        "@Entity public class Case {",
        "  @Id Long id;",
        "  @ManyToOne Org org;",
        "  @io.schemagov.References(\"org.id\") Long orgId;",
        "  @SuppressWarnings(\"schemagov:fk-orm-managed\") @ManyToOne User assignee;",
        "}");
    assertThat(jpa(org, users, e)).succeededWithoutWarnings();
    JavaFileObject ormOnly = source("a.Note", "package a;", "import jakarta.persistence.*;",
        "@Entity public class Note { @Id Long id; @ManyToOne User author; }");
    assertThat(jpa(users, ormOnly)).succeededWithoutWarnings();
  }
}
