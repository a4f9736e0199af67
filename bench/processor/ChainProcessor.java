package bench;

import io.schemagov.processor.generate.EntitySchema;
import io.schemagov.processor.generate.SchemaMapper;
import io.schemagov.processor.jpa.EntityModel;
import io.schemagov.processor.jpa.EntityReader;
import io.schemagov.processor.jpa.NamingStrategy;
import io.schemagov.processor.jpa.PersistenceUnit;
import io.schemagov.revision.Op;
import io.schemagov.revision.Plan;
import io.schemagov.revision.Planner;
import io.schemagov.revision.Renames;
import io.schemagov.revision.Revision;
import io.schemagov.revision.RevisionFiles;
import io.schemagov.schema.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.annotation.processing.SupportedOptions;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * Writes the revision chain of the corpus's {@code @MigrationManaged} entities into
 * {@code -Abench.revisions=<dir>}: the schema the schemagov processor expects (its own entity
 * reader and schema mapper), planned from an empty schema by the runtime's {@link Planner}, cut
 * into revisions of {@value #OPS_PER_REVISION} ops and written with {@link RevisionFiles#write}.
 * Run once per corpus, with {@code -proc:only}, on the managed packages.
 */
@SupportedAnnotationTypes("jakarta.persistence.Entity")
@SupportedOptions("bench.revisions")
public final class ChainProcessor extends AbstractProcessor {
  private static final int OPS_PER_REVISION = 100;

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (annotations.isEmpty()) {
      return false;
    }
    EntityReader reader = new EntityReader(processingEnv.getTypeUtils(), NamingStrategy.JPA);
    List<EntityModel> entities = new ArrayList<>();
    for (TypeElement annotation : annotations) {
      for (TypeElement type : ElementFilter.typesIn(round.getElementsAnnotatedWith(annotation))) {
        entities.add(reader.read(type));
      }
    }
    EntitySchema schema = SchemaMapper.map(new PersistenceUnit(entities), NamingStrategy.JPA);
    Plan plan = Planner.plan(Schema.EMPTY, schema.migrationManaged(), Renames.NONE);
    if (!plan.unsupported().isEmpty() || !schema.problems().isEmpty()) {
      throw new IllegalStateException("the corpus maps what revisions cannot express: " + plan.unsupported() + schema.problems());
    }
    write(Path.of(processingEnv.getOptions().get("bench.revisions")), plan.ops());
    return true;
  }

  private static void write(Path dir, List<Op> ops) {
    try {
      Files.createDirectories(dir);
      String parent = null;
      for (int from = 0, n = 1; from < ops.size(); from += OPS_PER_REVISION, n++) {
        String id = String.format("%04d", n);
        List<Op> slice = ops.subList(from, Math.min(ops.size(), from + OPS_PER_REVISION));
        RevisionFiles.write(dir, new Revision(id, parent, "corpus part " + n, slice, null));
        parent = id;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
