package io.schemagov.revision;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RevisionSourceTest {
  private static final String DIR = "db/revisions";

  private static Map<String, String> files() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("0002_events.yaml", Fixtures.R2);
    files.put("0001_case_organization.yaml", Fixtures.R1);
    files.put("0003_case_status.yaml", Fixtures.R3);
    return files;
  }

  /** A jar holding {@code entries} under {@link #DIR}, with directory entries as build tools write them. */
  private static Path jar(Path dir, Map<String, String> entries) throws IOException {
    Path jar = dir.resolve("app.jar");
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out)) {
      jarOut.putNextEntry(new JarEntry("db/"));
      jarOut.putNextEntry(new JarEntry(DIR + "/"));
      for (Map.Entry<String, String> entry : entries.entrySet()) {
        jarOut.putNextEntry(new JarEntry(DIR + "/" + entry.getKey()));
        jarOut.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
      }
      jarOut.putNextEntry(new JarEntry(DIR + "/old/0009_archived.yaml"));
      jarOut.write("not: [valid".getBytes(StandardCharsets.UTF_8));
      jarOut.putNextEntry(new JarEntry("db/revisions-other/0001_x.yaml"));
      jarOut.write("not: [valid".getBytes(StandardCharsets.UTF_8));
    }
    return jar;
  }

  private static List<String> ids(Chain chain) {
    return chain.revisions().stream().map(Revision::id).toList();
  }

  @Test
  void loadsFromAJarByListingIt(@TempDir Path tmp) throws Exception {
    Path jar = jar(tmp, files());

    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      Chain chain = Chain.loadClasspath(loader, DIR);

      assertThat(ids(chain)).containsExactly("0001", "0002", "0003").inOrder();
      assertThat(chain.revisions().get(0).source()).isEqualTo("0001_case_organization.yaml");
    }
  }

  @Test
  void loadsFromAJarThroughItsIndex(@TempDir Path tmp) throws Exception {
    Map<String, String> entries = files();
    entries.put("0004_unlisted.yaml", "not: [valid");
    entries.put(RevisionSource.INDEX, "# generated\n0001_case_organization.yaml\n0002_events.yaml\n\n0003_case_status.yaml\n");
    Path jar = jar(tmp, entries);

    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      assertThat(ids(Chain.loadClasspath(loader, "/" + DIR + "/"))).containsExactly("0001", "0002", "0003").inOrder();
    }
  }

  @Test
  void indexNamingAMissingFileIsReported(@TempDir Path tmp) throws Exception {
    Map<String, String> entries = files();
    entries.put(RevisionSource.INDEX, "0001_case_organization.yaml\n0005_gone.yaml\n");
    Path jar = jar(tmp, entries);

    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      ChainException e = assertThrows(ChainException.class, () -> Chain.loadClasspath(loader, DIR));

      assertThat(e.problems().get(0).toString()).isEqualTo("classpath:db/revisions/revisions.list: lists "
          + "0005_gone.yaml, which is not on the classpath; remove the line or add the file");
    }
  }

  @Test
  void loadsFromAClasspathDirectory(@TempDir Path tmp) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve(DIR));
    Fixtures.chainDirectory(dir);

    try (URLClassLoader loader = new URLClassLoader(new URL[] {tmp.toUri().toURL()}, null)) {
      assertThat(ids(Chain.loadClasspath(loader, DIR))).containsExactly("0001", "0002", "0003").inOrder();
      assertThat(RevisionSource.classpath(loader, DIR).entries())
          .isEqualTo(RevisionSource.directory(dir).entries());
    }
  }

  @Test
  void missingLocationsAreReported(@TempDir Path tmp) throws Exception {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {tmp.toUri().toURL()}, null)) {
      ChainException e = assertThrows(ChainException.class, () -> Chain.loadClasspath(loader, "db/nothing"));
      assertThat(e.problems().get(0).toString()).isEqualTo("classpath:db/nothing: no such resource directory "
          + "on the classpath; check the revisions location");
    }
    ChainException e = assertThrows(ChainException.class, () -> Chain.load(tmp.resolve("nope")));
    assertThat(e.problems().get(0).message()).contains("revision directory does not exist");
  }

  @Test
  void directoryListsOnlyYamlFilesSortedByName(@TempDir Path tmp) throws Exception {
    Fixtures.chainDirectory(tmp);
    Fixtures.write(tmp, "notes.txt", "x");
    Files.createDirectories(tmp.resolve("0009_dir.yaml"));

    assertThat(RevisionSource.directory(tmp).entries().stream().map(RevisionSource.Entry::name).toList())
        .containsExactly("0001_case_organization.yaml", "0002_events.yaml", "0003_case_status.yaml").inOrder();
  }
}
