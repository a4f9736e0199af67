package io.schemagov.processor.generate;

import io.schemagov.processor.jpa.AttributeModel;
import io.schemagov.processor.jpa.CollectionModel;
import io.schemagov.processor.jpa.ColumnModel;
import io.schemagov.processor.jpa.DbName;
import io.schemagov.processor.jpa.DiscriminatorModel;
import io.schemagov.processor.jpa.EntityModel;
import io.schemagov.processor.jpa.ForeignKeyModel;
import io.schemagov.processor.jpa.ForeignKeyText;
import io.schemagov.processor.jpa.Generation;
import io.schemagov.processor.jpa.NamingStrategy;
import io.schemagov.processor.jpa.PersistenceUnit;
import io.schemagov.processor.jpa.RelationModel;
import io.schemagov.processor.jpa.IndexModel;
import io.schemagov.processor.jpa.Source;
import io.schemagov.processor.jpa.TableDefinition;
import io.schemagov.processor.jpa.TableModel;
import io.schemagov.processor.jpa.UniqueConstraintModel;
import io.schemagov.processor.generate.EntitySchema.MappingProblem;
import io.schemagov.processor.rules.Finding;
import io.schemagov.processor.rules.Messages;
import io.schemagov.processor.rules.Severity;
import io.schemagov.revision.Renames;
import io.schemagov.revision.Renames.Rename;
import io.schemagov.schema.Column;
import io.schemagov.schema.ColumnType;
import io.schemagov.schema.ColumnType.Kind;
import io.schemagov.schema.ForeignKey;
import io.schemagov.schema.Identifiers;
import io.schemagov.schema.Index;
import io.schemagov.schema.InvalidSchemaException;
import io.schemagov.schema.Names;
import io.schemagov.schema.Schema;
import io.schemagov.schema.Sequence;
import io.schemagov.schema.Table;
import io.schemagov.schema.TableName;
import io.schemagov.schema.Unique;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps the entity model to the runtime's {@link Schema}, with the names, types, keys and
 * sequences Hibernate 7 creates (docs/entity-schema.md lists where we deliberately differ).
 * Linear in entities and attributes: entities are looked up by qualified name, tables by key.
 * Never throws on bad input: what the schema model cannot express becomes a warning finding,
 * recorded with the table and entity it concerns. A pure step: it reads the entity model only,
 * never an element's annotations (the model's {@link Source}s only place the findings).
 */
public final class SchemaMapper {
  /** A basic attribute whose Java type has no column type here. */
  public static final String UNMAPPED_TYPE = "unmapped-type";
  /** Any other mapping the schema model cannot hold (a name, a key, a default, a rename). */
  public static final String UNMAPPED_MAPPING = "unmapped-mapping";

  private static final Set<String> SETS = Set.of("java.util.Set", "java.util.SortedSet", "java.util.NavigableSet",
      "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet");
  private static final Set<String> NUMERIC_IDS = Set.of("java.lang.Long", "java.lang.Integer", "java.lang.Short",
      "java.math.BigInteger", "java.math.BigDecimal");

  private final NamingStrategy naming;
  private final Map<String, EntityModel> entities = new HashMap<>();
  /** Entities some other entity extends: a root among them has a discriminator by default. */
  private final Set<String> extended = new HashSet<>();
  /** Primary-key columns of each entity's primary table, resolved on demand. */
  private final Map<String, List<Column>> keys = new HashMap<>();
  private final Set<String> resolving = new HashSet<>();
  private final Map<String, TableBuilder> tables = new LinkedHashMap<>();
  private final Map<String, Source> tableSources = new HashMap<>();
  private final Map<String, Sequence> sequences = new LinkedHashMap<>();
  private final Set<String> managed = new HashSet<>();
  /** Table-level constraints name columns any mapping may add, so they are applied last. */
  private final List<Runnable> constraints = new ArrayList<>();
  private final List<MappingProblem> problems = new ArrayList<>();
  private final Map<Rename, Source> renameSources = new LinkedHashMap<>();
  private Renames renames = Renames.NONE;

  private SchemaMapper(NamingStrategy naming) {
    this.naming = naming;
  }

  public static EntitySchema map(PersistenceUnit unit, NamingStrategy naming) {
    SchemaMapper mapper = new SchemaMapper(naming);
    unit.referenced().forEach(e -> mapper.entities.put(e.qualifiedName(), e));
    for (EntityModel e : unit.entities()) {
      mapper.entities.put(e.qualifiedName(), e);
      if (e.superEntity() != null) {
        mapper.extended.add(e.superEntity());
      }
    }
    return mapper.run(unit);
  }

  private EntitySchema run(PersistenceUnit unit) {
    for (EntityModel e : unit.entities()) {
      if (e.ownsTable() && !abstractTablePerClassRoot(e)) {
        entityTable(e);
      }
    }
    for (EntityModel e : unit.entities()) {
      if (!e.ownsTable()) {
        singleTableSubclass(e);
      }
    }
    constraints.forEach(Runnable::run);
    Set<String> claimed = Set.copyOf(managed);
    List<Table> built = new ArrayList<>();
    tables.forEach((key, builder) -> {
      try {
        built.add(builder.build());
      } catch (InvalidSchemaException ex) {
        managed.remove(key);
        problem(UNMAPPED_MAPPING, null, key, false, tableSources.get(key), "table " + builder.name + " cannot be mapped: "
            + ex.getMessage() + "; the entity schema leaves it out");
      }
    });
    // A problem matters to the chain when its entity is migration-managed or its table is owned by one
    // (also when that table was then left out): decided here, once every table's owner is known.
    List<MappingProblem> resolved = problems.stream()
        .map(p -> p.migrationManaged() || p.table() == null || !claimed.contains(p.table()) ? p
            : new MappingProblem(p.finding(), p.table(), p.entity(), true))
        .toList();
    return new EntitySchema(Schema.of(built, List.copyOf(sequences.values())), managed, renames, renameSources, resolved);
  }

  // ---- entity tables

  private void entityTable(EntityModel e) {
    TableBuilder t = builder(e.table());
    if (t == null) {
      return;
    }
    secondaryTables(e);
    EntityModel parent = parent(e);
    if (parent != null && "JOINED".equals(e.inheritance())) {
      List<String> pk = keyColumns(e, t, keys(e), Source.of(e.element()));
      foreignKey(e, t, pk, parent, e.keyJoin().foreignKey(), Source.of(e.element()));
      attributes(e, e.attributes(), t, false, true);
    } else if (parent != null && "TABLE_PER_CLASS".equals(e.inheritance())) {
      List<AttributeModel> all = new ArrayList<>();
      for (EntityModel p = parent; p != null; p = parent(p)) {
        all.addAll(0, p.attributes());
      }
      attributes(e, all, t, false, false);
      attributes(e, e.attributes(), t, false, true);
    } else {
      attributes(e, e.attributes(), t, false, true);
    }
    t.primaryKey(keys(e).stream().map(Column::name).toList());
    discriminator(e, t);
    tableRename(e, t);
    tableConstraints(e, t, e.table());
  }

  /** A SINGLE_TABLE subclass adds its columns to the root's table, all nullable. */
  private void singleTableSubclass(EntityModel e) {
    TableBuilder t = builder(e.table());
    if (t != null) {
      secondaryTables(e);
      attributes(e, e.attributes(), t, true, true);
    }
  }

  /**
   * SINGLE_TABLE roots with subclasses get the discriminator ({@code DTYPE varchar(31)} unless
   * {@code @DiscriminatorColumn} says otherwise); a JOINED root only when it declares one.
   */
  private void discriminator(EntityModel e, TableBuilder t) {
    DiscriminatorModel d = e.discriminator();
    boolean singleTable = e.inheritance() == null ? extended.contains(e.qualifiedName()) : e.inheritance().equals("SINGLE_TABLE");
    if (e.superEntity() != null || d == null || !(singleTable || d.declared() && "JOINED".equals(e.inheritance()))) {
      return;
    }
    ColumnType type = switch (d.type()) {
      case "CHAR" -> ColumnType.sized(Kind.CHAR, 1);
      case "INTEGER" -> ColumnType.of(Kind.INTEGER);
      default -> ColumnType.sized(Kind.VARCHAR, d.length());
    };
    addColumn(e, t, d.name().toString(), type, false, null, false, Source.of(e.element()));
  }

  private void secondaryTables(EntityModel e) {
    for (TableModel st : e.secondaryTables()) {
      TableBuilder t = builder(st);
      if (t == null) {
        continue;
      }
      List<Column> key = renamedKey(keys(e), st.definition().keyJoinColumns());
      List<String> pk = keyColumns(e, t, key, st.source());
      t.primaryKey(pk);
      foreignKey(e, t, pk, e, st.definition().foreignKey(), st.source());
      tableConstraints(e, t, st);
    }
  }

  // ---- attributes

  /**
   * Adds the attributes' columns to {@code primary} (or the secondary table a column names), and
   * their join and collection tables when {@code withTables}.
   */
  private void attributes(EntityModel e, List<AttributeModel> attrs, TableBuilder primary, boolean nullable, boolean withTables) {
    for (AttributeModel a : attrs) {
      if (a.collectionTable() != null) {
        if (withTables) {
          collectionTable(e, a);
        }
        continue;
      }
      RelationModel r = a.relation();
      if (r != null && r.joinTable() != null && withTables) {
        joinTable(e, a);
      }
      List<String> names = new ArrayList<>();
      TableBuilder owner = primary;
      for (int i = 0; i < a.columns().size(); i++) {
        ColumnModel c = a.columns().get(i);
        TableBuilder t = c.table() == null ? primary : secondary(e, c.table());
        if (t == null) {
          problem(UNMAPPED_MAPPING, e, primary, c.source(), "column " + c.name() + " names table " + c.table()
              + ", which is no secondary table of " + e.qualifiedName() + "; declare it with @SecondaryTable");
          continue;
        }
        owner = t;
        String name = column(e, c, r != null ? i : 0, t, nullable);
        if (name == null) {
          continue;
        }
        names.add(name);
        boolean oneToOne = r != null && r.kind().equals("OneToOne") && a.columns().size() == 1;
        if (!c.id() && (c.unique() || oneToOne)) {
          t.unique(new Unique(Names.unique(t.name, List.of(name)), List.of(name)));
        }
        if (r == null && entities.containsKey(c.javaType())) {
          foreignKey(e, t, List.of(name), entities.get(c.javaType()), null, c.source());
        }
      }
      if (r != null && !names.isEmpty() && names.size() == a.columns().size()) {
        EntityModel target = entities.get(r.targetType());
        if (target != null) {
          foreignKey(e, owner, names, target, r.foreignKey(), r.source());
        }
      }
      if (r == null && names.size() == 1) {
        references(owner, names.get(0), a);
      }
      columnRename(e, owner, names, a);
    }
  }

  /** Adds one column; returns its name, or null when it cannot be mapped (reported). */
  private String column(EntityModel e, ColumnModel c, int position, TableBuilder t, boolean subclass) {
    ColumnType type = type(e, t, c, position);
    if (type == null) {
      return null;
    }
    Generation g = c.generation();
    boolean identity = g != null && g.strategy().equals("IDENTITY");
    boolean nullable = !c.id() && !c.version() && !identity && (subclass || c.nullable());
    String dflt = c.defaultValue() == null ? null : c.defaultValue().text();
    String name = addColumn(e, t, c.name().toString(), type, nullable, dflt, identity, c.source());
    if (name != null && g != null) {
      generator(e, c, g);
    }
    return name;
  }

  private String addColumn(
      EntityModel e, TableBuilder t, String name, ColumnType type, boolean nullable, String dflt, boolean identity, Source at) {
    if (!Identifiers.isValid(name)) {
      problem(UNMAPPED_MAPPING, e, t, at, "column name " + name + " is no valid SQL identifier; name the column "
          + "with letters, digits and '_' (or quote it)");
      return null;
    }
    try {
      t.column(new Column(name, type, nullable, dflt, identity));
    } catch (InvalidSchemaException ex) {
      if (dflt.chars().allMatch(ch -> ch < 0x80)) {
        problem(UNMAPPED_MAPPING, e, t, at, "the default of column " + name + " cannot be mapped: " + ex.getMessage());
      }
      t.column(new Column(name, type, nullable, null, identity));
    }
    return name;
  }

  /**
   * The column type: a foreign-key column takes the type of the key column it references (by
   * position), any other column its Java type's mapping. {@code e} and {@code t} are the entity
   * and table (null when none) a problem concerns.
   */
  private ColumnType type(EntityModel e, TableBuilder t, ColumnModel c, int position) {
    EntityModel target = entities.get(c.javaType());
    if (target != null) {
      List<Column> key = keys(target);
      if (key.isEmpty()) {
        problem(UNMAPPED_MAPPING, e, t, c.source(), "column " + c.name() + " references " + target.qualifiedName()
            + ", whose id columns cannot be mapped; give that entity a mappable @Id");
        return null;
      }
      return key.get(Math.min(position, key.size() - 1)).type();
    }
    ColumnType type = TypeMapping.of(c);
    if (type == null) {
      problem(UNMAPPED_TYPE, e, t, c.source(), "column " + c.name() + " has Java type " + c.javaType()
          + ", which schemagov cannot map to a column type, so schema drift and DDL leave it out; "
          + "use a supported type (docs/entity-schema.md) or mark the attribute @Transient");
    }
    return type;
  }

  /** IDENTITY is a column property; SEQUENCE and AUTO on a numeric id need the sequence Hibernate reads. */
  private void generator(EntityModel e, ColumnModel c, Generation g) {
    switch (g.strategy()) {
      case "SEQUENCE", "AUTO" -> {
        if (!NUMERIC_IDS.contains(c.javaType())) {
          return;
        }
        String name = g.sequenceName() != null ? g.sequenceName()
            : g.generator() != null ? g.generator() : root(e).entityName() + "_SEQ";
        String physical = naming.apply(DbName.parse(name)).toString();
        if (!Identifiers.isValid(physical)) {
          problem(UNMAPPED_MAPPING, e, null, c.source(), "sequence name " + physical + " is no valid SQL identifier; rename it");
          return;
        }
        Sequence s = new Sequence(TableName.of(physical), g.initialValue(), g.allocationSize());
        sequences.putIfAbsent(s.name().key(), s);
      }
      case "TABLE" -> hibernateSequences(e);
      default -> { }
    }
  }

  /** The one table all {@code GenerationType.TABLE} generators share, as Hibernate creates it. */
  private void hibernateSequences(EntityModel e) {
    TableName name = TableName.of("hibernate_sequences");
    TableBuilder t = tables.computeIfAbsent(name.key(), k -> new TableBuilder(name));
    tableSources.putIfAbsent(name.key(), Source.of(e.element()));
    if (e.migrationManaged()) {
      managed.add(name.key());
    }
    t.column(Column.of("next_val", ColumnType.of(Kind.BIGINT), true));
    t.column(Column.of("sequence_name", ColumnType.sized(Kind.VARCHAR, 255), false));
    t.primaryKey(List.of("sequence_name"));
  }

  // ---- join and collection tables

  private void joinTable(EntityModel e, AttributeModel a) {
    RelationModel r = a.relation();
    TableBuilder t = builder(r.joinTable());
    EntityModel target = entities.get(r.targetType());
    if (t == null) {
      return;
    }
    TableDefinition jt = r.joinTable().definition();
    List<ColumnModel> cols = r.joinTableColumns();
    int ownerCount = Math.min(cols.size(), r.joinTableOwnerColumns());
    List<String> ownerSide = joinColumns(e, t, cols.subList(0, ownerCount), e, r.source());
    foreignKey(e, t, ownerSide, e, jt.foreignKey(), r.source());
    List<String> targetSide = List.of();
    if (target != null) {
      targetSide = joinColumns(e, t, cols.subList(ownerCount, cols.size()), target, r.source());
      foreignKey(e, t, targetSide, target, jt.inverseForeignKey(), r.source());
    }
    List<String> both = new ArrayList<>(ownerSide);
    both.addAll(targetSide);
    switch (r.kind()) {
      case "ManyToOne", "OneToOne" -> t.primaryKey(ownerSide);
      default -> {
        if (SETS.contains(a.javaType())) {
          t.primaryKey(both);
        }
      }
    }
    if (!targetSide.isEmpty() && (r.kind().equals("OneToMany") || r.kind().equals("OneToOne"))) {
      t.unique(new Unique(Names.unique(t.name, targetSide), targetSide));
    }
    tableConstraints(e, t, r.joinTable());
  }

  /**
   * An element collection's table: owner key, map key or order column, element columns. Its key
   * follows Hibernate: a map is keyed by owner and map key, an ordered list by order and owner, and
   * a set gets a unique constraint over every column (its elements are nullable, so no primary key).
   */
  private void collectionTable(EntityModel e, AttributeModel a) {
    CollectionModel m = a.collectionColumns();
    TableBuilder t = builder(a.collectionTable());
    if (t == null || m == null) {
      return;
    }
    List<String> owner = joinColumns(e, t, m.owner(), e, a.source());
    foreignKey(e, t, owner, e, a.collectionTable().definition().foreignKey(), a.source());
    String mapKey = m.mapKey() == null ? null : column(e, m.mapKey(), 0, t, false);
    String order = m.order() == null ? null
        : addColumn(e, t, m.order().name().toString(), ColumnType.of(Kind.INTEGER), false, null, false, a.source());
    List<String> all = new ArrayList<>(owner);
    for (ColumnModel c : m.elements()) {
      String name = column(e, c, 0, t, false);
      if (name != null) {
        all.add(name);
      }
    }
    if (mapKey != null) {
      List<String> pk = new ArrayList<>(owner);
      pk.add(mapKey);
      t.primaryKey(pk);
    } else if (order != null) {
      List<String> pk = new ArrayList<>(List.of(order));
      pk.addAll(owner);
      t.primaryKey(pk);
    } else if (SETS.contains(a.javaType()) && !owner.isEmpty()) {
      t.unique(new Unique(Names.unique(t.name, all), all));
    }
    tableConstraints(e, t, a.collectionTable());
  }

  /** Key columns referencing {@code ref}'s primary key, typed by it, NOT NULL; returns their names. */
  private List<String> joinColumns(EntityModel e, TableBuilder t, List<ColumnModel> cols, EntityModel ref, Source at) {
    List<Column> key = keys(ref);
    if (key.size() != cols.size()) {
      problem(UNMAPPED_MAPPING, e, t, at, "table " + t.name + " has " + cols.size() + " join column(s) for "
          + ref.qualifiedName() + ", whose primary key has " + key.size() + "; name one join column per key column");
      return List.of();
    }
    List<Column> named = new ArrayList<>();
    for (int i = 0; i < cols.size(); i++) {
      named.add(Column.of(cols.get(i).name().toString(), key.get(i).type(), false));
    }
    return keyColumns(e, t, named, at);
  }

  /** Adds NOT NULL copies of {@code key} (the columns of a primary-key join) to {@code t}. */
  private List<String> keyColumns(EntityModel e, TableBuilder t, List<Column> key, Source at) {
    List<String> names = new ArrayList<>();
    for (Column k : key) {
      String name = addColumn(e, t, k.name(), k.type(), false, null, false, at);
      if (name != null) {
        names.add(name);
      }
    }
    return names.size() == key.size() ? names : List.of();
  }

  // ---- keys and constraints

  /**
   * The primary-key columns of an entity's primary table (names and types): its {@code @Id}
   * attributes for a root; for a JOINED subclass the parent's, renamed by {@code
   * @PrimaryKeyJoinColumn}; for other subclasses the root's.
   */
  private List<Column> keys(EntityModel e) {
    List<Column> known = keys.get(e.qualifiedName());
    if (known != null) {
      return known;
    }
    if (!resolving.add(e.qualifiedName())) {
      return List.of();
    }
    List<Column> out = new ArrayList<>();
    EntityModel parent = parent(e);
    if (parent != null) {
      List<Column> inherited = keys(parent);
      out.addAll("JOINED".equals(e.inheritance())
          ? renamedKey(inherited, e.keyJoin().columns())
          : inherited);
    } else {
      for (AttributeModel a : e.attributes()) {
        if (!a.id()) {
          continue;
        }
        for (int i = 0; i < a.columns().size(); i++) {
          ColumnModel c = a.columns().get(i);
          ColumnType type = type(e, null, c, i);
          if (type != null && Identifiers.isValid(c.name().toString())) {
            out.add(Column.of(c.name().toString(), type, false));
          }
        }
      }
    }
    resolving.remove(e.qualifiedName());
    List<Column> result = List.copyOf(out);
    keys.put(e.qualifiedName(), result);
    return result;
  }

  /** {@code key} with the names written in {@code @PrimaryKeyJoinColumn}s (null: kept), by position. */
  private static List<Column> renamedKey(List<Column> key, List<DbName> names) {
    List<Column> out = new ArrayList<>();
    for (int i = 0; i < key.size(); i++) {
      DbName written = i < names.size() ? names.get(i) : null;
      out.add(written == null ? key.get(i) : key.get(i).withName(written.toString()));
    }
    return out;
  }

  /**
   * A foreign key to {@code target}'s primary key, named by {@code fk} (may be null), unless {@code
   * @ForeignKey(NO_CONSTRAINT)} says none.
   */
  private void foreignKey(EntityModel e, TableBuilder t, List<String> columns, EntityModel target, ForeignKeyModel fk, Source at) {
    if (columns.isEmpty() || fk != null && fk.noConstraint()) {
      return;
    }
    List<Column> key = keys(target);
    TableName table = tableName(target.table());
    if (key.size() != columns.size() || table == null) {
      problem(UNMAPPED_MAPPING, e, t, at, "the foreign key " + columns + " of table " + t.name + " does not match the "
          + "primary key of " + target.qualifiedName() + "; name one join column per key column");
      return;
    }
    String name = fk != null && fk.name() != null ? fk.name().toString() : Names.foreignKey(t.name, columns);
    if (!Identifiers.isValid(name)) {
      problem(UNMAPPED_MAPPING, e, t, at, "foreign key name " + name + " is no valid SQL identifier; rename it");
      return;
    }
    t.foreignKey(new ForeignKey(name, columns, table, key.stream().map(Column::name).toList()));
  }

  /** {@code @References("table.column")}: a foreign key to a table that may live outside the compilation. */
  private void references(TableBuilder t, String column, AttributeModel a) {
    for (ForeignKeyText fk : a.foreignKeys()) {
      if (fk.origin() != ForeignKeyText.Origin.REFERENCES || fk.table() == null) {
        continue;
      }
      String schema = fk.schema() == null ? null : naming.apply(fk.schema()).toString();
      String tableText = naming.apply(fk.table()).toString();
      String refColumn = fk.column() == null ? "id" : naming.apply(DbName.parse(fk.column())).toString();
      if (!Identifiers.isValid(tableText) || !Identifiers.isValid(refColumn) || schema != null && !Identifiers.isValid(schema)) {
        continue;
      }
      TableName target = new TableName(schema, tableText);
      t.foreignKey(new ForeignKey(Names.foreignKey(t.name, List.of(column)), List.of(column), target, List.of(refColumn)));
    }
  }

  /** The table's declared {@code uniqueConstraints} and {@code indexes}, with their names or derived ones. */
  private void tableConstraints(EntityModel e, TableBuilder t, TableModel table) {
    TableDefinition d = table.definition();
    Source at = table.source();
    if (d.uniqueConstraints().isEmpty() && d.indexes().isEmpty()) {
      return;
    }
    constraints.add(() -> {
      for (UniqueConstraintModel uc : d.uniqueConstraints()) {
        List<String> cols = uc.columns().stream().map(DbName::toString).toList();
        String name = uc.name() == null ? Names.unique(t.name, cols) : uc.name().toString();
        constraint(e, t, cols, at, () -> t.unique(new Unique(name, cols)));
      }
      for (IndexModel ix : d.indexes()) {
        List<String> cols = ix.columns().stream().map(DbName::toString).toList();
        String name = ix.name() == null ? Names.index(t.name, cols) : ix.name().toString();
        constraint(e, t, cols, at, () -> t.index(new Index(name, cols, ix.unique())));
      }
    });
  }

  private void constraint(EntityModel e, TableBuilder t, List<String> cols, Source at, Runnable add) {
    Optional<String> missing = cols.stream().filter(c -> !Identifiers.isValid(c) || !t.hasColumn(c)).findFirst();
    if (cols.isEmpty() || missing.isPresent()) {
      problem(UNMAPPED_MAPPING, e, t, at, "a constraint or index of table " + t.name + " names column "
          + missing.orElse("(none)") + ", which the table does not have; name the table's physical columns");
      return;
    }
    try {
      add.run();
    } catch (InvalidSchemaException ex) {
      problem(UNMAPPED_MAPPING, e, t, at, ex.getMessage());
    }
  }

  private String columnName(String written) {
    return naming.apply(DbName.parse(written)).toString();
  }

  // ---- renames

  private void tableRename(EntityModel e, TableBuilder t) {
    List<DbName> old = e.table().renamedFrom();
    if (old.isEmpty()) {
      return;
    }
    Source written = e.table().definition().renamedFromSource();
    Source at = written != null ? written : Source.of(e.element());
    String from = old.get(0).toString();
    if (!Identifiers.isValid(from)) {
      problem(UNMAPPED_MAPPING, e, t, at, "old table name " + from + " is no valid SQL identifier; write the name the table had");
      return;
    }
    declare(e, t, new Renames.TableRename(new TableName(t.name.schema(), from), t.name), at);
  }

  private void columnRename(EntityModel e, TableBuilder t, List<String> columns, AttributeModel a) {
    if (a.renamedFrom().isEmpty()) {
      return;
    }
    Source at = a.renamedFromSource() != null ? a.renamedFromSource() : a.source();
    String from = columnName(a.renamedFrom().get(0));
    if (columns.size() != 1 || !Identifiers.isValid(from)) {
      problem(UNMAPPED_MAPPING, e, t, at, "@RenamedFrom on " + a.name() + " needs an attribute of exactly one column "
          + "and a valid old column name; rename the columns of an embedded attribute on its fields");
      return;
    }
    declare(e, t, new Renames.ColumnRename(t.name, from, columns.get(0)), at);
  }

  private void declare(EntityModel e, TableBuilder t, Rename rename, Source at) {
    try {
      renames = rename instanceof Renames.TableRename tr ? renames.withTable(tr.from(), tr.to())
          : renames.withColumn(((Renames.ColumnRename) rename).table(), ((Renames.ColumnRename) rename).from(),
              ((Renames.ColumnRename) rename).to());
      renameSources.put(rename, at);
    } catch (IllegalArgumentException ex) {
      problem(UNMAPPED_MAPPING, e, t, at, ex.getMessage());
    }
  }

  // ---- helpers

  private TableBuilder builder(TableModel table) {
    TableName name = tableName(table);
    if (name == null) {
      problem(UNMAPPED_MAPPING, entities.get(table.owner()), null, table.migrationManaged(), table.source(), "table name " + table.displayName()
          + " is no valid SQL identifier; name the table with letters, digits and '_' (or quote it)");
      return null;
    }
    tableSources.putIfAbsent(name.key(), table.source());
    if (table.migrationManaged()) {
      managed.add(name.key());
    }
    return tables.computeIfAbsent(name.key(), k -> new TableBuilder(name));
  }

  /** The runtime's name of a table (the catalog has no place in it); null when invalid. */
  private static TableName tableName(TableModel table) {
    String schema = table.schema() == null ? null : table.schema().toString();
    String name = table.name().toString();
    if (!Identifiers.isValid(name) || schema != null && !Identifiers.isValid(schema)) {
      return null;
    }
    return new TableName(schema, name);
  }

  private TableBuilder secondary(EntityModel e, DbName table) {
    for (TableModel st : e.secondaryTables()) {
      if (st.name().key().equals(table.key())) {
        TableName name = tableName(st);
        return name == null ? null : tables.get(name.key());
      }
    }
    return null;
  }

  private EntityModel parent(EntityModel e) {
    return e.superEntity() == null ? null : entities.get(e.superEntity());
  }

  private EntityModel root(EntityModel e) {
    EntityModel root = e;
    for (EntityModel p = parent(e); p != null; p = parent(p)) {
      root = p;
    }
    return root;
  }

  /** Hibernate creates no table for the abstract root of a TABLE_PER_CLASS hierarchy. */
  private static boolean abstractTablePerClassRoot(EntityModel e) {
    return e.superEntity() == null && "TABLE_PER_CLASS".equals(e.inheritance()) && e.abstractClass();
  }

  /** A problem of entity {@code e}'s mapping into table {@code t} (either may be null). */
  private void problem(String key, EntityModel e, TableBuilder t, Source at, String message) {
    problem(key, e, t == null ? null : t.name.key(), false, at, message);
  }

  /**
   * Records a problem with what it concerns: the table's key and the entity being mapped. It is
   * migration-managed when the entity is, when {@code managedTable} says so, or (decided in {@link
   * #run}) when the table is owned by a migration-managed entity.
   */
  private void problem(String key, EntityModel e, String tableKey, boolean managedTable, Source at, String message) {
    Finding finding = new Finding(key, Severity.WARNING, at.element(), at.mirror(), at.value(), Messages.prefix(key) + message);
    boolean migrationManaged = managedTable || e != null && e.migrationManaged();
    problems.add(new MappingProblem(finding, tableKey, e == null ? null : e.qualifiedName(), migrationManaged));
  }
}
