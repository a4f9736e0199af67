package io.schemagov.processor.index;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.squareup.javapoet.AnnotationSpec;
import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.FieldSpec;
import com.squareup.javapoet.JavaFile;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.TypeSpec;
import io.schemagov.processor.jpa.TableModel;
import io.schemagov.processor.rules.Messages;
import java.io.IOException;
import java.io.Writer;
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
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.StandardLocation;

/**
 * The cross-module table index. A processor cannot list classpath resources, so besides {@code
 * META-INF/schemagov/tables.json} (for people and tools) each module gets one small class in the
 * well-known package {@value #PACKAGE}, whose String constants carry one JSON table entry each;
 * later compilations find every such class through {@link Elements#getPackageElement}.
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

  /** Tables read from the classpath, and a message per entry that could not be read. */
  public record Read(List<TableModel> tables, List<String> problems) {}

  public static Read read(Elements elements) {
    List<TableModel> tables = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    PackageElement pkg = elements.getPackageElement(PACKAGE);
    if (pkg == null) {
      return new Read(tables, problems);
    }
    for (TypeElement type : ElementFilter.typesIn(pkg.getEnclosedElements())) {
      for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
        String where = type.getQualifiedName() + "." + field.getSimpleName();
        Object value = field.getConstantValue();
        if (!(value instanceof String json)) {
          problems.add(Messages.indexUnreadable(where, "not a String constant"));
          continue;
        }
        try {
          tables.add(JSON.readValue(json, TableEntry.class).toTable());
        } catch (IOException | IllegalArgumentException e) {
          problems.add(Messages.indexUnreadable(where, e.getMessage().lines().findFirst().orElse("malformed")));
        }
      }
    }
    return new Read(tables, problems);
  }

  /** The order of the entries: by owner, kind and qualified key, never javac's (source file) order. */
  private static final Comparator<TableModel> ORDER = Comparator.comparing(TableModel::owner)
      .thenComparing(t -> t.kind().name()).thenComparing(TableModel::qualifiedKey);

  /**
   * Writes the module's index class and JSON resource, the same bytes whatever order javac gives the
   * sources in. Nothing is written for a module without tables. The class name is a hash of the
   * owning classes, so it is stable across builds. In javac's last round ({@code lastRound}) only the
   * JSON is written: a source generated then would not be compiled.
   */
  public static void write(Filer filer, List<TableModel> unordered, List<? extends Element> originating, boolean lastRound)
      throws IOException {
    if (unordered.isEmpty()) {
      return;
    }
    List<TableModel> tables = unordered.stream().sorted(ORDER).toList();
    if (!lastRound) {
      writeClass(filer, tables, originating);
    }
    try (Writer w =
        filer.createResource(StandardLocation.CLASS_OUTPUT, "", RESOURCE, originating.toArray(Element[]::new))
            .openWriter()) {
      w.write(JSON.writerWithDefaultPrettyPrinter()
          .writeValueAsString(new IndexFile(FORMAT, tables.stream().map(TableEntry::of).toList())));
      w.write('\n');
    }
  }

  private static void writeClass(Filer filer, List<TableModel> tables, List<? extends Element> originating)
      throws IOException {
    List<String> lines = new ArrayList<>();
    for (TableModel t : tables) {
      lines.add(JSON.writeValueAsString(TableEntry.of(t)));
    }
    TypeSpec.Builder type =
        TypeSpec.classBuilder("TableIndex_" + hash(tables))
            .addJavadoc("Tables mapped by this module, read by schemagov in the compilations that depend on it.\n")
            .addAnnotation(
                AnnotationSpec.builder(ClassName.get("javax.annotation.processing", "Generated"))
                    .addMember("value", "$S", "io.schemagov.processor.SchemagovProcessor")
                    .build())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    for (int i = 0; i < lines.size(); i++) {
      type.addField(
          FieldSpec.builder(String.class, "TABLE_" + i, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
              .initializer("$S", lines.get(i))
              .build());
    }
    originating.forEach(type::addOriginatingElement);
    JavaFile.builder(PACKAGE, type.build()).skipJavaLangImports(true).build().writeTo(filer);
  }

  private static String hash(List<TableModel> tables) {
    TreeSet<String> owners = new TreeSet<>();
    tables.forEach(t -> owners.add(t.owner()));
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.join("\n", owners).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
