import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.File;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicLong;
import javax.annotation.processing.Completion;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * One measurement, in a JVM of its own (so every run starts as cold as a build does):
 * {@code CompileOnce <sources.txt> <classpath> <outDir> <processorPath|-> [-Akey=value...]}.
 *
 * <p>Compiles the listed sources with the in-process javac and prints one line: the wall time of
 * the compilation task, the CPU time of the whole JVM during it (every thread: javac's, the JIT
 * compilers', the GC's, and any a processor starts), the time spent inside the processors'
 * {@code init} and {@code process} on javac's thread (each processor is wrapped), and the largest
 * heap occupancy seen right after any GC. The
 * processors are found with {@link ServiceLoader} on their own class loader, as javac does with
 * {@code -processorpath}, or only the one named by {@code -Dprocessor=<class>}; a processor path of
 * {@code -} compiles with {@code -proc:none}.
 */
public final class CompileOnce {
  private static final AtomicLong PEAK_AFTER_GC = new AtomicLong();
  private static final AtomicLong PROCESSOR_NANOS = new AtomicLong();

  private CompileOnce() {}

  public static void main(String[] args) throws Exception {
    watchGc();
    List<String> sources = Files.readAllLines(Path.of(args[0]));
    Path out = Path.of(args[2]);
    List<String> options = new ArrayList<>(List.of(
        "-classpath", args[1], "-d", out.resolve("classes").toString(), "-s", out.resolve("generated").toString(),
        "-encoding", "UTF-8", "-nowarn", "-Xmaxwarns", "10"));
    for (int i = 4; i < args.length; i++) {
      options.add(args[i]);
    }
    List<Processor> processors = args[3].equals("-") ? List.of() : load(args[3]);
    if (processors.isEmpty()) {
      options.add("-proc:none");
    }
    Files.createDirectories(out.resolve("classes"));
    Files.createDirectories(out.resolve("generated"));

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      JavaCompiler.CompilationTask task =
          javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromStrings(sources));
      if (!processors.isEmpty()) {
        task.setProcessors(processors.stream().map(Timed::new).toList());
      }
      com.sun.management.OperatingSystemMXBean os =
          (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      long cpuStart = os.getProcessCpuTime();
      long start = System.nanoTime();
      boolean ok = task.call();
      long wall = System.nanoTime() - start;
      long cpu = os.getProcessCpuTime() - cpuStart;
      long errors = diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).count();
      if (!ok || errors > 0) {
        diagnostics.getDiagnostics().stream().limit(10).forEach(d -> System.err.println(d));
        System.exit(1);
      }
      System.out.printf(Locale.ROOT, "wall_ms=%.1f cpu_ms=%.1f processor_ms=%.1f peak_after_gc_mb=%.1f%n",
          wall / 1e6, cpu / 1e6, PROCESSOR_NANOS.get() / 1e6, PEAK_AFTER_GC.get() / 1048576.0);
    }
  }

  private static List<Processor> load(String path) throws Exception {
    List<URL> urls = new ArrayList<>();
    for (String entry : path.split(File.pathSeparator)) {
      urls.add(Path.of(entry).toUri().toURL());
    }
    ClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    List<Processor> found = new ArrayList<>();
    String only = System.getProperty("processor");
    if (only != null) {
      found.add((Processor) loader.loadClass(only).getConstructor().newInstance());
      return found;
    }
    ServiceLoader.load(Processor.class, loader).forEach(found::add);
    if (found.isEmpty()) {
      throw new IllegalArgumentException("no processor on " + path);
    }
    return found;
  }

  /** Records the heap in use after every collection: an upper bound on the live set, sampled often. */
  private static void watchGc() {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
        if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
          return;
        }
        GarbageCollectionNotificationInfo info =
            GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream().mapToLong(MemoryUsage::getUsed).sum();
        PEAK_AFTER_GC.accumulateAndGet(used, Math::max);
      }, null, null);
    }
  }

  /** Delegates to a processor and adds the time spent in it to {@link #PROCESSOR_NANOS}. */
  private record Timed(Processor delegate) implements Processor {
    @Override
    public Set<String> getSupportedOptions() {
      return delegate.getSupportedOptions();
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return delegate.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return delegate.getSupportedSourceVersion();
    }

    @Override
    public void init(ProcessingEnvironment env) {
      long start = System.nanoTime();
      delegate.init(env);
      PROCESSOR_NANOS.addAndGet(System.nanoTime() - start);
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      long start = System.nanoTime();
      try {
        return delegate.process(annotations, round);
      } finally {
        PROCESSOR_NANOS.addAndGet(System.nanoTime() - start);
      }
    }

    @Override
    public Iterable<? extends Completion> getCompletions(
        Element element, AnnotationMirror annotation, ExecutableElement member, String userText) {
      return delegate.getCompletions(element, annotation, member, userText);
    }
  }
}
