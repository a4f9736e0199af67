package io.schemagov.processor.index;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.schemagov.processor.jpa.DbName;
import io.schemagov.processor.jpa.TableKind;
import io.schemagov.processor.jpa.TableModel;
import java.util.List;

/**
 * One table in a module's index, as JSON. {@code name} is unquoted text with {@code quoted}
 * beside it; {@code schema}, {@code catalog} and {@code renamedFrom} keep SQL quoting
 * ({@code "Name"}) when quoted.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "quoted", "schema", "catalog", "kind", "owner", "migrationManaged", "shared", "renamedFrom"})
public record TableEntry(
    String name,
    boolean quoted,
    String schema,
    String catalog,
    String kind,
    String owner,
    boolean migrationManaged,
    boolean shared,
    List<String> renamedFrom) {

  public static TableEntry of(TableModel t) {
    return new TableEntry(
        t.name().text(),
        t.name().quoted(),
        t.schema() == null ? null : t.schema().toString(),
        t.catalog() == null ? null : t.catalog().toString(),
        t.kind().name(),
        t.owner(),
        t.migrationManaged(),
        t.shared(),
        t.renamedFrom().stream().map(DbName::toString).toList());
  }

  /** The table as the rules see it; throws IllegalArgumentException on a malformed entry. */
  public TableModel toTable() {
    if (name == null || name.isBlank() || owner == null || owner.isBlank() || kind == null) {
      throw new IllegalArgumentException("an entry needs name, kind and owner");
    }
    return new TableModel(
        new DbName(name, quoted),
        schema == null ? null : DbName.parse(schema),
        catalog == null ? null : DbName.parse(catalog),
        TableKind.valueOf(kind),
        owner,
        migrationManaged,
        shared,
        renamedFrom == null ? List.of() : renamedFrom.stream().map(DbName::parse).toList(),
        true,
        null);
  }
}
