package io.schemagov.processor.generate;

import io.schemagov.dialect.Dialects;
import io.schemagov.processor.SchemagovProcessor;
import io.schemagov.processor.generate.GovernanceReport.ChainSummary;
import io.schemagov.processor.generate.GovernanceReport.RenameRow;
import io.schemagov.processor.generate.GovernanceReport.ReusedReference;
import io.schemagov.processor.jpa.EntityModel;
import io.schemagov.processor.jpa.PersistenceUnit;
import io.schemagov.processor.jpa.Source;
import io.schemagov.processor.rules.ForeignKeys;
import io.schemagov.processor.rules.Messages;
import io.schemagov.processor.rules.RuleContext;
import io.schemagov.processor.rules.Suppressions;
import io.schemagov.revision.EntitySchemaFile;
import io.schemagov.revision.Renames.ColumnRename;
import io.schemagov.revision.Renames.TableRename;
import io.schemagov.revision.RevisionSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Writes what the processor generates from the entities (docs/generated.md): the exported entity
 * schema in the revisions directory, and in the class output the DDL per dialect, the
 * {@code SchemagovModel} class, the chain's {@code revisions.list} and the governance report.
 *
 * <p>Incremental builds: the only file outside the class output, {@value EntitySchemaFile#FILE_NAME},
 * is compared before it is written; every class-output file is a function of the entities and the
 * revision files alone (sorted, no time stamps or absolute paths), so a rebuild writes the same bytes.
 * Each artifact is fenced: a failure is one error naming the file, never an exception out of javac
 * ({@code revisions-unwritable} for the exported schema, {@code internal-error} for a class-output file).
 */
public final class Artifacts {
  /** {@code -Aschemagov.package}: the generated class's package (default: the entities' common package). */
  public static final String OPTION_PACKAGE = "schemagov.package";
  /** The class-output directory of the DDL scripts and the report. */
  public static final String RESOURCE_DIR = "META-INF/schemagov/";
  public static final String GOVERNANCE = RESOURCE_DIR + "governance.md";

  private final ProcessingEnvironment env;

  Artifacts(ProcessingEnvironment env) {
    this.env = env;
  }

  /**
   * Writes every artifact through {@code outputs}, with the revisions directory and chain resolved
   * once for the compilation, and the model class through {@code classes}.
   */
  public static void run(ProcessingEnvironment env, RuleContext checked, EntitySchema schema, Revisions revisions,
      Outputs outputs, ClassOutput classes) {
    try {
      new Artifacts(env).write(checked, schema, revisions, outputs, classes);
    } catch (RuntimeException | LinkageError | StackOverflowError | AssertionError e) {
      env.getMessager().printMessage(Diagnostic.Kind.ERROR, Messages.internalError("the entities for the generated artifacts", e));
    }
  }

  /**
   * Every artifact for {@code schema}. The entity schema file goes to the revisions directory when
   * {@code -Aschemagov.revisions} names it, when the default one exists, or when the chain owns tables.
   * What needs javac's model (the package, the renames' and suppressions' elements) is read here, on
   * javac's thread; the files themselves are rendered from plain data by {@code outputs}.
   */
  void write(RuleContext checked, EntitySchema schema, Revisions revisions, Outputs outputs, ClassOutput classes) {
    EntitySchemaFile entities = new EntitySchemaFile(schema.schema(), schema.migrationManagedKeys());
    boolean wanted = revisions.requested() || !entities.migrationManagedKeys().isEmpty();
    Optional<Path> dir = revisions.dir().filter(d -> wanted || revisions.exists());
    String location = revisions.location().flatMap(RevisionsDirectory::resourceDir)
        .or(() -> dir.map(d -> String.valueOf(d.getFileName()))).orElse("");
    String resourceDir = dir.isPresent() ? revisions.location().flatMap(RevisionsDirectory::resourceDir).orElse("") : "";
    List<String> files = dir.isPresent() ? revisions.files() : List.of();
    String packageName = packageName(checked.unit());
    List<RenameRow> renames = renames(schema, packageName);
    List<ReusedReference> reused = reused(checked);

    String schemaResource = packageName.isEmpty() ? ModelClass.SCHEMA_RESOURCE
        : packageName.replace('.', '/') + "/" + ModelClass.SCHEMA_RESOURCE;
    // One text for the exported file and the model's resource: the schema is serialized once.
    outputs.render(EntitySchemaFile.FILE_NAME, sink -> {
      String json = entities.toJson();
      if (dir.isPresent()) {
        Path file = dir.get().resolve(EntitySchemaFile.FILE_NAME);
        try {
          EntitySchemaFile.write(file, json);
        } catch (IOException | UncheckedIOException | SecurityException e) {
          sink.print(Diagnostic.Kind.ERROR,
              Messages.revisionsUnwritable("the exported entity schema", file.toString(), e.toString()));
        }
      }
      sink.resource("", schemaResource, json.getBytes(StandardCharsets.UTF_8), List.of());
    });
    if (!resourceDir.isEmpty()) {
      String index = resourceDir + "/" + RevisionSource.INDEX;
      resource(outputs, index, () -> String.join("\n", files) + (files.isEmpty() ? "" : "\n"));
    }
    for (String name : Dialects.known()) {
      DdlScript ddl = new DdlScript(Dialects.named(name));
      resource(outputs, RESOURCE_DIR + "create_all." + name + ".sql", () -> ddl.render(
          "create_all: every table the entities map", entities.schema().tableList(), entities.schema().sequences().values()));
      resource(outputs, RESOURCE_DIR + "create_orm." + name + ".sql", () -> ddl.render(
          "create_orm: the ORM-managed tables (the baseline)", entities.ormManagedTables(), List.of()));
    }
    ModelClass model = new ModelClass(packageName, resourceDir, files);
    outputs.render(model.qualifiedName(), sink -> classes.write(model.toJavaFile(classes.generatedAnnotation()), sink));
    resource(outputs, GOVERNANCE, () -> new GovernanceReport(entities, chain(dir, location, revisions), renames, reused)
        .toMarkdown());
  }

  /** One class-output text file, rendered by {@code outputs}. */
  private static void resource(Outputs outputs, String path, Supplier<String> text) {
    outputs.render(path, sink -> sink.resource("", path, text.get().getBytes(StandardCharsets.UTF_8), List.of()));
  }

  private static ChainSummary chain(Optional<Path> dir, String location, Revisions revisions) {
    if (dir.isEmpty() || revisions.files().isEmpty()) {
      return new ChainSummary(location, List.of(), null);
    }
    if (!revisions.problems().isEmpty()) {
      return new ChainSummary(location, List.of(), revisions.problems().size() + " problem(s), the first: "
          + revisions.problems().get(0) + ".");
    }
    if (revisions.chain().isEmpty()) {
      return new ChainSummary(location, List.of(), "unreadable: " + revisions.unreadable().orElse("?") + ".");
    }
    return new ChainSummary(location, revisions.chain().get().revisions(), null);
  }

  /** {@code -Aschemagov.package}, else the longest package every entity is in. */
  private String packageName(PersistenceUnit unit) {
    String option = env.getOptions().get(OPTION_PACKAGE);
    if (option != null && !option.isBlank()) {
      return option.strip();
    }
    List<String> common = null;
    for (EntityModel e : unit.entities()) {
      List<String> parts = List.of(env.getElementUtils().getPackageOf(e.element()).getQualifiedName().toString().split("\\."));
      if (common == null) {
        common = parts;
      } else {
        int n = 0;
        while (n < common.size() && n < parts.size() && common.get(n).equals(parts.get(n))) {
          n++;
        }
        common = common.subList(0, n);
      }
    }
    return common == null ? "" : String.join(".", common);
  }

  private static List<RenameRow> renames(EntitySchema schema, String packageName) {
    List<RenameRow> rows = new ArrayList<>();
    for (TableRename r : schema.renames().tables()) {
      rows.add(new RenameRow(model(schema.renameSources().get(r), packageName), r.from().toString(), r.to().toString()));
    }
    for (ColumnRename r : schema.renames().columns()) {
      rows.add(new RenameRow(model(schema.renameSources().get(r), packageName),
          r.table() + "." + r.from(), r.table() + "." + r.to()));
    }
    rows.sort(Comparator.comparing(RenameRow::to).thenComparing(RenameRow::from));
    return rows;
  }

  /** {@code ediscovery.ProductionSet} (or {@code ...ProductionSet.field}), relative to the model's package. */
  private static String model(Source source, String packageName) {
    if (source == null) {
      return "?";
    }
    Element element = source.element();
    String name = element instanceof TypeElement t ? t.getQualifiedName().toString()
        : ((TypeElement) element.getEnclosingElement()).getQualifiedName() + "." + element.getSimpleName();
    return !packageName.isEmpty() && name.startsWith(packageName + ".") ? name.substring(packageName.length() + 1) : name;
  }

  /**
   * The foreign-key texts that name a table renamed away whose old name another table has now: the
   * {@code fk-renamed-reused} findings, acknowledged or not, as the rule resolved them.
   */
  private static List<ReusedReference> reused(RuleContext checked) {
    List<ReusedReference> out = new ArrayList<>();
    for (ForeignKeys.Resolved r : checked.foreignKeys()) {
      if (!r.renamedAway().isEmpty() && !r.current().isEmpty()) {
        out.add(new ReusedReference(r.member().entity().table().displayName(), r.where(), r.fk().table().toString(),
            r.renamedAway().get(0).displayName(), Suppressions.suppressed(r.fk().source().element(), Messages.FK_RENAMED_REUSED)));
      }
    }
    return out;
  }
}
