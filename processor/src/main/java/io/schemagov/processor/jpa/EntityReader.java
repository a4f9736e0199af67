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

    DbName discriminator = null;
    if (superEntity == null && strategy != null && !strategy.equals("TABLE_PER_CLASS")) {
      String name = Ann.jpa(type, "DiscriminatorColumn").map(d -> d.string("name")).orElse("");
      discriminator = naming.apply(DbName.parse(name.isEmpty() ? "DTYPE" : name));
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
        discriminator);
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
      Ann.exact(entity, RENAMED_FROM).ifPresent(r -> r.strings("value").forEach(s -> renamed.add(naming.apply(DbName.parse(s)))));
      result =
          new TableModel(
              base.name(), base.schema(), base.catalog(), TableKind.ENTITY, key, base.migrationManaged(),
              Ann.exact(entity, SHARED_TABLE).isPresent(), renamed, false, source);
    }
    primaryTables.put(key, result);
    return result;
  }

  /** Builds a table from a {@code @Table}-like annotation (name, schema, catalog); {@code ann} may be null. */
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
        source);
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
