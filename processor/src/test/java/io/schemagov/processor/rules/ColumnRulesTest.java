package io.schemagov.processor.rules;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.schemagov.processor.Compile.jpa;
import static io.schemagov.processor.Compile.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** non-ascii-default, invalid-reference and shared-table-conflict. */
class ColumnRulesTest {
  /** Hibernate's annotation, declared here: the processor reads it by name only. */
  private static final JavaFileObject COLUMN_DEFAULT = source("org.hibernate.annotations.ColumnDefault",
      "package org.hibernate.annotations;",
      "public @interface ColumnDefault { String value(); }");

  @Test
  void nonAsciiDefaultsAreErrors() {
    JavaFileObject e = source("a.Tag", "package a;", "import jakarta.persistence.*;",
        "@Entity public class Tag {",
        "  @Id Long id;",
        "  @Column(columnDefinition = \"varchar(20) DEFAULT 'caf\u00e9'\") String label;",
        "  @org.hibernate.annotations.ColumnDefault(\"'\u2014'\") String dash;",
        "}");
    Compilation c = jpa(COLUMN_DEFAULT, e);
    assertThat(c).hadErrorContaining(Messages.nonAsciiDefault("a.Tag.label", "'caf\u00e9'")).inFile(e).onLine(5);
    assertThat(c).hadErrorContaining(Messages.nonAsciiDefault("a.Tag.dash", "'\u2014'")).inFile(e).onLine(6);
    assertThat(c).hadErrorCount(2);
  }

  @Test
  void asciiDefaultsAreSilent() {
    JavaFileObject e = source("a.Tag", "package a;", "import jakarta.persistence.*;",
        "@Entity public class Tag {",
        "  @Id Long id;",
        "  @Column(columnDefinition = \"varchar(20) default 'cafe' not null\") String label;",
        "  @Column(columnDefinition = \"integer DEFAULT 0\") int count;",
        "  @Column(name = \"caf\u00e9\") String accentedNameIsNotADefault;",
        "  @org.hibernate.annotations.ColumnDefault(\"'-'\") String dash;",
        "}");
    assertThat(jpa(COLUMN_DEFAULT, e)).succeededWithoutWarnings();
  }

  @Test
  void malformedReferencesAreErrors() {
    JavaFileObject users = source("a.User", "package a;", "import jakarta.persistence.*;",
        "@Entity @Table(name = \"users\") public class User { @Id Long id; }");
    JavaFileObject e = source("a.Doc", "package a;", "import jakarta.persistence.*;", "import io.schemagov.References;",
        "@Entity public class Doc {",
        "  @Id Long id;",
        "  @References(\"\") Long a;",
        "  @References(\"users\") Long b;",
        "  @References(\"users.id; DROP TABLE users\") Long c;",
        "  @References(\"users.id\") Long fine;",
        "  @References(\"public.users.id\") Long alsoFine;",
        "}");
    Compilation c = jpa(users, e);
    assertThat(c).hadErrorContaining(Messages.invalidReference("a.Doc.a", "", Messages.REFERENCE_EMPTY)).inFile(e).onLine(6);
    assertThat(c).hadErrorContaining(Messages.invalidReference("a.Doc.b", "users", Messages.REFERENCE_NO_COLUMN)).inFile(e).onLine(7);
    assertThat(c).hadErrorContaining(
        Messages.invalidReference("a.Doc.c", "users.id; DROP TABLE users", Messages.REFERENCE_NOT_IDENTIFIER)).inFile(e).onLine(8);
    assertThat(c).hadErrorCount(3);
  }

  private static JavaFileObject shared(String name, String nameColumn) {
    return source(name, "package " + name.substring(0, name.indexOf('.')) + ";", "import jakarta.persistence.*;",
        "@io.schemagov.SharedTable @Entity(name = \"" + name.replace('.', '_') + "\") @Table(name = \"audit\")",
        "public class " + name.substring(name.indexOf('.') + 1) + " {",
        "  @Id Long id;",
        "  " + nameColumn,
        "}");
  }

  @Test
  void sharedTableColumnsMustAgree() {
    JavaFileObject v1 = shared("a.AuditV1", "@Column(length = 100, nullable = false) String actor;");
    JavaFileObject v2 = shared("b.AuditV2", "@Column(length = 200) String actor;");
    Compilation c = jpa(v1, v2);
    assertThat(c).hadErrorContaining(Messages.sharedTableConflict("audit", "actor",
        "a.AuditV1.actor", "java.lang.String(100) NOT NULL", "b.AuditV2.actor", "java.lang.String(200) NULL"))
        .inFile(v2).onLine(6);
    assertThat(c).hadErrorCount(1);
    JavaFileObject typeClash = shared("b.AuditV2", "@Column(name = \"actor\") Long actorId;");
    assertThat(jpa(v1, typeClash)).hadErrorContaining(Messages.prefix(Messages.SHARED_TABLE_CONFLICT) + "column actor of shared table audit");
  }

  @Test
  void sharedTableColumnsThatAgreeAreSilent() {
    JavaFileObject v1 = shared("a.AuditV1", "@Column(length = 100) String actor;");
    JavaFileObject v2 = shared("b.AuditV2", "@Column(name = \"ACTOR\", length = 100) String who; String extra;");
    assertThat(jpa(v1, v2)).succeededWithoutWarnings();
  }
}
