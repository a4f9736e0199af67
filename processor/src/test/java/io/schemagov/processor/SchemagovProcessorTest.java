package io.schemagov.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static io.schemagov.processor.Compile.jpa;
import static io.schemagov.processor.Compile.source;

import com.google.testing.compile.Compilation;
import io.schemagov.processor.rules.Finding;
import io.schemagov.processor.rules.Messages;
import io.schemagov.processor.rules.Rule;
import io.schemagov.processor.rules.RuleContext;
import io.schemagov.processor.rules.Severity;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The processor as a whole: options, rounds, bad input, coexistence. */
class SchemagovProcessorTest {
  private static final JavaFileObject A = source("a.ProductionSet", "package a;", "import jakarta.persistence.*;",
      "@Entity @Table(name = \"production_set\") public class ProductionSet { @Id Long id; }");
  private static final JavaFileObject B = source("b.ProductionSet", "package b;", "import jakarta.persistence.*;",
      "@Entity(name = \"B\") @Table(name = \"production_set\") public class ProductionSet { @Id Long id; }");

  private static long schemagovDiagnostics(Compilation c) {
    return c.diagnostics().stream().filter(d -> d.getMessage(Locale.ROOT).contains("schemagov:")).count();
  }

  @Test
  void printsOneSummaryNote() {
    Compilation c = jpa(A, source("a.Item", "package a;", "import jakarta.persistence.*;", "import java.util.*;",
        "@Entity public class Item { @Id Long id; @ElementCollection Set<String> tags; }"));
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).hadNoteContaining(Messages.summary(2, 3));
    assertThat(c.notes().stream().filter(n -> n.getMessage(Locale.ROOT).startsWith("schemagov: checked")).count()).isEqualTo(1);
  }

  @Test
  void rejectsAnUnknownNamingOption() {
    Compilation c = javac().withProcessors(new SchemagovProcessor()).withOptions("-Aschemagov.naming=camel").compile(A);
    assertThat(c).hadErrorContaining(Messages.invalidOption("schemagov.naming", "camel", "jpa, snake_case"));
  }

  @Test
  void analysesOnceAcrossRounds() {
    JavaFileObject generated = source("a.Helper", "package a;", "class Helper {}");
    Compilation c = javac()
        .withProcessors(new SchemagovProcessor(), new TestProcessors.Generating("gen.Extra", "package gen; public class Extra {}"))
        .compile(A, B, generated);
    assertThat(c).hadErrorCount(2);
    assertThat(c.notes().stream().filter(n -> n.getMessage(Locale.ROOT).startsWith("schemagov: checked")).count()).isEqualTo(1);
  }

  @Test
  void defersEntitiesWhoseTypesAnotherProcessorGenerates() {
    JavaFileObject doc = source("a.Doc", "package a;", "import jakarta.persistence.*;",
        "@Entity public class Doc { @Id Long id; @ManyToOne gen.Author author; }");
    Compilation c = javac()
        .withProcessors(new SchemagovProcessor(), new TestProcessors.Generating("gen.Author",
            "package gen; @jakarta.persistence.Entity public class Author { @jakarta.persistence.Id Long id; }"))
        .compile(doc);
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).hadNoteContaining(Messages.summary(2, 2));
  }

  @Test
  void claimsNothingSoOtherProcessorsSeeTheEntities() {
    TestProcessors.Recording other = new TestProcessors.Recording();
    Compilation c = javac().withProcessors(new SchemagovProcessor(), other).compile(A);
    assertThat(c).succeededWithoutWarnings();
    assertThat(other.seen).contains("jakarta.persistence.Entity");
  }

  /** Errors and warnings only: the notes that say what schemagov did are not diagnostics of the code. */
  private static long schemagovFindings(Compilation c) {
    return c.diagnostics().stream().filter(d -> d.getKind() != Diagnostic.Kind.NOTE)
        .filter(d -> d.getMessage(Locale.ROOT).contains("schemagov:")).count();
  }

  private static List<String> schemagovNotes(Compilation c) {
    return c.notes().stream().map(n -> n.getMessage(Locale.ROOT)).filter(m -> m.startsWith("schemagov:")).toList();
  }

  @Test
  void missingTypesLeaveJavacsErrorsAloneAndOneNoteSaysNothingWasChecked() {
    JavaFileObject broken = source("a.Doc", "package a;", "import jakarta.persistence.*;",
        "@Entity @Table(name = \"production_set\") public class Doc { @Id Long id; @ManyToOne Missing missing; }");
    Compilation c = jpa(A, broken);
    assertThat(c).hadErrorContaining("cannot find symbol");
    assertThat(schemagovFindings(c)).isEqualTo(0);
    assertThat(schemagovNotes(c)).containsExactly(Messages.notChecked(List.of("a.Doc")));
  }

  @Test
  void aCompilationWithoutPersistenceTypesSaysNothing() {
    Compilation c = jpa(source("a.Dto", "package a;",
        "@io.schemagov.MigrationManaged public class Dto { @io.schemagov.References(\"t.id\") Long id; }"));
    assertThat(c).succeededWithoutWarnings();
    assertThat(schemagovDiagnostics(c)).isEqualTo(0);
  }

  @Test
  void anInvalidRevisionsOptionIsOneInvalidOptionError() {
    Compilation c = javac().withProcessors(new SchemagovProcessor())
        .withOptions("-Aschemagov.revisions=bad\u0000path").compile(A);
    assertThat(c).hadErrorContaining(Messages.invalidOption("schemagov.revisions", "bad\u0000path", "a directory path"));
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void malformedAnnotationValuesLeaveJavacsErrorsAlone() {
    JavaFileObject broken = source("a.Doc", "package a;", "import jakarta.persistence.*;",
        "@Entity @Table(name = 42, schema = NOPE) public class Doc { @Id Long id; @Column(length = \"x\") String s; }");
    Compilation c = jpa(A, broken);
    assertThat(c).failed();
    assertThat(schemagovDiagnostics(c)).isEqualTo(0);
  }

  @Test
  void aFaultInARuleIsOneInternalErrorNotAStackTrace() {
    Rule broken = new Rule() {
      @Override
      public String key() {
        return "broken";
      }

      @Override
      public Severity severity() {
        return Severity.ERROR;
      }

      @Override
      public List<Finding> check(RuleContext context) {
        throw new IllegalStateException("boom");
      }
    };
    Compilation c = javac().withProcessors(new SchemagovProcessor(List.of(broken))).compile(A);
    assertThat(c).hadErrorContaining(Messages.prefix(Messages.INTERNAL_ERROR) + "schemagov failed while reading the entities for rule broken");
    assertThat(c).hadErrorCount(1);
  }

  /** A rule failing with {@code fault}. */
  private static Rule failing(String key, Throwable fault) {
    return new Rule() {
      @Override
      public String key() {
        return key;
      }

      @Override
      public Severity severity() {
        return Severity.ERROR;
      }

      @Override
      public List<Finding> check(RuleContext context) {
        if (fault instanceof Error error) {
          throw error;
        }
        throw (RuntimeException) fault;
      }
    };
  }

  @Test
  void errorsThatAreNotExceptionsAreInternalErrorsNamingTheRule() {
    for (Throwable fault : List.of(new StackOverflowError(), new NoClassDefFoundError("org/hibernate/Missing"),
        new AssertionError("unexpected"))) {
      Compilation c = javac().withProcessors(new SchemagovProcessor(List.of(failing("faulty", fault)))).compile(A);
      assertThat(c).hadErrorContaining(Messages.internalError("the entities for rule faulty", fault));
      assertThat(c).hadErrorCount(1);
    }
  }

  @Test
  void annotationsOnlyAndNoEntitiesWriteNoIndex() {
    Compilation c = jpa(source("a.Plain", "package a;", "public class Plain {}"));
    assertThat(c).succeededWithoutWarnings();
    assertThat(c.generatedFiles().stream().filter(f -> f.toUri().toString().contains("schemagov")).count()).isEqualTo(0);
  }
}
