package io.schemagov.revision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Revision files in a classpath resource directory: read through its index when there is one,
 * otherwise by listing every {@code file:} and {@code jar:} copy of the directory (the first copy of
 * a file name on the classpath wins, as for any resource).
 */
record ClasspathSource(ClassLoader loader, String dir) implements RevisionSource {

  @Override
  public String location() {
    return "classpath:" + dir;
  }

  @Override
  public List<Entry> entries() {
    try {
      URL index = loader.getResource(dir + "/" + INDEX);
      return index != null ? fromIndex(index) : listed();
    } catch (IOException | UncheckedIOException e) {
      throw new ChainException(List.of(Problem.ofFile(location(), "cannot read: " + e)));
    }
  }

  private List<Entry> fromIndex(URL index) throws IOException {
    List<Entry> entries = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (String line : read(index).lines().map(String::strip).toList()) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      URL file = loader.getResource(dir + "/" + line);
      if (file == null) {
        problems.add(Problem.ofFile(location() + "/" + INDEX, "lists " + line
            + ", which is not on the classpath; remove the line or add the file"));
      } else {
        entries.add(new Entry(line, read(file)));
      }
    }
    if (!problems.isEmpty()) {
      throw new ChainException(problems);
    }
    entries.sort(Comparator.comparing(Entry::name));
    return entries;
  }

  private List<Entry> listed() throws IOException {
    Enumeration<URL> urls = loader.getResources(dir);
    if (!urls.hasMoreElements()) {
      throw new ChainException(List.of(Problem.ofFile(location(),
          "no such resource directory on the classpath; check the revisions location")));
    }
    TreeMap<String, Entry> found = new TreeMap<>();
    while (urls.hasMoreElements()) {
      URL url = urls.nextElement();
      switch (url.getProtocol()) {
        case "file" -> listDirectory(url, found);
        case "jar" -> listJar(url, found);
        default -> throw new ChainException(List.of(Problem.ofFile(location(), "cannot list " + url
            + "; add an index file " + INDEX + " naming the revision files, one per line")));
      }
    }
    return List.copyOf(found.values());
  }

  private static void listDirectory(URL url, TreeMap<String, Entry> found) throws IOException {
    Path path;
    try {
      path = Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IOException("bad directory URL " + url, e);
    }
    new DirectorySource(path).entries().forEach(entry -> found.putIfAbsent(entry.name(), entry));
  }

  private static void listJar(URL url, TreeMap<String, Entry> found) throws IOException {
    JarURLConnection connection = (JarURLConnection) url.openConnection();
    // Uncached, so closing the jar below cannot close a JarFile the class loader still uses.
    connection.setUseCaches(false);
    String prefix = connection.getEntryName().replaceAll("/+$", "") + "/";
    try (JarFile jar = connection.getJarFile()) {
      Enumeration<JarEntry> entries = jar.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        if (entry.isDirectory() || !entry.getName().startsWith(prefix)) {
          continue;
        }
        String name = entry.getName().substring(prefix.length());
        if (!name.contains("/") && RevisionSource.isRevisionFile(name)) {
          try (InputStream in = jar.getInputStream(entry)) {
            found.putIfAbsent(name, new Entry(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
          }
        }
      }
    }
  }

  private static String read(URL url) throws IOException {
    URLConnection connection = url.openConnection();
    connection.setUseCaches(false);
    try (InputStream in = connection.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
