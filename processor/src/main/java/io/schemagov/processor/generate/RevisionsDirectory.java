package io.schemagov.processor.generate;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import java.util.Optional;
import javax.annotation.processing.Filer;
import javax.tools.StandardLocation;

/**
 * Where the revision files live ({@code -Aschemagov.revisions}), shared by drift and the generated
 * artifacts.
 *
 * <p>javac runs inside Maven's or Gradle's JVM, whose working directory is the build's root, not the
 * module's, so a relative option and the default are resolved against the module's directory, found
 * from the class output: {@code <module>/target/classes} (Maven) or
 * {@code <module>/build/classes/<language>/main} (Gradle); test outputs derive nothing. The default is the standard resource directory
 * {@value #DEFAULT}. When the class output is elsewhere (an IDE, an in-memory compiler) a relative
 * option resolves against the working directory and there is no default.
 *
 * @param dir the revisions directory (it may not exist yet)
 * @param resourceDir its path inside the jar when it is under {@code src/main/resources}
 *     (e.g. {@code db/schemagov}), else empty
 */
public record RevisionsDirectory(Path dir, Optional<String> resourceDir) {
  public static final String DEFAULT = "src/main/resources/db/schemagov";

  private static final Path RESOURCES = Path.of("src", "main", "resources");

  /**
   * The directory for {@code option} (null when not given); empty when neither it nor the default
   * applies. The class output is located through the report's path, a file the processor writes
   * in every compilation with entities: for an output location javac only locates the file, and an
   * in-memory compiler (compile-testing) lists no extra, empty file.
   */
  public static Optional<RevisionsDirectory> resolve(String option, Filer filer) {
    Path classOutput = null;
    try {
      URI report = filer.getResource(StandardLocation.CLASS_OUTPUT, "", Artifacts.GOVERNANCE).toUri();
      if ("file".equals(report.getScheme())) {
        classOutput = Path.of(report).getParent().getParent().getParent();
      }
    } catch (IOException | IllegalArgumentException | FileSystemNotFoundException e) {
      classOutput = null;
    }
    return resolve(option, classOutput);
  }

  /** As {@link #resolve(String, Filer)}, given the class output directory (null when unknown). */
  static Optional<RevisionsDirectory> resolve(String option, Path classOutput) {
    Optional<Path> module = moduleOf(classOutput);
    Path dir;
    if (option != null && !option.isBlank()) {
      Path given = Path.of(option.strip());
      dir = given.isAbsolute() ? given : module.map(m -> m.resolve(given)).orElse(given.toAbsolutePath());
    } else if (module.isPresent()) {
      dir = module.get().resolve(DEFAULT);
    } else {
      return Optional.empty();
    }
    dir = dir.normalize();
    return Optional.of(new RevisionsDirectory(dir, resourceDirectory(dir)));
  }

  /** {@code db/schemagov} for {@code .../src/main/resources/db/schemagov}. */
  static Optional<String> resourceDirectory(Path dir) {
    for (int i = 0; i + RESOURCES.getNameCount() < dir.getNameCount(); i++) {
      if (dir.subpath(i, i + RESOURCES.getNameCount()).equals(RESOURCES)) {
        Path inside = dir.subpath(i + RESOURCES.getNameCount(), dir.getNameCount());
        return Optional.of(inside.toString().replace('\\', '/'));
      }
    }
    return Optional.empty();
  }

  /** The module's directory, from the class output's place in the Maven or Gradle layout. */
  static Optional<Path> moduleOf(Path classes) {
    if (classes == null) {
      return Optional.empty();
    }
    if (endsWith(classes, "target", "classes")) {
      return Optional.ofNullable(classes.getParent().getParent());
    }
    Path language = classes.getParent();
    if (classes.getFileName() != null && classes.getFileName().toString().equals("main") && language != null
        && endsWith(language.getParent(), "build", "classes")) {
      return Optional.ofNullable(language.getParent().getParent().getParent());
    }
    return Optional.empty();
  }

  private static boolean endsWith(Path path, String... names) {
    if (path == null) {
      return false;
    }
    int n = path.getNameCount();
    if (n < names.length) {
      return false;
    }
    for (int i = 0; i < names.length; i++) {
      if (!path.getName(n - names.length + i).toString().equals(names[i])) {
        return false;
      }
    }
    return true;
  }
}
