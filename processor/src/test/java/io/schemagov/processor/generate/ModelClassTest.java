package io.schemagov.processor.generate;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.schemagov.revision.EntitySchemaFile;
import io.schemagov.schema.Column;
import io.schemagov.schema.ColumnType;
import io.schemagov.schema.ForeignKey;
import io.schemagov.schema.PrimaryKey;
import io.schemagov.schema.Schema;
import io.schemagov.schema.Table;
import io.schemagov.schema.TableName;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generated class stays within the class file's limits however large the model. */
class ModelClassTest {

  @Test
  void aModelOf20000EntitiesCompilesAndReadsBack() throws Exception {
    List<Table> tables = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      List<ForeignKey> fks = i == 0 ? List.of()
          : List.of(new ForeignKey("fk_t" + i + "_parent_id", List.of("parent_id"), TableName.of("t" + (i - 1)), List.of("id")));
      tables.add(new Table(TableName.of("t" + i), List.of(
          new Column("id", ColumnType.parse("bigint"), false, null, true),
          new Column("parent_id", ColumnType.parse("bigint"), true, null, false),
          new Column("title", ColumnType.parse("varchar(200)"), false, "'untitled'", false)),
          new PrimaryKey(List.of("id")), fks, List.of(), List.of()));
    }
    EntitySchemaFile file = new EntitySchemaFile(Schema.of(tables, List.of()), Set.of("t0", "t1"));
    String json = file.toCompactJson();
    ModelClass model = new ModelClass("big", json, "db/schemagov", List.of("0001_a.yaml", "0002_b.yaml"));

    Compilation compilation = javac().compile(
        JavaFileObjects.forSourceString(model.qualifiedName(), model.toJavaFile(true).toString()));
    assertThat(compilation).succeeded();
    Class<?> loaded = GeneratedFiles.loader(compilation).loadClass("big.SchemagovModel");
    assertThat(loaded.getMethod(EntitySchemaFile.MODEL_METHOD).invoke(null)).isEqualTo(json);
    assertThat(EntitySchemaFile.fromModel(loaded)).isEqualTo(file);
    assertThat(loaded.getMethod("revisionFiles").invoke(null)).isEqualTo(List.of("0001_a.yaml", "0002_b.yaml"));
  }

  @Test
  void chunksNeverSplitASurrogatePair() {
    String text = "a".repeat(ModelClass.CHUNK - 1) + "\ud83d\ude00" + "b";
    List<String> chunks = ModelClass.chunks(text);
    assertThat(chunks.get(0)).hasLength(ModelClass.CHUNK - 1);
    assertThat(String.join("", chunks)).isEqualTo(text);
  }
}
