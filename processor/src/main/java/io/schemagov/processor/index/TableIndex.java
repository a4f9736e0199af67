package io.schemagov.processor.index;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.squareup.javapoet.AnnotationSpec;
import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.FieldSpec;
import com.squareup.javapoet.JavaFile;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.TypeSpec;
import io.schemagov.processor.generate.ClassOutput;
import io.schemagov.processor.generate.Outputs;
import io.schemagov.processor.jpa.TableModel;
import io.schemagov.processor.rules.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.StandardLocation;

/**
 * The cross-module table index. A processor cannot list classpath resources, so besides {@code
 * META-INF/schemagov/tables.json} (for people and tools) each module gets one small marker class in
 * the well-known package {@value #PACKAGE}, named by a hash of its entities, with the same JSON
 * beside it ({@code TableIndex_<hash>.json}); later compilations list the package's classes through
 * {@link Elements#getPackageElement} and read each one's JSON through the {@link Filer}.
 */
public final class TableIndex {
  public static final String PACKAGE = "io.schemagov.index";
  public static final String RESOURCE = "META-INF/schemagov/tables.json";
  private static final String FORMAT = "schemagov.tables/1";
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private TableIndex() {}

  /** The JSON resource: a format tag, then the entries. */
  private record IndexFile(String format, List<TableEntry> tables) {}

  /** Tables read from the classpath, and a message per index or entry that could not be read. */
  public record Read(List<TableModel> tables, List<String> problems) {}

  public static Read read(Elements elements, Filer filer) {
    List<TableModel> tables = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    PackageElement pkg = elements.getPackageElement(PACKAGE);
    if (pkg == null) {
      return new Read(tables, problems);
    }
    for (TypeElement type : ElementFilter.typesIn(pkg.getEnclosedElements())) {
      String json = type.getSimpleName() + ".json";
      String where = PACKAGE.replace('.', '/') + "/" + json;
      IndexFile file;
      try (InputStream in = filer.getResource(StandardLocation.CLASS_PATH, PACKAGE, json).openInputStream()) {
        file = JSON.readValue(in, IndexFile.class);
      } catch (IOException | RuntimeException e) {
        problems.add(Messages.indexUnreadable(where, firstLine(e)));
        continue;
      }
      List<TableEntry> entries = file.tables() == null ? List.of() : file.tables();
      for (int i = 0; i < entries.size(); i++) {
        try {
          tables.add(entries.get(i).toTable());
        } catch (IllegalArgumentException e) {
          problems.add(Messages.indexUnreadable(where + " table " + (i + 1), firstLine(e)));
        }
      }
    }
    return new Read(tables, problems);
  }

  private static String firstLine(Exception e) {
    return String.valueOf(e.getMessage()).lines().findFirst().orElse(e.getClass().getSimpleName());
  }

  /** The order of the entries: by owner, kind and qualified key, never javac's (source file) order. */
  private static final Comparator<TableModel> ORDER = Comparator.comparing(TableModel::owner)
      .thenComparing(t -> t.kind().name()).thenComparing(TableModel::qualifiedKey);

  /**
   * Writes the module's JSON resource, its marker class and the class's JSON, the same bytes
   * whatever order javac gives the sources in. Nothing is written for a module without tables. The
   * class name is a hash of the owning classes, so it is stable across builds; no source names it, so
   * it goes to the class output without another round ({@link ClassOutput}). The tables are sorted
   * and rendered by {@code outputs}, maybe on a thread of their own: they are plain records.
   */
  public static void write(Outputs outputs, ClassOutput classes, List<TableModel> unordered, List<? extends Element> originating) {
    if (unordered.isEmpty()) {
      return;
    }
    outputs.render(RESOURCE, sink -> {
      List<TableModel> tables = unordered.stream().sorted(ORDER).toList();
      String json = JSON.writerWithDefaultPrettyPrinter()
          .writeValueAsString(new IndexFile(FORMAT, tables.stream().map(TableEntry::of).toList())) + "\n";
      TreeSet<String> owners = new TreeSet<>();
      tables.forEach(t -> owners.add(t.owner()));
      String name = "TableIndex_" + hash(String.join("\n", owners));
      classes.write(markerClass(name, hash(json), classes.generatedAnnotation(), originating), sink);
      byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
      sink.resource("", RESOURCE, bytes, originating);
      sink.resource(PACKAGE, name + ".json", bytes, originating);
    });
  }

  /**
   * The marker class. Its {@code DIGEST} constant changes with the JSON: build tools that decide
   * whether a dependent module must recompile from its classpath's classes and constants (Gradle's
   * compile avoidance, header jars) then see a changed index, as they would not a changed resource.
   */
  private static JavaFile markerClass(String name, String digest, boolean generated, List<? extends Element> originating) {
    TypeSpec.Builder type =
        TypeSpec.classBuilder(name)
            .addJavadoc("Marks the tables this module maps ($L.json, beside this class) for schemagov in the\n"
                + "compilations that depend on it.\n", name)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addField(FieldSpec.builder(String.class, "DIGEST", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("A digest of $L.json, so a changed index changes this class.\n", name)
                .initializer("$S", digest).build())
            .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    if (generated) {
      type.addAnnotation(AnnotationSpec.builder(ClassName.get("javax.annotation.processing", "Generated"))
          .addMember("value", "$S", "io.schemagov.processor.SchemagovProcessor").build());
    }
    originating.forEach(type::addOriginatingElement);
    return JavaFile.builder(PACKAGE, type.build()).skipJavaLangImports(true).build();
  }

  /** The first 16 hex digits of the text's SHA-256. */
  private static String hash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
