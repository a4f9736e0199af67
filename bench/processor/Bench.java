import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * P1 and P2: javac on generated corpora with no processor, an empty one, schemagov and
 * hibernate-processor, each compilation in a fresh JVM ({@link CompileOnce}), the configurations
 * interleaved round by round so a noisy neighbour hits all of them alike. Writes the P1/P2 sections
 * as Markdown. Called by {@code bench/processor/run.sh}, which resolves the paths passed here.
 */
public final class Bench {
  private static final String[] JVM = {"-XX:+UseSerialGC", "-Xmn128m"};

  private record Config(String id, String label, String processorPath) {}

  private record Run(double wallMs, double cpuMs, double processorMs, double peakMb) {}

  private final Map<String, String> opts;
  private final Path work;

  private Bench(Map<String, String> opts) {
    this.opts = opts;
    this.work = Path.of(opts.get("work"));
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    new Bench(opts).run();
  }

  private void run() throws Exception {
    int[] sizes = ints(opts.get("sizes"));
    int[] reps = ints(opts.get("reps"));
    int jpamodelgenUpTo = Integer.parseInt(opts.get("jpamodelgen-up-to"));
    Map<Integer, Map<String, List<Run>>> results = new LinkedHashMap<>();
    Map<Integer, Integer> files = new LinkedHashMap<>();
    for (int s = 0; s < sizes.length; s++) {
      int n = sizes[s];
      Path corpus = prepare(n);
      List<Path> sources = sources(corpus);
      files.put(n, sources.size());
      Path list = work.resolve("sources-" + n + ".txt");
      Files.write(list, sources.stream().map(Path::toString).toList());
      List<Config> configs = new ArrayList<>(List.of(
          new Config("a", "javac -proc:none", "-"),
          new Config("b", "empty processor", opts.get("empty")),
          new Config("c", "schemagov", opts.get("schemagov"))));
      if (n <= jpamodelgenUpTo) {
        configs.add(new Config("d", "hibernate-processor 7.4.15.Final", opts.get("jpamodelgen")));
      }
      // Untimed: fills the page cache, and lets schemagov write what it writes once (entity-schema.json).
      // Skipped for large corpora, where one compilation is minutes and the budget is the whole run's.
      if (n <= 5000) {
        compile(n, list, corpus, configs.get(2));
      }
      Map<String, List<Run>> byConfig = new LinkedHashMap<>();
      configs.forEach(c -> byConfig.put(c.id(), new ArrayList<>()));
      for (int r = 0; r < reps[s]; r++) {
        for (int k = 0; k < configs.size(); k++) {
          Config c = configs.get((k + r) % configs.size());
          Run run = compile(n, list, corpus, c);
          byConfig.get(c.id()).add(run);
          System.out.printf(Locale.ROOT, "N=%d %-34s wall %7.2f s  cpu %7.2f s  in processor %6.2f s  peak %6.0f MB%n",
              n, c.label(), run.wallMs() / 1000, run.cpuMs() / 1000, run.processorMs() / 1000, run.peakMb());
        }
      }
      results.put(n, byConfig);
    }
    String markdown = report(sizes, reps, results, files);
    if (opts.containsKey("notes") && Files.exists(Path.of(opts.get("notes")))) {
      // Goals, profiles and fixes, written by hand: kept under the tables on every run.
      markdown += "\n" + Files.readString(Path.of(opts.get("notes")));
    }
    Files.writeString(work.resolve("results.md"), markdown);
    if (opts.containsKey("benchmarks")) {
      merge(Path.of(opts.get("benchmarks")), markdown);
    }
    System.out.println(markdown);
  }

  /** The corpus of size n and its revision chain, generated afresh (deterministic, so the same every time). */
  private Path prepare(int n) throws Exception {
    Path corpus = work.resolve("corpus-" + n);
    delete(corpus);
    GenerateCorpus.main(new String[] {corpus.resolve("src").toString(), Integer.toString(n)});
    List<Path> managed = sources(corpus).stream()
        .filter(p -> p.getParent().getFileName().toString().equals("common") || isManaged(p))
        .toList();
    Path list = work.resolve("managed-" + n + ".txt");
    Files.write(list, managed.stream().map(Path::toString).toList());
    Path out = work.resolve("out-chain");
    delete(out);
    exec(List.of(java(), "-Dprocessor=bench.ChainProcessor", "-cp", opts.get("classes"), "CompileOnce", list.toString(), opts.get("corpus-cp"),
        out.toString(), opts.get("chain"), "-proc:only", "-Abench.revisions=" + corpus.resolve("revisions")));
    return corpus;
  }

  private static boolean isManaged(Path source) {
    String pkg = source.getParent().getFileName().toString();
    return pkg.startsWith("p") && GenerateCorpus.managed(Integer.parseInt(pkg.substring(1)));
  }

  private Run compile(int n, Path list, Path corpus, Config c) throws Exception {
    Path out = work.resolve("out");
    delete(out);
    List<String> cmd = new ArrayList<>(List.of(java()));
    cmd.addAll(Arrays.asList(JVM));
    String heap = n > 5000 ? "6g" : "2g";
    cmd.addAll(List.of("-Xms" + heap, "-Xmx" + heap, "-cp", opts.get("classes"), "CompileOnce", list.toString(),
        opts.get("corpus-cp"), out.toString(), c.processorPath()));
    if (c.id().equals("c")) {
      cmd.add("-Aschemagov.revisions=" + corpus.resolve("revisions"));
      cmd.add("-Aschemagov.drift=error");
    }
    String line = exec(cmd).lines().filter(l -> l.startsWith("wall_ms=")).findFirst()
        .orElseThrow(() -> new IllegalStateException("no measurement from " + cmd));
    Map<String, Double> v = new LinkedHashMap<>();
    for (String kv : line.split(" ")) {
      String[] p = kv.split("=");
      v.put(p[0], Double.parseDouble(p[1]));
    }
    return new Run(v.get("wall_ms"), v.get("cpu_ms"), v.get("processor_ms"), v.get("peak_after_gc_mb"));
  }

  private String report(int[] sizes, int[] reps, Map<Integer, Map<String, List<Run>>> results, Map<Integer, Integer> files) {
    StringBuilder b = new StringBuilder();
    String env = String.format(Locale.ROOT, "%s, JDK %s (%s), %d cores, %s; forked JVMs `%s -Xms/-Xmx` 2g (6g above N = 5,000)",
        LocalDate.now(), System.getProperty("java.version"), System.getProperty("java.vm.name"),
        Runtime.getRuntime().availableProcessors(), System.getProperty("os.name") + " " + System.getProperty("os.arch"),
        String.join(" ", JVM));
    b.append("## P1: processor overhead\n\n");
    b.append("Wall time of one in-process `javac` compilation task, each in a fresh JVM; CPU is the JVM's, every "
        + "thread, during the task; \"in processor\" is the time on javac's thread inside the processor's `init` and "
        + "`process`. ").append(env)
        .append(". Command: `").append(opts.get("command")).append("`. Ratios are of the minima and of the medians.\n\n");
    for (int s = 0; s < sizes.length; s++) {
      int n = sizes[s];
      Map<String, List<Run>> byConfig = results.get(n);
      b.append(String.format(Locale.ROOT, "### N = %,d entities (%,d source files), %d runs each, interleaved%n%n", n,
          files.get(n), reps[s]));
      b.append("| configuration | min s | median s | vs (a) min / median | vs (b) min / median | CPU, median s | in processor, median s | peak heap after GC, median MB |\n");
      b.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
      double aMin = min(byConfig.get("a"), Run::wallMs);
      double aMed = median(byConfig.get("a"), Run::wallMs);
      double bMin = min(byConfig.get("b"), Run::wallMs);
      double bMed = median(byConfig.get("b"), Run::wallMs);
      for (Map.Entry<String, List<Run>> e : byConfig.entrySet()) {
        List<Run> runs = e.getValue();
        double min = min(runs, Run::wallMs);
        double med = median(runs, Run::wallMs);
        b.append(String.format(Locale.ROOT, "| (%s) %s | %.2f | %.2f | %.2fx / %.2fx | %.2fx / %.2fx | %.2f | %.2f | %.0f |%n",
            e.getKey(), label(e.getKey()), min / 1000, med / 1000, min / aMin, med / aMed, min / bMin, med / bMed,
            median(runs, Run::cpuMs) / 1000, median(runs, Run::processorMs) / 1000, median(runs, Run::peakMb)));
      }
      b.append('\n');
    }
    if (sizes.length >= 2) {
      int small = sizes[0];
      int large = sizes[sizes.length - 1];
      Map<String, List<Run>> lo = results.get(small);
      Map<String, List<Run>> hi = results.get(large);
      b.append(String.format(Locale.ROOT, "## P2: scaling, N = %,d over N = %,d%n%n", large, small));
      b.append("Same runs as P1. \"In processor\" is the time on javac's thread inside schemagov's `init` and `process` (the "
          + "harness wraps the processor; the chain and the generated files are worked on threads of schemagov's own, counted in "
          + "\"added CPU\"); \"added\" is schemagov's median minus the empty processor's; \"heap added\" is of the median "
          + "peak heap after GC.\n\n");
      b.append("| measure | N = ").append(String.format(Locale.ROOT, "%,d", small)).append(" | N = ")
          .append(String.format(Locale.ROOT, "%,d", large)).append(" | ratio |\n|---|---:|---:|---:|\n");
      row(b, "javac -proc:none, median s", median(lo.get("a"), Run::wallMs) / 1000, median(hi.get("a"), Run::wallMs) / 1000);
      row(b, "empty processor, median s", median(lo.get("b"), Run::wallMs) / 1000, median(hi.get("b"), Run::wallMs) / 1000);
      row(b, "schemagov, median s", median(lo.get("c"), Run::wallMs) / 1000, median(hi.get("c"), Run::wallMs) / 1000);
      row(b, "schemagov in processor, median s", median(lo.get("c"), Run::processorMs) / 1000,
          median(hi.get("c"), Run::processorMs) / 1000);
      row(b, "schemagov added wall (c - b), s", (median(lo.get("c"), Run::wallMs) - median(lo.get("b"), Run::wallMs)) / 1000,
          (median(hi.get("c"), Run::wallMs) - median(hi.get("b"), Run::wallMs)) / 1000);
      row(b, "schemagov added CPU (c - b), s", (median(lo.get("c"), Run::cpuMs) - median(lo.get("b"), Run::cpuMs)) / 1000,
          (median(hi.get("c"), Run::cpuMs) - median(hi.get("b"), Run::cpuMs)) / 1000);
      row(b, "heap added by schemagov (c - b), MB", median(lo.get("c"), Run::peakMb) - median(lo.get("b"), Run::peakMb),
          median(hi.get("c"), Run::peakMb) - median(hi.get("b"), Run::peakMb));
      b.append('\n');
    }
    return b.toString();
  }

  private static void row(StringBuilder b, String what, double lo, double hi) {
    b.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2fx |%n", what, lo, hi, hi / lo));
  }

  private static String label(String id) {
    return switch (id) {
      case "a" -> "javac -proc:none";
      case "b" -> "empty processor (claims @Entity)";
      case "c" -> "schemagov";
      default -> "hibernate-processor 7.4.15.Final";
    };
  }

  /** Replaces this harness's sections (## P1, ## P2) of BENCHMARKS.md; every other section is kept as it is. */
  static void merge(Path file, String sections) throws IOException {
    List<String> kept = new ArrayList<>();
    int insertAt = -1;
    boolean mine = false;
    List<String> lines = Files.exists(file) ? Files.readAllLines(file) : List.of("# Benchmarks", "");
    for (String line : lines) {
      if (line.startsWith("## ")) {
        mine = line.startsWith("## P1") || line.startsWith("## P2");
        if (mine && insertAt < 0) {
          insertAt = kept.size();
        } else if (!mine && insertAt < 0 && line.matches("## P[3-9].*")) {
          insertAt = kept.size();
        }
      }
      if (!mine) {
        kept.add(line);
      }
    }
    if (insertAt < 0) {
      insertAt = kept.size();
    }
    kept.addAll(insertAt, sections.lines().toList());
    Files.write(file, kept);
  }

  private static double min(List<Run> runs, java.util.function.ToDoubleFunction<Run> f) {
    return runs.stream().mapToDouble(f).min().orElse(Double.NaN);
  }

  private static double median(List<Run> runs, java.util.function.ToDoubleFunction<Run> f) {
    double[] v = runs.stream().mapToDouble(f).sorted().toArray();
    return v.length == 0 ? Double.NaN : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  private static List<Path> sources(Path corpus) throws IOException {
    try (Stream<Path> s = Files.walk(corpus.resolve("src"))) {
      return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  private static String exec(List<String> cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IllegalStateException("failed: " + String.join(" ", cmd) + "\n" + output);
    }
    return output;
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  private static int[] ints(String csv) {
    return Arrays.stream(csv.split(",")).mapToInt(Integer::parseInt).toArray();
  }
}
