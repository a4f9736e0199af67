package io.schemagov.revision;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Where revision files come from: a directory on the file system, or a resource directory on the
 * classpath (exploded or inside a jar). A source yields the revision files' names and texts; it does
 * not parse them.
 *
 * <p>A jar cannot be listed portably through a class loader, so a classpath directory may carry an
 * index, {@value #INDEX}: one file name per line, blank lines and {@code #} comments ignored. When
 * the index is absent, {@code file:} and {@code jar:} directories are listed directly.
 */
public interface RevisionSource {

  /** The index file of a classpath directory. */
  String INDEX = "revisions.list";

  /** A revision file: its name (e.g. {@code 0002_events.yaml}) and its text. */
  record Entry(String name, String text) {}

  /** Where the files come from, for messages. */
  String location();

  /**
   * The revision files ({@code .yaml} and {@code .yml}), sorted by name; throws
   * {@link ChainException} naming every file that could not be read.
   */
  List<Entry> entries();

  static RevisionSource directory(Path dir) {
    return new DirectorySource(dir);
  }

  /** A resource directory such as {@code db/revisions}, read through {@code loader}. */
  static RevisionSource classpath(ClassLoader loader, String resourceDir) {
    return new ClasspathSource(loader, resourceDir.replaceAll("^/+|/+$", ""));
  }

  static boolean isRevisionFile(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".yaml") || lower.endsWith(".yml");
  }
}
