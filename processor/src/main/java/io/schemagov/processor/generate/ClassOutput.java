package io.schemagov.processor.generate;

import com.squareup.javapoet.JavaFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.SourceVersion;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Writes the classes schemagov generates (JavaPoet files that need only the JDK) into the class
 * output without costing javac a processing round.
 *
 * <p>A source made through the {@code Filer} makes javac run one more round, and every round
 * re-enters every compilation unit of the module: 10 to 15% of a whole compilation, whatever the
 * generated class's size (BENCHMARKS.md, P1). So the class is compiled here, in memory, by the
 * system compiler (an independent task: it may run on another thread than javac's), and its class
 * file is written as a class-output resource: javac sees no new source, runs no new round, and the
 * class is packed, found by later compilations and loaded at run time like any other. It is written
 * as a source instead when the module's own sources name it (they must compile against it in this
 * very compilation) or when no system compiler is at hand ({@link #sourcesOnly}); in javac's last
 * round a source would not be compiled, so nothing is written then.
 */
public final class ClassOutput {
  /** The generated classes use {@code List.of} and {@code InputStream.readAllBytes}. */
  private static final int LEAST_RELEASE = 9;

  private final ProcessingEnvironment env;
  private final boolean lastRound;
  private final Set<String> namedBySources;
  /** Read on javac's thread: {@link #write} may run on another. */
  private final int release;
  private final boolean generatedAnnotation;

  /** @param namedBySources the simple names of generated classes the module's sources refer to ({@link SourceMentions}) */
  public ClassOutput(ProcessingEnvironment env, boolean lastRound, Set<String> namedBySources) {
    this.env = env;
    this.lastRound = lastRound;
    this.namedBySources = Set.copyOf(namedBySources);
    this.release = release(env.getSourceVersion());
    this.generatedAnnotation = env.getElementUtils().getTypeElement("javax.annotation.processing.Generated") != null;
  }

  /** Whether the compilation's platform has {@code @javax.annotation.processing.Generated} (not at release 8). */
  public boolean generatedAnnotation() {
    return generatedAnnotation;
  }

  /**
   * Whether some class must be a generated source, written through javac's Filer on javac's thread:
   * one the sources name, no system compiler, or a release below what the classes need (there they
   * are sources, as before, and fail with javac's own message).
   */
  public boolean sourcesOnly() {
    return !namedBySources.isEmpty() || cannotCompile();
  }

  private boolean cannotCompile() {
    return ToolProvider.getSystemJavaCompiler() == null || release < LEAST_RELEASE;
  }

  /**
   * Writes {@code file}, with its type's originating elements (for incremental builds): compiled into
   * {@code sink}, or as a source through the Filer (only on javac's thread, see {@link #sourcesOnly}).
   */
  public void write(JavaFile file, Outputs.Sink sink) throws IOException {
    if (namedBySources.contains(file.typeSpec.name) || cannotCompile()) {
      if (!lastRound) {
        file.writeTo(env.getFiler());
      }
      return;
    }
    for (Map.Entry<String, byte[]> c : compile(ToolProvider.getSystemJavaCompiler(), file).entrySet()) {
      String name = c.getKey();
      int dot = name.lastIndexOf('.');
      sink.resource(dot < 0 ? "" : name.substring(0, dot), name.substring(dot + 1) + ".class", c.getValue(),
          file.typeSpec.originatingElements);
    }
  }

  /** The class files of {@code file} by binary name; the compiler's first error when it refuses it. */
  private Map<String, byte[]> compile(JavaCompiler javac, JavaFile file) throws IOException {
    Map<String, byte[]> classes = new LinkedHashMap<>();
    List<String> options = List.of("--release", String.valueOf(release), "-proc:none", "-implicit:none", "-nowarn");
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
        JavaFileManager memory = new InMemoryOutput(standard, classes)) {
      if (javac.getTask(null, memory, diagnostics, options, null, List.of(file.toJavaFileObject())).call()) {
        return classes;
      }
    }
    String why = diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .map(d -> d.getMessage(Locale.ROOT)).findFirst().orElse("no diagnostic");
    throw new IOException("the JDK's compiler refused the generated class at --release " + release + ": " + why);
  }

  /** {@code RELEASE_17} -> 17. */
  static int release(SourceVersion version) {
    return Integer.parseInt(version.name().substring("RELEASE_".length()));
  }

  /** Keeps every class file the task writes, by binary name; reads the platform classes as usual. */
  private static final class InMemoryOutput extends ForwardingJavaFileManager<StandardJavaFileManager> {
    private final Map<String, byte[]> classes;

    InMemoryOutput(StandardJavaFileManager standard, Map<String, byte[]> classes) {
      super(standard);
      this.classes = classes;
    }

    @Override
    public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
        FileObject sibling) {
      return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
        @Override
        public OutputStream openOutputStream() {
          return new ByteArrayOutputStream() {
            @Override
            public void close() {
              classes.put(className, toByteArray());
            }
          };
        }
      };
    }
  }
}
