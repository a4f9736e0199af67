package io.schemagov.processor.jpa;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * Reads an {@code @Entity} class (from source or from the classpath) into an {@link EntityModel}.
 * Table-level facts live here; attributes are read by {@link AttributeReader}.
 */
public final class EntityReader {
  public static final String MIGRATION_MANAGED = "io.schemagov.MigrationManaged";
  static final String SHARED_TABLE = "io.schemagov.SharedTable";
  static final String RENAMED_FROM = "io.schemagov.RenamedFrom";

  private final Types types;
  private final NamingStrategy naming;
  private final AttributeReader attributes;
  private final Map<String, TableModel> primaryTables = new HashMap<>();

  public EntityReader(Types types, NamingStrategy naming) {
    this.types = types;
    this.naming = naming;
    this.attributes = new AttributeReader(types, naming, this);
  }

  public EntityModel read(TypeElement type) {
    String fqcn = type.getQualifiedName().toString();
    TypeElement superEntity = entitySuperclass(type);
    TypeElement root = root(type);
    boolean inHierarchy = superEntity != null || Ann.hasJpa(type, "Inheritance");
    String strategy = inHierarchy ? strategy(root) : null;
    TableModel table = primaryTable(type);

    List<TableModel> secondary = new ArrayList<>();
    for (Ann st : Ann.repeated(type, "SecondaryTable", "SecondaryTables")) {
      secondary.add(
          table(st, type, st.string("name"), TableKind.SECONDARY, fqcn, migrationManaged(type), st.source(type, "name")));
    }

    String access = accessOf(type);
    EntityOwner owner = new EntityOwner(type, fqcn, entityName(type), table, secondary, migrationManaged(type));
    List<AttributeModel> attrs = new ArrayList<>();
    for (TypeElement declaring : declaringClasses(type)) {
      attrs.addAll(attributes.read(declaring, classAccess(declaring, access), owner, overrides(type)));
    }

    DiscriminatorModel discriminatorModel = superEntity == null ? discriminator(type) : null;
    DbName discriminator = null;
    if (superEntity == null && strategy != null && !strategy.equals("TABLE_PER_CLASS")) {
      discriminator = discriminatorModel.name();
    }
    String idClass =
        Ann.jpa(type, "IdClass").flatMap(a -> a.type("value")).map(t -> t.getQualifiedName().toString()).orElse(null);

    return new EntityModel(
        type,
        fqcn,
        entityName(type),
        table,
        secondary,
        strategy,
        superEntity == null ? null : superEntity.getQualifiedName().toString(),
        migrationManaged(type),
        Ann.exact(type, SHARED_TABLE).isPresent(),
        access,
        attrs,
        idClass,
        discriminator,
        discriminatorModel,
        keyJoin(type),
        type.getModifiers().contains(Modifier.ABSTRACT));
  }

  /** {@code @DiscriminatorColumn}, or its defaults: {@code DTYPE}, {@code STRING}, length 31. */
  private DiscriminatorModel discriminator(TypeElement type) {
    Optional<Ann> dc = Ann.jpa(type, "DiscriminatorColumn");
    String written = dc.map(d -> d.string("name")).filter(n -> !n.isBlank()).orElse("DTYPE");
    return new DiscriminatorModel(
        naming.apply(DbName.parse(written)),
        dc.map(d -> d.enumName("discriminatorType", "STRING")).orElse("STRING"),
        dc.map(d -> d.integer("length", 31)).orElse(31),
        dc.isPresent(),
        dc.map(d -> Source.of(type, d.mirror())).orElse(Source.of(type)));
  }

  /** {@code @PrimaryKeyJoinColumn(s)} on the class: key column names and the foreign key. */
  private KeyJoinModel keyJoin(TypeElement type) {
    List<DbName> names = new ArrayList<>();
    for (Ann p : Ann.repeated(type, "PrimaryKeyJoinColumn", "PrimaryKeyJoinColumns")) {
      names.add(optionalName(p.string("name")));
    }
    ForeignKeyModel fk = foreignKey(Ann.jpa(type, "PrimaryKeyJoinColumn").flatMap(p -> p.annotation("foreignKey")));
    return names.isEmpty() && fk == null ? KeyJoinModel.NONE : new KeyJoinModel(names, fk);
  }

  /** The table an entity's rows live in: a SINGLE_TABLE subclass answers its root's table. */
  public TableModel primaryTable(TypeElement entity) {
    String key = entity.getQualifiedName().toString();
    TableModel cached = primaryTables.get(key);
    if (cached != null) {
      return cached;
    }
    TableModel result;
    if (entitySuperclass(entity) != null && strategy(root(entity)).equals("SINGLE_TABLE")) {
      result = primaryTable(root(entity));
    } else {
      Optional<Ann> t = Ann.jpa(entity, "Table");
      Ann entityAnn = Ann.jpa(entity, "Entity").orElseThrow();
      Source source = t.map(a -> a.source(entity, "name")).orElse(entityAnn.source(entity, "name"));
      String name = t.map(a -> a.string("name")).filter(s -> !s.isBlank()).orElse(entityName(entity));
      TableModel base = table(t.orElse(null), entity, name, TableKind.ENTITY, key, migrationManaged(entity), source);
      List<DbName> renamed = new ArrayList<>();
      Optional<Ann> renamedFrom = Ann.exact(entity, RENAMED_FROM);
      renamedFrom.ifPresent(r -> r.strings("value").forEach(s -> renamed.add(naming.apply(DbName.parse(s)))));
      TableDefinition definition =
          base.definition().withRenamedFromSource(renamedFrom.map(r -> r.source(entity, "value")).orElse(null));
      result =
          new TableModel(
              base.name(), base.schema(), base.catalog(), TableKind.ENTITY, key, base.migrationManaged(),
              Ann.exact(entity, SHARED_TABLE).isPresent(), renamed, false, source, definition);
    }
    primaryTables.put(key, result);
    return result;
  }

  /**
   * Builds a table from a {@code @Table}-like annotation (name, schema, catalog and the {@link
   * TableDefinition}); {@code ann} may be null.
   */
  TableModel table(Ann ann, Element element, String name, TableKind kind, String owner, boolean managed, Source source) {
    return new TableModel(
        naming.apply(DbName.parse(name)),
        ann == null ? null : optionalName(ann.string("schema")),
        ann == null ? null : optionalName(ann.string("catalog")),
        kind,
        owner,
        managed,
        false,
        List.of(),
        false,
        source,
        ann == null ? TableDefinition.NONE : definition(ann));
  }

  /**
   * The parts of {@code @Table}, {@code @SecondaryTable}, {@code @JoinTable} or {@code
   * @CollectionTable} beyond the name; attributes an annotation lacks read as absent.
   */
  private TableDefinition definition(Ann ann) {
    List<UniqueConstraintModel> uniques = new ArrayList<>();
    for (Ann uc : ann.annotations("uniqueConstraints")) {
      uniques.add(new UniqueConstraintModel(
          optionalName(uc.string("name")), uc.strings("columnNames").stream().map(this::physical).toList()));
    }
    List<IndexModel> indexes = new ArrayList<>();
    for (Ann ix : ann.annotations("indexes")) {
      List<DbName> cols = new ArrayList<>();
      for (String part : ix.string("columnList").split(",")) {
        String bare = part.strip().replaceFirst("(?i)\\s+(asc|desc)$", "");
        if (!bare.isEmpty()) {
          cols.add(physical(bare));
        }
      }
      indexes.add(new IndexModel(optionalName(ix.string("name")), cols, ix.bool("unique", false)));
    }
    List<DbName> keyJoin = new ArrayList<>();
    for (Ann pk : ann.annotations("pkJoinColumns")) {
      keyJoin.add(optionalName(pk.string("name")));
    }
    return new TableDefinition(
        uniques,
        indexes,
        keyJoin,
        foreignKey(ann.annotation("foreignKey")),
        foreignKey(ann.annotation("inverseForeignKey")),
        null);
  }

  /** A {@code @ForeignKey}: its physical name and whether it asks for no constraint; null when absent. */
  ForeignKeyModel foreignKey(Optional<Ann> fk) {
    return fk.map(f -> new ForeignKeyModel(
            optionalName(f.string("name")), f.enumName("value", "CONSTRAINT").equals("NO_CONSTRAINT")))
        .orElse(null);
  }

  private DbName physical(String written) {
    return naming.apply(DbName.parse(written));
  }

  private DbName optionalName(String raw) {
    return raw.isBlank() ? null : naming.apply(DbName.parse(raw));
  }

  public static String entityName(TypeElement entity) {
    String name = Ann.jpa(entity, "Entity").map(a -> a.string("name")).orElse("");
    return name.isBlank() ? entity.getSimpleName().toString() : name;
  }

  public static boolean isEntity(Element e) {
    return Ann.hasJpa(e, "Entity");
  }

  static boolean migrationManaged(Element e) {
    return Ann.exact(e, MIGRATION_MANAGED).isPresent();
  }

  /** The nearest superclass that is an entity, or null. */
  TypeElement entitySuperclass(TypeElement type) {
    for (TypeElement s = superclass(type); s != null; s = superclass(s)) {
      if (isEntity(s)) {
        return s;
      }
    }
    return null;
  }

  private TypeElement root(TypeElement type) {
    TypeElement root = type;
    for (TypeElement s = entitySuperclass(type); s != null; s = entitySuperclass(s)) {
      root = s;
    }
    return root;
  }

  private static String strategy(TypeElement root) {
    return Ann.jpa(root, "Inheritance").map(a -> a.enumName("strategy", "SINGLE_TABLE")).orElse("SINGLE_TABLE");
  }

  TypeElement superclass(TypeElement type) {
    TypeMirror s = type.getSuperclass();
    if (s.getKind() != TypeKind.DECLARED) {
      return null;
    }
    TypeElement e = (TypeElement) ((DeclaredType) s).asElement();
    return e.getQualifiedName().contentEquals("java.lang.Object") ? null : e;
  }

  /** The entity and the mapped superclasses between it and its entity superclass, top first. */
  private List<TypeElement> declaringClasses(TypeElement type) {
    List<TypeElement> out = new ArrayList<>();
    out.add(type);
    for (TypeElement s = superclass(type); s != null && !isEntity(s); s = superclass(s)) {
      if (Ann.hasJpa(s, "MappedSuperclass")) {
        out.add(0, s);
      }
    }
    return out;
  }

  /**
   * The hierarchy's default access: where {@code @Id} or {@code @EmbeddedId} sits (on a field:
   * FIELD, on a getter: PROPERTY), FIELD when no id is found; the entity's {@code @Access} wins.
   */
  String accessOf(TypeElement type) {
    Optional<String> explicit = Ann.jpa(type, "Access").map(a -> a.enumName("value", "FIELD"));
    if (explicit.isPresent()) {
      return explicit.get();
    }
    for (TypeElement t = type; t != null; t = superclass(t)) {
      for (Element member : t.getEnclosedElements()) {
        if (Ann.hasJpa(member, "Id") || Ann.hasJpa(member, "EmbeddedId")) {
          return member.getKind() == ElementKind.METHOD ? "PROPERTY" : "FIELD";
        }
      }
    }
    return "FIELD";
  }

  static String classAccess(TypeElement declaring, String inherited) {
    return Ann.jpa(declaring, "Access").map(a -> a.enumName("value", inherited)).orElse(inherited);
  }

  /** Entity-level {@code @AttributeOverride(s)} / {@code @AssociationOverride(s)}: for inherited attributes. */
  private static Overrides overrides(TypeElement type) {
    return Overrides.of(type);
  }

  /** The physical name of an entity's first id column, {@code id} when none can be found. */
  String idColumn(TypeElement entity) {
    String access = accessOf(entity);
    for (TypeElement t = entity; t != null; t = superclass(t)) {
      String classAccess = classAccess(t, access);
      for (Element member : persistentMembers(t, classAccess)) {
        if (Ann.hasJpa(member, "Id")) {
          String name = Ann.jpa(member, "Column").map(c -> c.string("name")).orElse("");
          return naming.apply(DbName.parse(name.isBlank() ? attributeName(member) : name)).text();
        }
      }
    }
    return "id";
  }

  /** Fields (FIELD access) or getters (PROPERTY access) that are persistent. */
  static List<Element> persistentMembers(TypeElement type, String access) {
    List<Element> out = new ArrayList<>();
    if (access.equals("PROPERTY")) {
      for (ExecutableElement m : ElementFilter.methodsIn(type.getEnclosedElements())) {
        if (isGetter(m) && !m.getModifiers().contains(Modifier.STATIC) && !Ann.hasJpa(m, "Transient")) {
          out.add(m);
        }
      }
    } else {
      for (VariableElement f : ElementFilter.fieldsIn(type.getEnclosedElements())) {
        if (!f.getModifiers().contains(Modifier.STATIC)
            && !f.getModifiers().contains(Modifier.TRANSIENT)
            && !Ann.hasJpa(f, "Transient")) {
          out.add(f);
        }
      }
    }
    return out;
  }

  private static boolean isGetter(ExecutableElement m) {
    String n = m.getSimpleName().toString();
    if (!m.getParameters().isEmpty()) {
      return false;
    }
    if (n.startsWith("get") && n.length() > 3) {
      return m.getReturnType().getKind() != TypeKind.VOID;
    }
    return n.startsWith("is") && n.length() > 2 && m.getReturnType().getKind() == TypeKind.BOOLEAN;
  }

  /** The attribute name of a field or getter (JavaBeans decapitalisation). */
  static String attributeName(Element member) {
    String n = member.getSimpleName().toString();
    if (member.getKind() != ElementKind.METHOD) {
      return n;
    }
    String bare = n.startsWith("is") ? n.substring(2) : n.substring(3);
    if (bare.length() > 1 && Character.isUpperCase(bare.charAt(0)) && Character.isUpperCase(bare.charAt(1))) {
      return bare;
    }
    return Character.toLowerCase(bare.charAt(0)) + bare.substring(1);
  }

  static TypeMirror attributeType(Element member) {
    return member instanceof ExecutableElement m ? m.getReturnType() : member.asType();
  }

  Types types() {
    return types;
  }
}
