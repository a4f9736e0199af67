package io.schemagov.revision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.schemagov.schema.InvalidSchemaException;
import io.schemagov.schema.Schema;
import io.schemagov.schema.Sequence;
import io.schemagov.schema.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The entities' schema as the processor exports it ({@value #FILE_NAME} in the revisions directory,
 * like Room's exported schemas): every table the entities map, marked migration-managed (owned by
 * the revision chain) or ORM-managed (created by the baseline), and the sequences Hibernate expects.
 * The runtime's baseline creates the ORM-managed tables from it with nothing but the revisions
 * directory. JSON, not YAML, because every {@code *.yaml} in that directory is read as a revision.
 *
 * <p>Tables are written in the {@code create_table} form of revision files ({@link OpForms}), so the
 * file reads like the chain. The output is deterministic (tables and sequences sorted by key, {@code \n}
 * line ends), so an unchanged model gives the same bytes and {@link #write} leaves the file alone.
 *
 * @param schema every table and sequence
 * @param migrationManagedKeys the {@link io.schemagov.schema.TableName#key() keys} of the
 *     migration-managed tables
 */
public record EntitySchemaFile(Schema schema, Set<String> migrationManagedKeys) {
  /** The file's name in the revisions directory. */
  public static final String FILE_NAME = "entity-schema.json";
  /** The version of the layout; a reader refuses a version it does not know. */
  public static final int FORMAT = 1;
  /** The static method of a generated model class that returns the file's text. */
  public static final String MODEL_METHOD = "entitySchemaJson";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  /** Objects one field a line, lists of names inline; {@code \n} on every platform. */
  private static final ObjectWriter WRITER = JSON.writer(new DefaultPrettyPrinter()
      .withObjectIndenter(new DefaultIndenter("  ", "\n")));
  private static final List<String> FIELDS = List.of("format", "migration_managed", "orm_managed", "sequences");

  public EntitySchemaFile {
    migrationManagedKeys = Set.copyOf(migrationManagedKeys);
    for (String key : migrationManagedKeys) {
      if (!schema.tables().containsKey(key)) {
        throw new InvalidSchemaException("migration-managed table " + key + " is not in the schema");
      }
    }
  }

  /** The tables the revision chain owns, sorted by key. */
  public List<Table> migrationManagedTables() {
    return schema.tableList().stream().filter(this::migrationManaged).toList();
  }

  /** The tables the ORM (or the baseline) creates, sorted by key. */
  public List<Table> ormManagedTables() {
    return schema.tableList().stream().filter(t -> !migrationManaged(t)).toList();
  }

  public boolean migrationManaged(Table table) {
    return migrationManagedKeys.contains(table.name().key());
  }

  /** The file's text: deterministic, ending with a line feed. */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode().put("format", FORMAT);
    ArrayNode migration = root.putArray("migration_managed");
    ArrayNode orm = root.putArray("orm_managed");
    for (Table table : schema.tableList()) {
      (migrationManaged(table) ? migration : orm).add(OpForms.write(new CreateTable(table), false).get("create_table"));
    }
    ArrayNode sequences = root.putArray("sequences");
    schema.sequences().values()
        .forEach(s -> sequences.add(OpForms.write(new CreateSequence(s), false).get("create_sequence")));
    try {
      return WRITER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes {@code json} (a {@link #toJson()} text) to {@code file} unless the file already holds
   * exactly that text, so a build that changed no entity touches nothing; creates the directory when
   * missing.
   *
   * @return whether the file was written
   */
  public static boolean write(Path file, String json) throws IOException {
    byte[] text = json.getBytes(StandardCharsets.UTF_8);
    if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), text)) {
      return false;
    }
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    Files.write(file, text);
    return true;
  }

  public static EntitySchemaFile read(Path file) throws IOException {
    return parse(Files.readString(file), file.toString());
  }

  /**
   * Reads {@value #FILE_NAME} from a resource directory ({@code db/schemagov}), exploded or in a jar;
   * throws {@link IOException} when it is not on the classpath.
   */
  public static EntitySchemaFile readClasspath(ClassLoader loader, String resourceDir) throws IOException {
    String resource = resourceDir.replaceAll("^/+|/+$", "") + "/" + FILE_NAME;
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException(resource + " is not on the classpath; build the project so the processor exports it");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + resource);
    }
  }

  /**
   * Reads the schema a class generated by the processor carries ({@code SchemagovModel}), through its
   * static {@value #MODEL_METHOD}() method: the entities' schema as of the last compilation, even
   * when the exported file is not packaged.
   */
  public static EntitySchemaFile fromModel(Class<?> model) {
    String where = model.getName() + "." + MODEL_METHOD + "()";
    try {
      Method method = model.getMethod(MODEL_METHOD);
      return parse((String) method.invoke(null), where);
    } catch (InvocationTargetException e) {
      // the model's own failure (its schema resource was not packaged) says what to do: pass it on
      throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(where + " failed", e.getCause());
    } catch (NoSuchMethodException | IllegalAccessException | ClassCastException e) {
      throw new IllegalArgumentException(model.getName()
          + " is not a schemagov model class; pass the SchemagovModel class the processor generated", e);
    }
  }

  /** Parses the file's text; {@code where} names it in messages. */
  public static EntitySchemaFile parse(String text, String where) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new InvalidSchemaException(where + ": invalid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new InvalidSchemaException(where + ": expected a JSON object with fields " + FIELDS);
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw new InvalidSchemaException(where + ": unknown field '" + name + "'; expected " + FIELDS);
      }
    }
    JsonNode format = root.get("format");
    if (format == null || !format.isInt() || format.intValue() != FORMAT) {
      throw new InvalidSchemaException(where + ": format " + format + " is not supported (this runtime reads format "
          + FORMAT + "); rebuild the project with the same schemagov version");
    }
    try {
      List<Table> tables = new ArrayList<>();
      Set<String> migration = new LinkedHashSet<>();
      for (JsonNode node : root.path("migration_managed")) {
        Table table = ((CreateTable) OpForms.read("create_table", node)).table();
        tables.add(table);
        migration.add(table.name().key());
      }
      for (JsonNode node : root.path("orm_managed")) {
        tables.add(((CreateTable) OpForms.read("create_table", node)).table());
      }
      List<Sequence> sequences = new ArrayList<>();
      for (JsonNode node : root.path("sequences")) {
        sequences.add(((CreateSequence) OpForms.read("create_sequence", node)).sequence());
      }
      return new EntitySchemaFile(Schema.of(tables, sequences), migration);
    } catch (FormException | InvalidSchemaException e) {
      throw new InvalidSchemaException(where + ": " + e.getMessage());
    }
  }
}
