package io.schemagov.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static io.schemagov.processor.Compile.source;

import com.google.testing.compile.Compilation;
import io.schemagov.processor.generate.ClassOutput;
import io.schemagov.processor.generate.Outputs;
import io.schemagov.processor.index.TableIndex;
import io.schemagov.processor.jpa.NamingStrategy;
import io.schemagov.processor.rules.Rules;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.TypeElement;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * An analysis in javac's last round (entities that became readable only then) still writes the
 * index's JSON and its class: the class is compiled by schemagov into the class output, so it needs
 * no source (one generated in the last round is never compiled, and javac warns).
 */
class LastRoundTest {
  /** Runs the analysis only when processing is over, as the processor does for late entities. */
  private static final class AnalysingLast extends TestProcessors.SeesEverything {
    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (round.processingOver()) {
        TypeElement type = processingEnv.getElementUtils().getTypeElement("a.ProductionSet");
        new Analysis(processingEnv, NamingStrategy.JPA, Rules.all(), what -> {})
            .run(List.of(type), Outputs.immediate(processingEnv), new ClassOutput(processingEnv, true, Set.of()));
      }
      return false;
    }
  }

  @Test
  void theLastRoundWritesTheJsonAndTheIndexClassButNoSource() {
    Compilation c = javac().withProcessors(new AnalysingLast()).compile(source("a.ProductionSet", "package a;",
        "@jakarta.persistence.Entity public class ProductionSet { @jakarta.persistence.Id Long id; }"));
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedFile(StandardLocation.CLASS_OUTPUT, "", TableIndex.RESOURCE)
        .contentsAsUtf8String().contains("\"owner\" : \"a.ProductionSet\"");
    assertThat(c.generatedSourceFiles()).isEmpty();
    assertThat(c.generatedFiles().stream().map(f -> f.getName())
        .filter(n -> n.contains("io/schemagov/index/TableIndex_") && n.endsWith(".class")).count()).isEqualTo(1);
    assertThat(c.generatedFiles().stream().map(f -> f.getName())
        .filter(n -> n.contains("io/schemagov/index/TableIndex_") && n.endsWith(".json")).count()).isEqualTo(1);
  }
}
