package io.schemagov.processor.generate;

import io.schemagov.revision.Chain;
import io.schemagov.revision.ChainException;
import io.schemagov.revision.Problem;
import io.schemagov.revision.RevisionSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import javax.annotation.processing.Filer;

/**
 * The revisions directory and its chain, resolved, listed and loaded once per compilation and handed
 * to the drift check and the generated artifacts. It is the chain as the compilation began: a
 * revision that drift proposes joins the chain (and the generated list) in the next compilation.
 *
 * @param location the directory ({@link RevisionsDirectory}), empty when none applies or the option is invalid
 * @param requested whether {@code -Aschemagov.revisions} was given
 * @param invalidOption whether the option is no path (reported once, as {@code invalid-option}, by the caller)
 * @param exists whether the directory exists
 * @param files the revision file names in the directory, sorted
 * @param chain the validated chain: empty (no revision) when the directory does not exist; empty
 *     when there is no directory or the chain is invalid or unreadable
 * @param problems why the chain is invalid, each as the runtime reports it
 * @param unreadable why the directory could not be read, if it could not
 */
public record Revisions(
    Optional<RevisionsDirectory> location,
    boolean requested,
    boolean invalidOption,
    boolean exists,
    List<String> files,
    Optional<Chain> chain,
    List<Problem> problems,
    Optional<String> unreadable) {

  public Revisions {
    files = List.copyOf(files);
    problems = List.copyOf(problems);
  }

  /**
   * Resolves {@code option} (null when not given) against the class output on this thread (the
   * {@link Filer} is javac's, and javac is single-threaded), then lists and loads the directory on a
   * thread of its own: the chain is plain files (parsing and replaying them, and loading the YAML
   * library, is a good part of the processor's time), so it loads while javac's thread reads the
   * entities. A fault in the loading completes the future exceptionally, for the caller to report.
   */
  public static CompletableFuture<Revisions> resolve(String option, Filer filer) {
    boolean requested = option != null && !option.isBlank();
    Optional<RevisionsDirectory> location;
    try {
      location = RevisionsDirectory.resolve(option, filer);
    } catch (InvalidPathException e) {
      return CompletableFuture.completedFuture(
          new Revisions(Optional.empty(), requested, true, false, List.of(), Optional.empty(), List.of(), Optional.empty()));
    }
    CompletableFuture<Revisions> loaded = new CompletableFuture<>();
    Thread loader = new Thread(() -> {
      try {
        loaded.complete(load(location, requested));
      } catch (Throwable e) {
        loaded.completeExceptionally(e);
      }
    }, "schemagov-revisions");
    loader.setDaemon(true);
    loader.start();
    return loaded;
  }

  /** Lists and loads the directory at {@code location}. */
  static Revisions load(Optional<RevisionsDirectory> location, boolean requested) {
    if (location.isEmpty()) {
      return new Revisions(location, requested, false, false, List.of(), Optional.empty(), List.of(), Optional.empty());
    }
    Path dir = location.get().dir();
    if (!Files.isDirectory(dir)) {
      return new Revisions(location, requested, false, false, List.of(), Optional.of(Chain.of(List.of())), List.of(),
          Optional.empty());
    }
    List<String> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.map(p -> p.getFileName().toString()).filter(RevisionSource::isRevisionFile).sorted().toList();
    } catch (IOException | UncheckedIOException | SecurityException e) {
      return new Revisions(location, requested, false, true, List.of(), Optional.empty(), List.of(), Optional.of(e.toString()));
    }
    try {
      return new Revisions(location, requested, false, true, files, Optional.of(Chain.load(dir)), List.of(), Optional.empty());
    } catch (ChainException e) {
      return new Revisions(location, requested, false, true, files, Optional.empty(), e.problems(), Optional.empty());
    } catch (UncheckedIOException e) {
      return new Revisions(location, requested, false, true, files, Optional.empty(), List.of(),
          Optional.of(String.valueOf(e.getMessage())));
    }
  }

  /** The directory, whether or not it exists. */
  public Optional<Path> dir() {
    return location.map(RevisionsDirectory::dir);
  }
}
