package io.schemagov.revision;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Revision files in a file-system directory. */
record DirectorySource(Path dir) implements RevisionSource {

  @Override
  public String location() {
    return dir.toString();
  }

  @Override
  public List<Entry> entries() {
    if (!Files.isDirectory(dir)) {
      throw new ChainException(List.of(Problem.ofFile(dir.toString(),
          "revision directory does not exist; pass the directory that holds the revision files")));
    }
    TreeMap<String, Path> files = new TreeMap<>();
    try (Stream<Path> list = Files.list(dir)) {
      list.filter(Files::isRegularFile)
          .filter(p -> RevisionSource.isRevisionFile(p.getFileName().toString()))
          .forEach(p -> files.put(p.getFileName().toString(), p));
    } catch (IOException e) {
      throw new ChainException(List.of(Problem.ofFile(dir.toString(), "cannot list the directory: " + e)));
    }
    List<Entry> entries = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    files.forEach((name, path) -> {
      try {
        entries.add(new Entry(name, Files.readString(path, StandardCharsets.UTF_8)));
      } catch (IOException e) {
        problems.add(Problem.ofFile(name, "cannot read " + path + ": " + e));
      }
    });
    if (!problems.isEmpty()) {
      throw new ChainException(problems);
    }
    return entries;
  }
}
