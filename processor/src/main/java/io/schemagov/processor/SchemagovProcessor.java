package io.schemagov.processor;

import com.google.auto.service.AutoService;
import io.schemagov.processor.drift.DriftCheck;
import io.schemagov.processor.generate.Artifacts;
import io.schemagov.processor.generate.ClassOutput;
import io.schemagov.processor.generate.EntitySchema;
import io.schemagov.processor.generate.ModelClass;
import io.schemagov.processor.generate.Outputs;
import io.schemagov.processor.generate.Revisions;
import io.schemagov.processor.generate.SchemaMapper;
import io.schemagov.processor.generate.SourceMentions;
import io.schemagov.processor.jpa.Ann;
import io.schemagov.processor.jpa.NamingStrategy;
import io.schemagov.processor.rules.Messages;
import io.schemagov.processor.rules.Rule;
import io.schemagov.processor.rules.RuleContext;
import io.schemagov.processor.rules.Rules;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * The schemagov checker. Thin: it collects the persistence classes over the rounds, and runs one
 * {@link Analysis} per compilation, in the first round where every one of them can be read (a
 * model class the sources name is then still generated as a source in time to be compiled). When
 * processing ends with some never readable, it checks nothing and says so in one note (javac's own
 * errors say why). It claims no annotation, so Lombok, jpamodelgen or MapStruct on the same path see
 * everything they expect. Nothing it does throws out of {@code process()}: a fault is one
 * {@code internal-error} naming what was being read.
 */
@AutoService(Processor.class)
public final class SchemagovProcessor extends AbstractProcessor {
  public static final String OPTION_NAMING = "schemagov.naming";
  public static final String OPTION_REVISIONS = "schemagov.revisions";
  public static final String OPTION_DRIFT = "schemagov.drift";

  private static final List<String> PERSISTENCE_TYPES = List.of("Entity", "MappedSuperclass", "Embeddable");

  private final List<Rule> rules;
  /** Qualified names, not elements: elements must not outlive their round. */
  private final Set<String> collected = new LinkedHashSet<>();
  private boolean analysed;
  /** Whether a source of the rounds so far names the generated model class ({@link SourceMentions}). */
  private boolean modelNamed;
  /** The generated files, when rendered on a thread of their own: written in javac's last round. */
  private Outputs outputs;
  /** What is being read, named by the {@code internal-error} of a fault no inner step fenced. */
  private String reading = "the compilation's persistence types";

  public SchemagovProcessor() {
    this(Rules.all());
  }

  SchemagovProcessor(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    Set<String> types = new LinkedHashSet<>();
    for (String t : PERSISTENCE_TYPES) {
      types.add("jakarta.persistence." + t);
      types.add("javax.persistence." + t);
    }
    types.addAll(List.of(
        "io.schemagov.MigrationManaged", "io.schemagov.SharedTable", "io.schemagov.RenamedFrom", "io.schemagov.References"));
    return types;
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(OPTION_NAMING, OPTION_REVISIONS, OPTION_DRIFT, Artifacts.OPTION_PACKAGE);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    try {
      if (!analysed) {
        collectAndAnalyse(annotations, round);
      }
      if (round.processingOver() && outputs != null) {
        reading = "the generated files";
        Outputs rendered = outputs;
        outputs = null;
        rendered.finish();
      }
    } catch (RuntimeException | LinkageError | StackOverflowError | AssertionError e) {
      // Any other VirtualMachineError (out of memory) is javac's to handle.
      analysed = true;
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, Messages.internalError(reading, e));
    }
    return false;
  }

  /** Collects this round's persistence classes, and analyses them once all can be read. */
  private void collectAndAnalyse(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    reading = "the classes annotated with " + annotations;
    for (TypeElement annotation : annotations) {
      for (Element e : round.getElementsAnnotatedWith(annotation)) {
        if (e instanceof TypeElement t) {
          reading = t.getQualifiedName().toString();
          if (isPersistenceType(t)) {
            collected.add(reading);
          }
        }
      }
    }
    reading = "the compilation units of this round, for a use of " + ModelClass.SIMPLE_NAME;
    modelNamed = modelNamed || SourceMentions.mention(processingEnv, round.getRootElements(), ModelClass.SIMPLE_NAME);
    List<TypeElement> types = resolve();
    if (round.processingOver() || (!types.isEmpty() && types.size() == collected.size())) {
      analysed = true;
      if (collected.isEmpty()) {
        return;
      }
      if (types.size() == collected.size()) {
        analyse(types, round.processingOver());
      } else {
        reportDeferred(types);
      }
    }
  }

  /** The collected classes that can be read now; fewer than collected while some are deferred. */
  private List<TypeElement> resolve() {
    List<TypeElement> out = new ArrayList<>();
    for (String name : collected) {
      reading = name;
      TypeElement t = processingEnv.getElementUtils().getTypeElement(name);
      if (t != null && Validity.isValid(t)) {
        out.add(t);
      }
    }
    return out;
  }

  /** Processing ends with types that never became readable: one note, so the silence is explained. */
  private void reportDeferred(List<TypeElement> readable) {
    Set<String> deferred = new TreeSet<>(collected);
    readable.forEach(t -> deferred.remove(t.getQualifiedName().toString()));
    processingEnv.getMessager().printMessage(Diagnostic.Kind.NOTE, Messages.notChecked(List.copyOf(deferred)));
  }

  private void analyse(List<TypeElement> types, boolean lastRound) {
    reading = "the -A" + OPTION_NAMING + " option";
    String option = processingEnv.getOptions().get(OPTION_NAMING);
    Optional<NamingStrategy> naming = NamingStrategy.forOption(option);
    if (naming.isEmpty()) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
          Messages.invalidOption(OPTION_NAMING, option, NamingStrategy.JPA.id() + ", " + NamingStrategy.SNAKE_CASE.id()));
      return;
    }
    List<TypeElement> entities = types.stream().filter(t -> Ann.hasJpa(t, "Entity")).toList();
    reading = "the revisions directory (-A" + OPTION_REVISIONS + ")";
    CompletableFuture<Revisions> loading = Revisions.resolve(processingEnv.getOptions().get(OPTION_REVISIONS),
        processingEnv.getFiler());
    ClassOutput classes = new ClassOutput(processingEnv, lastRound, modelNamed ? Set.of(ModelClass.SIMPLE_NAME) : Set.of());
    outputs = lastRound || classes.sourcesOnly() ? Outputs.immediate(processingEnv) : Outputs.deferred(processingEnv);
    Optional<RuleContext> checked =
        new Analysis(processingEnv, naming.get(), rules, what -> reading = what).run(entities, outputs, classes);
    if (checked.isEmpty() || checked.get().unit().entities().isEmpty()) {
      return;
    }
    reading = "the entity model of " + entities.size() + " entities, for the exported schema";
    EntitySchema schema = SchemaMapper.map(checked.get().unit(), naming.get());
    new Reporter(processingEnv.getMessager()).report(schema.problemsOfMigrationManaged());
    reading = "the revisions directory (-A" + OPTION_REVISIONS + ") and its chain";
    Revisions revisions = revisions(loading);
    DriftCheck.run(processingEnv, checked.get().unit(), schema, revisions);
    Artifacts.run(processingEnv, checked.get(), schema, revisions, outputs, classes);
  }

  /**
   * The revisions directory and chain, loaded once for drift and the artifacts; a bad option is one
   * error, and a fault while loading is rethrown here, for the processor's fence to report.
   */
  private Revisions revisions(CompletableFuture<Revisions> loading) {
    Revisions revisions;
    try {
      revisions = loading.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
    if (revisions.invalidOption()) {
      String option = processingEnv.getOptions().get(OPTION_REVISIONS);
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
          Messages.invalidOption(OPTION_REVISIONS, option, "a directory path"));
    }
    return revisions;
  }

  private static boolean isPersistenceType(TypeElement t) {
    return PERSISTENCE_TYPES.stream().anyMatch(n -> Ann.hasJpa(t, n));
  }
}
