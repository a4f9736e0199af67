package io.schemagov.processor.jpa;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/** Reads the persistent attributes of one class (entity, mapped superclass or embeddable). */
final class AttributeReader {
  private static final String REFERENCES = "io.schemagov.References";
  private static final String COLUMN_DEFAULT = "org.hibernate.annotations.ColumnDefault";
  private static final String FORMULA = "org.hibernate.annotations.Formula";
  private static final String HIBERNATE_TARGET = "org.hibernate.annotations.Target";
  private static final List<String> RELATIONS = List.of("ManyToOne", "OneToOne", "OneToMany", "ManyToMany");
  /** Guards against embeddables that (illegally) contain themselves. */
  private static final int MAX_EMBEDDING_DEPTH = 8;

  private final Types types;
  private final NamingStrategy naming;
  private final EntityReader entities;

  AttributeReader(Types types, NamingStrategy naming, EntityReader entities) {
    this.types = types;
    this.naming = naming;
    this.entities = entities;
  }

  List<AttributeModel> read(TypeElement declaring, String access, EntityOwner owner, Overrides overrides) {
    List<AttributeModel> out = new ArrayList<>();
    for (Element member : EntityReader.persistentMembers(declaring, access)) {
      AttributeModel a = member(member, access, owner, overrides, new HashSet<>(), 0);
      if (a != null) {
        out.add(a);
      }
    }
    return out;
  }

  private AttributeModel member(
      Element member, String access, EntityOwner owner, Overrides overrides, Set<String> visiting, int depth) {
    if (Ann.exact(member, FORMULA).isPresent()) {
      return null;
    }
    String name = EntityReader.attributeName(member);
    TypeMirror type = EntityReader.attributeType(member);
    boolean id = Ann.hasJpa(member, "Id") || Ann.hasJpa(member, "EmbeddedId");
    List<ForeignKeyText> fks = new ArrayList<>(foreignKeyTexts(member));
    Optional<Ann> renamedFrom = Ann.exact(member, EntityReader.RENAMED_FROM);
    List<String> renamed = renamedFrom.map(r -> r.strings("value")).orElse(List.of());
    Source renamedAt = renamedFrom.map(r -> r.source(member, "value")).orElse(null);
    Source source = Source.of(member);

    for (String kind : RELATIONS) {
      Optional<Ann> rel = Ann.jpa(member, kind);
      if (rel.isPresent()) {
        return relation(member, name, type, kind, rel.get(), owner, overrides, id, fks, renamed, renamedAt);
      }
    }
    Optional<Ann> collection = Ann.jpa(member, "ElementCollection");
    if (collection.isPresent()) {
      Optional<Ann> ct = Ann.jpa(member, "CollectionTable");
      Source ts = ct.map(c -> c.source(member, "name")).orElse(Source.of(member, collection.get().mirror()));
      String tableName = ct.map(c -> c.string("name")).filter(s -> !s.isBlank()).orElse(owner.entityName() + "_" + name);
      TableModel table =
          entities.table(ct.orElse(null), member, tableName, TableKind.COLLECTION, owner.qualifiedName(), owner.migrationManaged(), ts);
      CollectionModel elements = collectionColumns(member, name, type, access, ct.orElse(null), owner, overrides, visiting, depth);
      return new AttributeModel(name, javaType(type), false, List.of(), null, table, elements, fks, renamed, renamedAt, source);
    }
    TypeElement typeElement = asTypeElement(type);
    boolean embedded =
        Ann.hasJpa(member, "Embedded")
            || Ann.hasJpa(member, "EmbeddedId")
            || (typeElement != null && Ann.hasJpa(typeElement, "Embeddable"));
    if (embedded && typeElement != null) {
      List<ColumnModel> columns = new ArrayList<>();
      String key = typeElement.getQualifiedName().toString();
      if (depth < MAX_EMBEDDING_DEPTH && visiting.add(key)) {
        Overrides inner = overrides.nested(name, Overrides.of(member));
        String innerAccess = EntityReader.classAccess(typeElement, access);
        for (Element m : EntityReader.persistentMembers(typeElement, innerAccess)) {
          AttributeModel nested = member(m, innerAccess, owner, inner, visiting, depth + 1);
          if (nested != null) {
            nested.columns().forEach(c -> columns.add(id ? withId(c) : c));
            fks.addAll(nested.foreignKeys());
          }
        }
        visiting.remove(key);
      }
      return new AttributeModel(name, key, id, columns, null, null, null, fks, renamed, renamedAt, source);
    }
    ColumnModel column = basicColumn(member, name, type, overrides.column(name), id, depth > 0);
    return new AttributeModel(name, javaType(type), id, List.of(column), null, null, null, fks, renamed, renamedAt, source);
  }

  /**
   * The columns of an {@code @ElementCollection}'s table: the owner's join columns, the map key or
   * order column, and the element's column(s). A basic element is one column named after the
   * attribute; an embeddable element contributes its columns, primitives nullable as in any
   * embeddable.
   */
  private CollectionModel collectionColumns(
      Element member, String name, TypeMirror type, String access, Ann ct, EntityOwner owner, Overrides overrides, Set<String> visiting, int depth) {
    List<ColumnModel> ownerColumns = new ArrayList<>();
    List<Ann> joinColumns = ct == null ? List.of() : ct.annotations("joinColumns");
    String ownerDefault = owner.entityName() + "_" + entities.idColumn(owner.element());
    if (joinColumns.isEmpty()) {
      ownerColumns.add(fkColumn(null, member, ownerDefault, owner.qualifiedName(), false, false));
    }
    joinColumns.forEach(jc -> ownerColumns.add(fkColumn(jc, member, ownerDefault, owner.qualifiedName(), false, false)));

    List<? extends TypeMirror> args = type.getKind() == TypeKind.DECLARED ? ((DeclaredType) type).getTypeArguments() : List.of();
    ColumnModel key = null;
    if (args.size() == 2) {
      String keyName = Ann.jpa(member, "MapKeyColumn").map(k -> k.string("name")).filter(s -> !s.isBlank()).orElse(name + "_KEY");
      key = fkColumn(null, member, keyName, javaType(args.get(0)), false, false);
      String keyTemporal = Ann.jpa(member, "MapKeyTemporal").map(t -> t.enumName("value", "TIMESTAMP")).orElse(null);
      if (keyTemporal != null) {
        key = new ColumnModel(key.name(), key.table(), key.javaType(), key.nullable(), key.length(), key.precision(),
            key.scale(), key.unique(), key.columnDefinition(), key.enumKind(), key.lob(), key.id(), key.generation(),
            key.defaultValue(), false, keyTemporal, -1, key.source());
      }
    }
    ColumnModel order = Ann.jpa(member, "OrderColumn")
        .map(o -> fkColumn(null, member, o.string("name").isBlank() ? name + "_ORDER" : o.string("name"), "java.lang.Integer", false, false))
        .orElse(null);

    List<ColumnModel> elements = new ArrayList<>();
    TypeMirror elementType = args.isEmpty() ? null : args.get(args.size() - 1);
    TypeElement element = elementType == null ? null : asTypeElement(elementType);
    if (element != null && Ann.hasJpa(element, "Embeddable")) {
      String embeddable = element.getQualifiedName().toString();
      if (depth < MAX_EMBEDDING_DEPTH && visiting.add(embeddable)) {
        Overrides inner = overrides.nested(name, Overrides.of(member));
        String innerAccess = EntityReader.classAccess(element, access);
        for (Element m : EntityReader.persistentMembers(element, innerAccess)) {
          AttributeModel nested = member(m, innerAccess, owner, inner, visiting, depth + 1);
          if (nested != null) {
            elements.addAll(nested.columns());
          }
        }
        visiting.remove(embeddable);
      }
    } else if (elementType != null) {
      elements.add(basicColumn(member, name, elementType, overrides.column(name), false, true));
    }
    return new CollectionModel(ownerColumns, key, order, elements);
  }

  /**
   * A basic attribute's column. Primitives are NOT NULL, except inside an embeddable (Hibernate
   * cannot tell an absent embeddable from one holding zero, so it leaves them nullable).
   */
  private ColumnModel basicColumn(Element member, String name, TypeMirror type, Ann override, boolean id, boolean embedded) {
    Optional<Ann> col = override != null ? Optional.of(override) : Ann.jpa(member, "Column");
    String written = col.map(c -> c.string("name")).orElse("");
    Source source = col.map(c -> override != null ? Source.of(member) : c.source(member, "name")).orElse(Source.of(member));
    boolean optional = Ann.jpa(member, "Basic").map(b -> b.bool("optional", true)).orElse(true);
    boolean nullable = !id && optional && (embedded || !type.getKind().isPrimitive())
        && col.map(c -> c.bool("nullable", true)).orElse(true);
    String definition = col.map(c -> c.string("columnDefinition")).filter(s -> !s.isBlank()).orElse(null);
    TypeElement te = asTypeElement(type);
    String enumKind = te != null && te.getKind() == ElementKind.ENUM
        ? Ann.jpa(member, "Enumerated").map(e -> e.enumName("value", "ORDINAL")).orElse("ORDINAL")
        : null;
    return new ColumnModel(
        naming.apply(DbName.parse(written.isBlank() ? name : written)),
        col.map(c -> c.string("table")).filter(s -> !s.isBlank()).map(s -> naming.apply(DbName.parse(s))).orElse(null),
        javaType(type),
        nullable,
        col.map(c -> c.integer("length", 255)).orElse(255),
        col.map(c -> c.integer("precision", 0)).orElse(0),
        col.map(c -> c.integer("scale", 0)).orElse(0),
        col.map(c -> c.bool("unique", false)).orElse(false),
        definition,
        enumKind,
        Ann.hasJpa(member, "Lob"),
        id,
        generation(member),
        defaultValue(member, col.orElse(null), definition),
        Ann.hasJpa(member, "Version"),
        Ann.jpa(member, "Temporal").map(t -> t.enumName("value", "TIMESTAMP")).orElse(null),
        col.map(c -> c.integer("secondPrecision", -1)).orElse(-1),
        source);
  }

  private AttributeModel relation(
      Element member, String name, TypeMirror type, String kind, Ann rel, EntityOwner owner,
      Overrides overrides, boolean id, List<ForeignKeyText> fks, List<String> renamed, Source renamedAt) {
    boolean toMany = kind.endsWith("ToMany");
    TypeElement target = Ann.exact(member, HIBERNATE_TARGET).flatMap(t -> t.type("value"))
        .or(() -> rel.type("targetEntity"))
        .orElseGet(() -> toMany ? elementType(type) : asTypeElement(type));
    boolean targetIsEntity = target != null && EntityReader.isEntity(target);
    String mappedBy = rel.string("mappedBy");
    boolean owning = mappedBy.isBlank();
    Source source = Source.of(member, rel.mirror());
    List<Ann> joinColumns = overrides.joinColumns(name);
    if (joinColumns.isEmpty()) {
      joinColumns = Ann.repeated(member, "JoinColumn", "JoinColumns");
    }
    Optional<Ann> jt = Ann.jpa(member, "JoinTable");
    boolean usesJoinTable = owning && (jt.isPresent() || kind.equals("ManyToMany") || kind.equals("OneToMany") && joinColumns.isEmpty());

    TableModel joinTable = null;
    List<ColumnModel> joinTableColumns = new ArrayList<>();
    if (usesJoinTable && (targetIsEntity || jt.map(j -> !j.string("name").isBlank()).orElse(false))) {
      String tableName = jt.map(j -> j.string("name")).filter(s -> !s.isBlank())
          .orElseGet(() -> defaultJoinTable(owner.table().name(), entities.primaryTable(target).name()));
      Source ts = jt.map(j -> j.source(member, "name")).orElse(source);
      joinTable = entities.table(jt.orElse(null), member, tableName, TableKind.JOIN, owner.qualifiedName(), owner.migrationManaged(), ts);
      joinTableColumns.addAll(joinTableColumns(member, jt.orElse(null), owner, target, name));
    }
    List<ColumnModel> columns = new ArrayList<>();
    boolean foreignKeyHere = owning && !toMany && joinTable == null && !Ann.hasJpa(member, "PrimaryKeyJoinColumn");
    if (foreignKeyHere && target != null) {
      boolean optional = rel.bool("optional", true) && !id;
      if (joinColumns.isEmpty()) {
        columns.add(joinColumn(null, member, name, target, owner, optional, id));
      }
      for (Ann jc : joinColumns) {
        columns.add(joinColumn(jc, member, name, target, owner, optional, id));
      }
    }
    RelationModel relation = new RelationModel(
        kind,
        target == null ? null : target.getQualifiedName().toString(),
        targetIsEntity,
        target != null && EntityReader.migrationManaged(target),
        owning,
        owning ? null : mappedBy,
        joinTable,
        joinTableColumns,
        jt.map(j -> j.annotations("joinColumns").size()).filter(n -> n > 0).orElse(1),
        entities.foreignKey(joinForeignKey(member)),
        source);
    return new AttributeModel(name, javaType(type), id, columns, relation, null, null, fks, renamed, renamedAt, source);
  }

  /** The foreign key of the join columns: {@code @JoinColumns(foreignKey)}, else {@code @JoinColumn(foreignKey)}. */
  private static Optional<Ann> joinForeignKey(Element member) {
    Optional<Ann> plural = Ann.jpa(member, "JoinColumns").flatMap(j -> j.annotation("foreignKey"));
    return plural.isPresent() ? plural : Ann.jpa(member, "JoinColumn").flatMap(j -> j.annotation("foreignKey"));
  }

  /** JPA's default, before physical naming: the owner's table name, "_", the target's table name. */
  private static String defaultJoinTable(DbName ownerTable, DbName targetTable) {
    String text = ownerTable.text() + "_" + targetTable.text();
    return ownerTable.quoted() || targetTable.quoted() ? "`" + text + "`" : text;
  }

  /**
   * The join table's columns: the owner side defaults to {@code <OwnerEntity>_<owner pk>}, the
   * target side to {@code <attribute>_<target pk>}, unless {@code @JoinTable} names them.
   */
  private List<ColumnModel> joinTableColumns(Element member, Ann jt, EntityOwner owner, TypeElement target, String name) {
    List<ColumnModel> out = new ArrayList<>();
    List<Ann> ownerSide = jt == null ? List.of() : jt.annotations("joinColumns");
    String ownerDefault = owner.entityName() + "_" + entities.idColumn(owner.element());
    if (ownerSide.isEmpty()) {
      out.add(fkColumn(null, member, ownerDefault, owner.qualifiedName(), false, false));
    }
    ownerSide.forEach(jc -> out.add(fkColumn(jc, member, ownerDefault, owner.qualifiedName(), false, false)));
    if (target != null && EntityReader.isEntity(target)) {
      List<Ann> targetSide = jt == null ? List.of() : jt.annotations("inverseJoinColumns");
      String targetDefault = name + "_" + entities.idColumn(target);
      String targetType = target.getQualifiedName().toString();
      if (targetSide.isEmpty()) {
        out.add(fkColumn(null, member, targetDefault, targetType, false, false));
      }
      targetSide.forEach(jc -> out.add(fkColumn(jc, member, targetDefault, targetType, false, false)));
    }
    return out;
  }

  /** A foreign-key column in the owner's table; default name {@code <attribute>_<target pk>}. */
  private ColumnModel joinColumn(Ann jc, Element member, String name, TypeElement target, EntityOwner owner, boolean optional, boolean id) {
    String dflt = name + "_" + entities.idColumn(target);
    return fkColumn(jc, member, dflt, target.getQualifiedName().toString(), optional, id);
  }

  private ColumnModel fkColumn(Ann jc, Element member, String defaultName, String targetType, boolean optional, boolean id) {
    String written = jc == null ? "" : jc.string("name");
    boolean nullable = optional && (jc == null || jc.bool("nullable", true));
    String definition = jc == null ? null : Optional.of(jc.string("columnDefinition")).filter(s -> !s.isBlank()).orElse(null);
    return new ColumnModel(
        naming.apply(DbName.parse(written.isBlank() ? defaultName : written)),
        jc == null || jc.string("table").isBlank() ? null : naming.apply(DbName.parse(jc.string("table"))),
        targetType,
        nullable,
        255,
        0,
        0,
        jc != null && jc.bool("unique", false),
        definition,
        null,
        false,
        id,
        null,
        null,
        false,
        null,
        -1,
        jc == null ? Source.of(member) : jc.source(member, "name"));
  }

  private static ColumnModel withId(ColumnModel c) {
    return new ColumnModel(c.name(), c.table(), c.javaType(), false, c.length(), c.precision(), c.scale(), c.unique(),
        c.columnDefinition(), c.enumKind(), c.lob(), true, c.generation(), c.defaultValue(), c.version(), c.temporal(),
        c.secondPrecision(), c.source());
  }

  private static Generation generation(Element member) {
    Optional<Ann> gv = Ann.jpa(member, "GeneratedValue");
    if (gv.isEmpty()) {
      return null;
    }
    String generator = gv.get().string("generator");
    String sequence = null;
    int allocation = 50;
    int initial = 1;
    List<Ann> generators = new ArrayList<>(Ann.repeated(member, "SequenceGenerator", "SequenceGenerators"));
    generators.addAll(Ann.repeated(member.getEnclosingElement(), "SequenceGenerator", "SequenceGenerators"));
    for (Ann sg : generators) {
      if (sg.string("name").equals(generator) || generator.isBlank()) {
        sequence = sg.string("sequenceName").isBlank() ? sg.string("name") : sg.string("sequenceName");
        allocation = sg.integer("allocationSize", 50);
        initial = sg.integer("initialValue", 1);
        break;
      }
    }
    return new Generation(gv.get().enumName("strategy", "AUTO"), generator.isBlank() ? null : generator, sequence, allocation, initial);
  }

  private static DefaultValue defaultValue(Element member, Ann column, String definition) {
    Optional<Ann> hibernate = Ann.exact(member, COLUMN_DEFAULT);
    if (hibernate.isPresent()) {
      return new DefaultValue(hibernate.get().string("value"), hibernate.get().source(member, "value"));
    }
    String fromDefinition = definition == null ? null : SqlText.defaultValue(definition);
    return fromDefinition == null ? null : new DefaultValue(fromDefinition, column.source(member, "columnDefinition"));
  }

  /** Every foreign key written as text on the member. */
  private static List<ForeignKeyText> foreignKeyTexts(Element member) {
    List<ForeignKeyText> out = new ArrayList<>();
    Ann.exact(member, REFERENCES).ifPresent(r -> {
      String value = r.string("value");
      SqlText.Target t = SqlText.reference(value);
      out.add(new ForeignKeyText(ForeignKeyText.Origin.REFERENCES, value,
          t == null ? null : t.schema(), t == null ? null : t.table(), t == null ? null : t.column(), r.source(member, "value")));
    });
    Ann.jpa(member, "Column").ifPresent(c -> addSql(out, ForeignKeyText.Origin.COLUMN_DEFINITION, c, "columnDefinition", member));
    List<Ann> joinColumns = new ArrayList<>(Ann.repeated(member, "JoinColumn", "JoinColumns"));
    Ann.jpa(member, "JoinTable").ifPresent(jt -> {
      joinColumns.addAll(jt.annotations("joinColumns"));
      joinColumns.addAll(jt.annotations("inverseJoinColumns"));
      jt.annotation("foreignKey").ifPresent(fk -> addSql(out, ForeignKeyText.Origin.FOREIGN_KEY_DEFINITION, fk, "foreignKeyDefinition", member));
      jt.annotation("inverseForeignKey").ifPresent(fk -> addSql(out, ForeignKeyText.Origin.FOREIGN_KEY_DEFINITION, fk, "foreignKeyDefinition", member));
    });
    for (Ann jc : joinColumns) {
      addSql(out, ForeignKeyText.Origin.COLUMN_DEFINITION, jc, "columnDefinition", member);
      jc.annotation("foreignKey").ifPresent(fk -> addSql(out, ForeignKeyText.Origin.FOREIGN_KEY_DEFINITION, fk, "foreignKeyDefinition", member));
    }
    return out;
  }

  private static void addSql(List<ForeignKeyText> out, ForeignKeyText.Origin origin, Ann ann, String attribute, Element member) {
    String sql = ann.string(attribute);
    for (SqlText.Target t : SqlText.references(sql)) {
      out.add(new ForeignKeyText(origin, sql, t.schema(), t.table(), t.column(), ann.source(member, attribute)));
    }
  }

  private String javaType(TypeMirror type) {
    if (type.getKind().isPrimitive()) {
      return types.boxedClass((PrimitiveType) type).getQualifiedName().toString();
    }
    if (type.getKind() == TypeKind.DECLARED) {
      return ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString();
    }
    if (type instanceof ArrayType a) {
      return javaType(a.getComponentType()) + "[]";
    }
    return types.erasure(type).toString();
  }

  private static TypeElement asTypeElement(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED ? (TypeElement) ((DeclaredType) type).asElement() : null;
  }

  /** The element type of a collection (the value type of a map), null when not a declared class. */
  private static TypeElement elementType(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    List<? extends TypeMirror> args = ((DeclaredType) type).getTypeArguments();
    return args.isEmpty() ? null : asTypeElement(args.get(args.size() - 1));
  }
}
