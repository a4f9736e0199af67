package io.schemagov.revision;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import io.schemagov.schema.InvalidSchemaException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads and writes revision files: one YAML file per revision, named {@code <id>_<slug>.yaml}, whose
 * id is the zero-padded number before the first {@code _}, holding {@code revision}, {@code parent},
 * {@code message} and {@code ops}. Reading reports every problem of every file (file, line, op and
 * what to write instead) in one {@link ChainException}; writing is deterministic, and reading what
 * was written gives the same revision.
 */
public final class RevisionFiles {
  /** {@code <digits>_<slug>.yaml} (or {@code .yml}); group 1 is the id. */
  public static final Pattern FILE_NAME = Pattern.compile("([0-9]+)(?:_[^/\\\\]*)?\\.ya?ml");

  private static final List<String> TOP_LEVEL = List.of("revision", "parent", "message", "ops");
  private static final int SLUG_LENGTH = 40;

  /** Double-quotes values holding a quote, e.g. "'open'", which SnakeYAML would otherwise write as '''open'''. */
  private static final StringQuotingChecker QUOTING = new StringQuotingChecker.Default() {
    @Override
    public boolean needToQuoteValue(String value) {
      return super.needToQuoteValue(value) || value.indexOf('\'') >= 0 || value.indexOf('"') >= 0;
    }
  };

  private static final YAMLMapper YAML = YAMLMapper.builder(YAMLFactory.builder().stringQuotingChecker(QUOTING).build())
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      // Keeps a default such as 0.50 as written instead of the double 0.5.
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
      .build();

  private RevisionFiles() {}

  /** Reads every revision file of a directory. */
  public static List<Revision> read(Path dir) {
    return read(RevisionSource.directory(dir));
  }

  /** Reads every revision file of {@code source}; throws {@link ChainException} with every problem of every file. */
  public static List<Revision> read(RevisionSource source) {
    // The files are independent and parsing them is most of building a migrator, so they are parsed on
    // every core; toList keeps the source's order, so revisions and problems come out as they would in turn.
    List<Parsed> parsed = source.entries().parallelStream().map(RevisionFiles::tryParse).toList();
    List<Revision> revisions = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (Parsed file : parsed) {
      if (file.problems().isEmpty()) {
        revisions.add(file.revision());
      } else {
        problems.addAll(file.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new ChainException(problems);
    }
    return List.copyOf(revisions);
  }

  /** One file's revision, or its problems. */
  private record Parsed(Revision revision, List<Problem> problems) {}

  private static Parsed tryParse(RevisionSource.Entry entry) {
    try {
      return new Parsed(parse(entry.name(), entry.text()), List.of());
    } catch (ChainException e) {
      return new Parsed(null, e.problems());
    }
  }

  /** Parses one revision file; {@code fileName} becomes the revision's source. */
  public static Revision parse(String fileName, String text) {
    List<Problem> problems = new ArrayList<>();
    Matcher name = FILE_NAME.matcher(fileName);
    String fileId = name.matches() ? name.group(1) : null;
    if (fileId == null) {
      problems.add(Problem.ofFile(fileName, "the file name must be <id>_<slug>.yaml with a numeric id, "
          + "e.g. 0002_events.yaml; rename the file"));
    }
    Header header = new Header();
    List<Op> ops = new ArrayList<>();
    try (JsonParser parser = YAML.createParser(text)) {
      readTopLevel(parser, fileName, header, ops, problems);
    } catch (JacksonException e) {
      problems.add(invalidYaml(fileName, e));
      header.complete = false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (header.complete) {
      requireHeader(fileName, fileId, header, problems);
    }
    if (!problems.isEmpty()) {
      throw new ChainException(problems);
    }
    return new Revision(header.id, header.parent, header.message, ops, fileName);
  }

  /** What the top level said, gathered while its fields are read in any order. */
  private static final class Header {
    String id;
    String parent;
    String message;
    boolean sawRevision;
    boolean sawOps;
    boolean complete = true;
  }

  private static void readTopLevel(JsonParser parser, String file, Header header, List<Op> ops,
      List<Problem> problems) throws IOException {
    JsonToken first = parser.nextToken();
    if (first != JsonToken.START_OBJECT) {
      problems.add(Problem.atLine(file, line(parser.currentTokenLocation()), first == null
          ? "the file is empty; write revision, parent, message and ops"
          : "a revision file is a mapping of revision, parent, message and ops"));
      header.complete = false;
      return;
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      int line = line(parser.currentTokenLocation());
      JsonToken value = parser.nextToken();
      switch (field) {
        case "revision" -> {
          header.sawRevision = true;
          header.id = scalar(parser, value, file, line, problems, "revision: \"0002\"");
        }
        case "parent" -> header.parent = scalar(parser, value, file, line, problems,
            "parent: \"0001\" (or parent: null for the first revision)");
        case "message" -> header.message = scalar(parser, value, file, line, problems, "message: Add events");
        case "ops" -> {
          header.sawOps = true;
          readOps(parser, value, file, line, ops, problems);
        }
        default -> {
          problems.add(Problem.atLine(file, line, "unknown key '" + field + "'; a revision file holds "
              + String.join(", ", TOP_LEVEL)));
          parser.skipChildren();
        }
      }
    }
  }

  /**
   * A top-level scalar, taken as written: {@code revision: 0002} unquoted keeps its zeros, since
   * the parser's text is the scalar's source text.
   */
  private static String scalar(JsonParser parser, JsonToken value, String file, int line,
      List<Problem> problems, String example) throws IOException {
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    if (value.isScalarValue()) {
      return parser.getText();
    }
    problems.add(Problem.atLine(file, line, "expected a single value, e.g. " + example));
    parser.skipChildren();
    return null;
  }

  private static void readOps(JsonParser parser, JsonToken value, String file, int line, List<Op> ops,
      List<Problem> problems) throws IOException {
    if (value == JsonToken.VALUE_NULL) {
      return;
    }
    if (value != JsonToken.START_ARRAY) {
      problems.add(Problem.atLine(file, line, "ops must be a list, e.g. ops: [] or ops:\n  - add_column: {...}"));
      parser.skipChildren();
      return;
    }
    int number = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      number++;
      int opLine = line(parser.currentTokenLocation());
      JsonNode node = YAML.readTree(parser);
      String key = node.isObject() && node.size() == 1 ? node.fieldNames().next() : null;
      if (key == null) {
        problems.add(new Problem(file, number, null, opLine, "an op is a mapping with one key, its kind ("
            + String.join(", ", OpForms.KEYS) + "), e.g. - drop_index: {table: t, name: ix_t_a}"));
        continue;
      }
      try {
        ops.add(OpForms.read(key, node.get(key)));
      } catch (FormException | InvalidSchemaException e) {
        problems.add(new Problem(file, number, key, opLine, e.getMessage()));
      }
    }
  }

  private static void requireHeader(String file, String fileId, Header header, List<Problem> problems) {
    if (!header.sawRevision || header.id == null) {
      problems.add(Problem.ofFile(file, "missing 'revision'; write revision: \""
          + (fileId == null ? "0001" : fileId) + "\""));
    } else if (fileId != null && !header.id.equals(fileId)) {
      problems.add(Problem.ofFile(file, "revision \"" + header.id + "\" differs from the id " + fileId
          + " in the file name; make them equal (rename the file or change revision)"));
    }
    if (!header.sawOps) {
      problems.add(Problem.ofFile(file, "missing 'ops'; write ops: [] for a revision without schema changes"));
    }
  }

  /** Says where the YAML breaks: SnakeYAML's problem mark is more exact than Jackson's location. */
  private static Problem invalidYaml(String file, JacksonException e) {
    if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
      String context = marked.getContext() == null ? "" : " (" + marked.getContext() + ")";
      return Problem.atLine(file, marked.getProblemMark().getLine() + 1,
          "invalid YAML: " + marked.getProblem() + context + "; fix the YAML syntax at this line");
    }
    return Problem.atLine(file, line(e.getLocation()), "invalid YAML: "
        + e.getOriginalMessage().lines().findFirst().orElse("") + "; fix the YAML syntax at this line");
  }

  private static int line(JsonLocation location) {
    return location == null ? 0 : Math.max(location.getLineNr(), 0);
  }

  /** The YAML text of {@code revision}: revision, parent, message and ops, in that order. */
  public static String write(Revision revision) {
    ObjectNode root = YAML.createObjectNode();
    root.put("revision", revision.id());
    root.put("parent", revision.parent());
    root.put("message", revision.message());
    ArrayNode ops = root.putArray("ops");
    revision.ops().forEach(op -> ops.add(OpForms.write(op, false)));
    try {
      return YAML.writeValueAsString(root);
    } catch (JacksonException e) {
      throw new IllegalStateException("a tree of strings, numbers and booleans always writes", e);
    }
  }

  /** Writes {@code revision} into {@code dir} as {@link #fileName(Revision)}; returns the file. */
  public static Path write(Path dir, Revision revision) throws IOException {
    Path file = dir.resolve(fileName(revision));
    Files.writeString(file, write(revision), StandardCharsets.UTF_8);
    return file;
  }

  /** {@code <id>_<slug>.yaml}, the slug made of the message's words, e.g. {@code 0002_events.yaml}. */
  public static String fileName(Revision revision) {
    return revision.id() + "_" + slug(revision.message()) + ".yaml";
  }

  static String slug(String message) {
    String slug = message == null ? "" : message.toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    if (slug.length() > SLUG_LENGTH) {
      slug = slug.substring(0, SLUG_LENGTH).replaceAll("_[^_]*$|_+$", "");
    }
    return slug.isEmpty() ? "revision" : slug;
  }

  /** The canonical form of ops, for {@link Checksums}: every field written, in a fixed order. */
  static ArrayNode canonical(List<Op> ops) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    ops.forEach(op -> array.add(sorted(OpForms.write(op, true))));
    return array;
  }

  private static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      ObjectNode sorted = JsonNodeFactory.instance.objectNode();
      List<String> names = new ArrayList<>();
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        names.add(it.next());
      }
      names.stream().sorted().forEach(n -> sorted.set(n, sorted(node.get(n))));
      return sorted;
    }
    if (node.isArray()) {
      ArrayNode array = JsonNodeFactory.instance.arrayNode();
      node.forEach(item -> array.add(sorted(item)));
      return array;
    }
    return node;
  }
}
