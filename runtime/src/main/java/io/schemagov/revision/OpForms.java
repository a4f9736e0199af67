package io.schemagov.revision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.schemagov.schema.Column;
import io.schemagov.schema.ColumnType;
import io.schemagov.schema.ForeignKey;
import io.schemagov.schema.Index;
import io.schemagov.schema.Names;
import io.schemagov.schema.PrimaryKey;
import io.schemagov.schema.Sequence;
import io.schemagov.schema.Table;
import io.schemagov.schema.TableName;
import io.schemagov.schema.Unique;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The file form of ops: each op is a mapping with one key, the op's kind, whose value holds its
 * fields. Kept apart from the model so the records carry no Jackson annotations.
 *
 * <p>Written in two forms. The file form leaves out what reading restores: constraint and index
 * names equal to their derived ({@link Names}) name, and flags at their default. The canonical form,
 * hashed by {@link Checksums}, writes every field, so a file that spells a derived name out and one
 * that leaves it to derivation have the same checksum.
 */
final class OpForms {
  static final String ACK = "acknowledge_data_loss";
  static final List<String> KEYS = List.of("create_table", "drop_table", "rename_table", "add_column",
      "drop_column", "rename_column", "alter_column", "create_index", "drop_index", "add_unique",
      "drop_unique", "add_foreign_key", "drop_foreign_key", "create_sequence", "drop_sequence", "sql");

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> COLUMN = List.of("name", "type", "nullable", "default", "identity");
  private static final List<String> FOREIGN_KEY = List.of("name", "columns", "references", "referenced_columns");
  private static final List<String> INDEX = List.of("name", "columns", "unique");
  private static final List<String> UNIQUE = List.of("name", "columns");

  private OpForms() {}

  // ---- reading

  static Op read(String key, JsonNode body) {
    return switch (key) {
      case "create_table" -> createTable(body);
      case "drop_table" -> {
        Fields f = new Fields(key, body, List.of("table", ACK));
        yield new DropTable(f.table("table"), f.flag(ACK, false));
      }
      case "rename_table" -> {
        Fields f = new Fields(key, body, List.of("table", "to"));
        yield new RenameTable(f.table("table"), f.text("to"));
      }
      case "add_column" -> {
        Fields f = new Fields(key, body, List.of("table", "column"));
        yield new AddColumn(f.table("table"), column(f.node("column"), key));
      }
      case "drop_column" -> {
        Fields f = new Fields(key, body, List.of("table", "column", ACK));
        yield new DropColumn(f.table("table"), f.text("column"), f.flag(ACK, false));
      }
      case "rename_column" -> {
        Fields f = new Fields(key, body, List.of("table", "column", "to"));
        yield new RenameColumn(f.table("table"), f.text("column"), f.text("to"));
      }
      case "alter_column" -> {
        Fields f = new Fields(key, body, List.of("table", "column", ACK));
        yield new AlterColumn(f.table("table"), column(f.node("column"), key), f.flag(ACK, false));
      }
      case "create_index" -> {
        Fields f = new Fields(key, body, List.of("table", "name", "columns", "unique"));
        TableName table = f.table("table");
        yield new CreateIndex(table, index(f, table));
      }
      case "drop_index" -> {
        Fields f = new Fields(key, body, List.of("table", "name", "columns"));
        TableName table = f.table("table");
        yield new DropIndex(table, droppedName(f, table, Names::index));
      }
      case "add_unique" -> {
        Fields f = new Fields(key, body, List.of("table", "name", "columns"));
        TableName table = f.table("table");
        yield new AddUnique(table, unique(f, table));
      }
      case "drop_unique" -> {
        Fields f = new Fields(key, body, List.of("table", "name", "columns"));
        TableName table = f.table("table");
        yield new DropUnique(table, droppedName(f, table, Names::unique));
      }
      case "add_foreign_key" -> {
        Fields f = new Fields(key, body, List.of("table", "name", "columns", "references", "referenced_columns"));
        TableName table = f.table("table");
        yield new AddForeignKey(table, foreignKey(f, table));
      }
      case "drop_foreign_key" -> {
        Fields f = new Fields(key, body, List.of("table", "name", "columns"));
        TableName table = f.table("table");
        yield new DropForeignKey(table, droppedName(f, table, Names::foreignKey));
      }
      case "create_sequence" -> {
        Fields f = new Fields(key, body, List.of("name", "start", "increment"));
        yield new CreateSequence(new Sequence(f.table("name"), f.number("start", 1), f.number("increment", 1)));
      }
      case "drop_sequence" -> new DropSequence(new Fields(key, body, List.of("name")).table("name"));
      case "sql" -> {
        Fields f = new Fields(key, body, List.of("up", "down"));
        yield new ExecuteSql(f.text("up"), f.optionalText("down"));
      }
      default -> throw new FormException("unknown op '" + key + "'; known ops: " + String.join(", ", KEYS));
    };
  }

  private static CreateTable createTable(JsonNode body) {
    Fields f = new Fields("create_table", body,
        List.of("name", "columns", "primary_key", "foreign_keys", "indexes", "uniques"));
    TableName name = f.table("name");
    String where = "create_table " + name;
    List<JsonNode> columnNodes = f.list("columns");
    if (columnNodes.isEmpty()) {
      throw new FormException(where + " has no columns; write columns: [{name: id, type: bigint, nullable: false}]");
    }
    List<Column> columns = columnNodes.stream().map(c -> column(c, where)).toList();
    PrimaryKey primaryKey = f.has("primary_key") ? new PrimaryKey(f.names("primary_key")) : null;
    List<ForeignKey> foreignKeys = f.list("foreign_keys").stream()
        .map(n -> foreignKey(new Fields("a foreign key of " + where, n, FOREIGN_KEY), name)).toList();
    List<Index> indexes = f.list("indexes").stream()
        .map(n -> index(new Fields("an index of " + where, n, INDEX), name)).toList();
    List<Unique> uniques = f.list("uniques").stream()
        .map(n -> unique(new Fields("a unique constraint of " + where, n, UNIQUE), name)).toList();
    return new CreateTable(new Table(name, columns, primaryKey, foreignKeys, indexes, uniques));
  }

  private static Column column(JsonNode node, String where) {
    Fields f = new Fields("a column of " + where, node, COLUMN);
    return new Column(f.text("name"), ColumnType.parse(f.text("type")), f.flag("nullable", true),
        f.optionalText("default"), f.flag("identity", false));
  }

  private static Index index(Fields f, TableName table) {
    List<String> columns = f.names("columns");
    String name = f.has("name") ? f.text("name") : Names.index(table, columns);
    return new Index(name, columns, f.flag("unique", false));
  }

  private static Unique unique(Fields f, TableName table) {
    List<String> columns = f.names("columns");
    return new Unique(f.has("name") ? f.text("name") : Names.unique(table, columns), columns);
  }

  private static ForeignKey foreignKey(Fields f, TableName table) {
    List<String> columns = f.names("columns");
    String name = f.has("name") ? f.text("name") : Names.foreignKey(table, columns);
    return new ForeignKey(name, columns, f.table("references"), f.names("referenced_columns"));
  }

  /** A drop names the object, or gives its columns to drop the object with the derived name. */
  private static String droppedName(Fields f, TableName table, BiFunction<TableName, List<String>, String> derive) {
    if (f.has("name")) {
      return f.text("name");
    }
    if (f.has("columns")) {
      return derive.apply(table, f.names("columns"));
    }
    throw new FormException("the op needs 'name' (or 'columns', to drop the one with the derived name)");
  }

  // ---- writing

  /** The op as a one-key mapping; {@code canonical} writes every field (see the class comment). */
  static ObjectNode write(Op op, boolean canonical) {
    ObjectNode body = NODES.objectNode();
    String key;
    if (op instanceof CreateTable c) {
      key = "create_table";
      Table t = c.table();
      body.put("name", t.name().toString());
      ArrayNode columns = body.putArray("columns");
      t.columns().forEach(column -> columns.add(column(column, canonical)));
      if (t.primaryKey() != null) {
        body.set("primary_key", names(t.primaryKey().columns()));
      }
      if (!t.foreignKeys().isEmpty()) {
        ArrayNode list = body.putArray("foreign_keys");
        t.foreignKeys().forEach(fk -> list.add(foreignKey(NODES.objectNode(), t.name(), fk, canonical)));
      }
      if (!t.indexes().isEmpty()) {
        ArrayNode list = body.putArray("indexes");
        t.indexes().forEach(ix -> list.add(index(NODES.objectNode(), t.name(), ix, canonical)));
      }
      if (!t.uniques().isEmpty()) {
        ArrayNode list = body.putArray("uniques");
        t.uniques().forEach(uq -> list.add(unique(NODES.objectNode(), t.name(), uq, canonical)));
      }
    } else if (op instanceof DropTable d) {
      key = "drop_table";
      body.put("table", d.table().toString());
      ack(body, d.acknowledgeDataLoss(), canonical);
    } else if (op instanceof RenameTable r) {
      key = "rename_table";
      body.put("table", r.table().toString()).put("to", r.to());
    } else if (op instanceof AddColumn a) {
      key = "add_column";
      body.put("table", a.table().toString()).set("column", column(a.column(), canonical));
    } else if (op instanceof DropColumn d) {
      key = "drop_column";
      body.put("table", d.table().toString()).put("column", d.column());
      ack(body, d.acknowledgeDataLoss(), canonical);
    } else if (op instanceof RenameColumn r) {
      key = "rename_column";
      body.put("table", r.table().toString()).put("column", r.column()).put("to", r.to());
    } else if (op instanceof AlterColumn a) {
      key = "alter_column";
      body.put("table", a.table().toString()).set("column", column(a.column(), canonical));
      ack(body, a.acknowledgeDataLoss(), canonical);
    } else if (op instanceof CreateIndex c) {
      key = "create_index";
      index(body.put("table", c.table().toString()), c.table(), c.index(), canonical);
    } else if (op instanceof DropIndex d) {
      key = "drop_index";
      body.put("table", d.table().toString()).put("name", d.name());
    } else if (op instanceof AddUnique a) {
      key = "add_unique";
      unique(body.put("table", a.table().toString()), a.table(), a.unique(), canonical);
    } else if (op instanceof DropUnique d) {
      key = "drop_unique";
      body.put("table", d.table().toString()).put("name", d.name());
    } else if (op instanceof AddForeignKey a) {
      key = "add_foreign_key";
      foreignKey(body.put("table", a.table().toString()), a.table(), a.foreignKey(), canonical);
    } else if (op instanceof DropForeignKey d) {
      key = "drop_foreign_key";
      body.put("table", d.table().toString()).put("name", d.name());
    } else if (op instanceof CreateSequence c) {
      key = "create_sequence";
      body.put("name", c.sequence().name().toString())
          .put("start", c.sequence().start()).put("increment", c.sequence().increment());
    } else if (op instanceof DropSequence d) {
      key = "drop_sequence";
      body.put("name", d.name().toString());
    } else {
      ExecuteSql sql = (ExecuteSql) op;
      key = "sql";
      body.put("up", sql.up()).put("down", sql.down());
    }
    ObjectNode wrapped = NODES.objectNode();
    wrapped.set(key, body);
    return wrapped;
  }

  private static ObjectNode column(Column column, boolean canonical) {
    ObjectNode node = NODES.objectNode()
        .put("name", column.name()).put("type", column.type().toString()).put("nullable", column.nullable());
    if (column.defaultValue() != null) {
      node.put("default", column.defaultValue());
    }
    if (column.identity() || canonical) {
      node.put("identity", column.identity());
    }
    return node;
  }

  private static ObjectNode foreignKey(ObjectNode node, TableName table, ForeignKey fk, boolean canonical) {
    name(node, fk.name(), Names.foreignKey(table, fk.columns()), canonical);
    node.set("columns", names(fk.columns()));
    node.put("references", fk.referencedTable().toString());
    node.set("referenced_columns", names(fk.referencedColumns()));
    return node;
  }

  private static ObjectNode index(ObjectNode node, TableName table, Index index, boolean canonical) {
    name(node, index.name(), Names.index(table, index.columns()), canonical);
    node.set("columns", names(index.columns()));
    if (index.unique() || canonical) {
      node.put("unique", index.unique());
    }
    return node;
  }

  private static ObjectNode unique(ObjectNode node, TableName table, Unique unique, boolean canonical) {
    name(node, unique.name(), Names.unique(table, unique.columns()), canonical);
    node.set("columns", names(unique.columns()));
    return node;
  }

  /** Writes a constraint name unless reading would derive the same one. */
  private static void name(ObjectNode node, String name, String derived, boolean canonical) {
    if (canonical || !name.equals(derived)) {
      node.put("name", name);
    }
  }

  private static void ack(ObjectNode node, boolean acknowledged, boolean canonical) {
    if (acknowledged || canonical) {
      node.put(ACK, acknowledged);
    }
  }

  private static ArrayNode names(List<String> names) {
    ArrayNode array = NODES.arrayNode();
    names.forEach(array::add);
    return array;
  }
}
