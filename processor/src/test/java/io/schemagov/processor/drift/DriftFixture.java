package io.schemagov.processor.drift;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.schemagov.dialect.SqliteDialect;
import io.schemagov.migrate.Migrator;
import io.schemagov.processor.SchemagovProcessor;
import io.schemagov.processor.TestProcessors;
import io.schemagov.processor.TestProcessors.Capturing;
import io.schemagov.processor.generate.EntitySchema;
import io.schemagov.processor.generate.SchemaMapper;
import io.schemagov.processor.jpa.NamingStrategy;
import io.schemagov.processor.jpa.PersistenceUnit;
import io.schemagov.revision.Chain;
import io.schemagov.revision.Revision;
import io.schemagov.revision.RevisionFiles;
import io.schemagov.revision.SchemaDiff;
import io.schemagov.schema.Schema;
import io.schemagov.schema.TableName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;

/** A revisions directory, compilations against it, and the proposal applied to a real SQLite file. */
final class DriftFixture {
  static final String BASE_CHAIN = String.join("\n",
      "revision: \"0001\"",
      "parent: null",
      "message: legal case",
      "ops:",
      "  - create_table:",
      "      name: legal_case",
      "      columns:",
      "        - {name: id, type: bigint, nullable: false}",
      "        - {name: title, type: varchar(200), nullable: false}",
      "      primary_key: [id]",
      "");

  final Path dir;
  private final Path db;

  DriftFixture(Path temp) {
    this.dir = temp.resolve("revisions");
    this.db = temp.resolve("drift.db");
  }

  static JavaFileObject source(String name, String... lines) {
    List<String> all = new ArrayList<>(List.of("package m;", "import jakarta.persistence.*;"));
    all.addAll(Arrays.asList(lines));
    return JavaFileObjects.forSourceLines("m." + name, all);
  }

  /** {@code LegalCase} as the base chain creates it, with {@code members} added. */
  static JavaFileObject legalCase(String... members) {
    List<String> lines = new ArrayList<>(List.of(
        "@io.schemagov.MigrationManaged @Entity @Table(name = \"legal_case\")",
        "public class LegalCase {",
        "  @Id Long id;",
        "  @Column(length = 200, nullable = false) String title;"));
    lines.addAll(Arrays.asList(members));
    lines.add("}");
    return source("LegalCase", lines.toArray(String[]::new));
  }

  /** Writes revision files with the runtime's writer, from their YAML text. */
  DriftFixture seed(String... yamlFiles) throws IOException {
    Files.createDirectories(dir);
    for (String yaml : yamlFiles) {
      String id = yaml.lines().filter(l -> l.startsWith("revision:")).findFirst().orElseThrow()
          .replaceAll("[^0-9]", "");
      RevisionFiles.write(dir, RevisionFiles.parse(id + "_seed.yaml", yaml));
    }
    return this;
  }

  Compilation compile(JavaFileObject... sources) {
    return compile(List.of(), sources);
  }

  Compilation compile(List<String> options, JavaFileObject... sources) {
    List<String> all = new ArrayList<>(options);
    all.add("-A" + SchemagovProcessor.OPTION_REVISIONS + "=" + dir);
    return javac().withProcessors(new SchemagovProcessor()).withOptions(all).compile(sources);
  }

  /** File name -> content of every file in the directory. */
  Map<String, String> files() throws IOException {
    Map<String, String> files = new TreeMap<>();
    if (Files.isDirectory(dir)) {
      try (Stream<Path> list = Files.list(dir)) {
        for (Path p : list.toList()) {
          files.put(p.getFileName().toString(), Files.readString(p));
        }
      }
    }
    return files;
  }

  /** The revision files and their content (what drift writes; other artifacts aside). */
  Map<String, String> revisionFiles() throws IOException {
    Map<String, String> files = files();
    files.keySet().removeIf(name -> !name.endsWith(".yaml"));
    return files;
  }

  Revision revision(String fileName) throws IOException {
    return RevisionFiles.parse(fileName, Files.readString(dir.resolve(fileName)));
  }

  /** The single revision file the last compilation added (the generated entity schema file aside). */
  String added(Map<String, String> before) throws IOException {
    Set<String> now = new TreeSet<>(files().keySet());
    now.removeAll(before.keySet());
    now.removeIf(name -> !name.endsWith(".yaml"));
    assertThat(now).hasSize(1);
    return now.iterator().next();
  }

  /**
   * A compilation with the proposal in the directory passes and writes nothing: every file keeps
   * its content and modification time.
   */
  void assertNextBuildPasses(JavaFileObject... sources) throws IOException {
    Map<String, String> before = files();
    Map<String, FileTime> times = new TreeMap<>();
    for (String name : before.keySet()) {
      times.put(name, Files.getLastModifiedTime(dir.resolve(name)));
    }
    assertThat(compile(sources)).succeededWithoutWarnings();
    assertThat(files()).isEqualTo(before);
    for (String name : before.keySet()) {
      assertThat(Files.getLastModifiedTime(dir.resolve(name))).isEqualTo(times.get(name));
    }
  }

  /**
   * Applies the chain to a fresh SQLite file: at the head the database is exactly the entities'
   * migration-managed schema; downgraded to {@code previous} it is exactly that revision's schema.
   */
  void assertRoundTrip(String previous, JavaFileObject... sources) throws IOException, SQLException {
    Files.deleteIfExists(db);
    Migrator migrator = Migrator.builder().url("jdbc:sqlite:" + db).revisions(dir).build();
    migrator.upgrade("head");
    assertSameSchema(entities(sources).migrationManaged(), introspect());
    migrator.downgrade(previous);
    assertSameSchema(Chain.load(dir).schemaAt(previous), introspect());
  }

  private static void assertSameSchema(Schema expected, Schema actual) {
    assertThat(SchemaDiff.between(new SqliteDialect().stored(expected), actual)).isEmpty();
  }

  private Schema introspect() throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      return new SqliteDialect().introspect(connection).withoutTable(TableName.of("schemagov_history"));
    }
  }

  /** The entity schema of {@code sources}, mapped as the processor maps it. */
  static EntitySchema entities(JavaFileObject... sources) {
    return Capturing.capture((env, round) -> SchemaMapper.map(
        new PersistenceUnit(TestProcessors.readEntities(env, round, NamingStrategy.JPA)), NamingStrategy.JPA), sources);
  }
}
