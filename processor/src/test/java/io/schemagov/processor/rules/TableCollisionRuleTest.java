package io.schemagov.processor.rules;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.schemagov.processor.Compile.jpa;
import static io.schemagov.processor.Compile.snakeCase;
import static io.schemagov.processor.Compile.source;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

class TableCollisionRuleTest {
  private static final JavaFileObject EVIDENCE = source("evidence.ProductionSet",
      "package evidence;",
      "import jakarta.persistence.*;",
      "@Entity",
      "@Table(name = \"production_set\")",
      "public class ProductionSet {",
      "  @Id Long id;",
      "}");
  private static final JavaFileObject EDISCOVERY = source("ediscovery.ProductionSet",
      "package ediscovery;",
      "import jakarta.persistence.*;",
      "@Entity(name = \"EdiscoveryProductionSet\")",
      "@Table(name = \"production_set\")",
      "public class ProductionSet {",
      "  @Id Long id;",
      "}");

  private static String entities(String... classes) {
    return Messages.tableCollision(classes[0], List.of(classes).subList(1, classes.length).stream()
        .map(c -> c.contains("(") ? c : c + " (entity table)").toList());
  }

  private static JavaFileObject entity(String name, String... annotations) {
    String pkg = name.substring(0, name.lastIndexOf('.'));
    String simple = name.substring(name.lastIndexOf('.') + 1);
    String[] lines = new String[annotations.length + 6];
    lines[0] = "package " + pkg + ";";
    lines[1] = "import jakarta.persistence.*;";
    System.arraycopy(annotations, 0, lines, 2, annotations.length);
    lines[annotations.length + 2] = "public class " + simple + " {";
    lines[annotations.length + 3] = "  @Id Long id;";
    lines[annotations.length + 4] = "  String name;";
    lines[annotations.length + 5] = "}";
    return source(name, lines);
  }

  @Test
  void seedCollisionFailsNamingBothClasses() {
    Compilation c = jpa(EVIDENCE, EDISCOVERY);
    String message = entities("production_set", "ediscovery.ProductionSet", "evidence.ProductionSet");
    assertThat(c).hadErrorContaining(message).inFile(EVIDENCE).onLine(4);
    assertThat(c).hadErrorContaining(message).inFile(EDISCOVERY).onLine(4);
    assertThat(c).hadErrorCount(2);
  }

  @Test
  void javaxEntitiesCollideToo() {
    JavaFileObject a = source("a.Order", "package a;", "import javax.persistence.*;",
        "@Entity @Table(name = \"orders\")", "public class Order { @Id Long id; }");
    JavaFileObject b = source("b.Order", "package b;", "import javax.persistence.*;",
        "@Entity(name = \"BOrder\") @Table(name = \"ORDERS\")", "public class Order { @Id Long id; }");
    Compilation c = jpa(a, b);
    assertThat(c).hadErrorContaining(Messages.prefix("table-collision") + "table orders is mapped by a.Order (entity table) and b.Order")
        .inFile(b).onLine(3);
  }

  @Test
  void distinctNamesAreSilent() {
    Compilation c = jpa(EVIDENCE, entity("ediscovery.ProductionSet", "@Entity(name = \"E\")", "@Table(name = \"ediscovery_production_set\")"));
    assertThat(c).succeededWithoutWarnings();
  }

  @Test
  void defaultTableNameIsTheEntityName() {
    JavaFileObject a = entity("a.Customer", "@Entity");
    JavaFileObject b = entity("b.Client", "@Entity(name = \"Customer\")");
    Compilation c = jpa(a, b);
    assertThat(c).hadErrorContaining(entities("Customer", "a.Customer", "b.Client")).inFile(a).onLine(3);
    assertThat(c).hadErrorContaining(entities("Customer", "a.Customer", "b.Client")).inFile(b).onLine(3);
  }

  @Test
  void snakeCaseNamingMakesCamelCaseEntityCollideWithSnakeTable() {
    JavaFileObject a = entity("a.ProductionSet", "@Entity");
    JavaFileObject b = entity("b.Other", "@Entity", "@Table(name = \"production_set\")");
    assertThat(jpa(a, b)).succeededWithoutWarnings();
    Compilation c = snakeCase(a, b);
    assertThat(c).hadErrorContaining(entities("production_set", "a.ProductionSet", "b.Other")).inFile(a).onLine(3);
    assertThat(c).hadErrorContaining(entities("production_set", "a.ProductionSet", "b.Other")).inFile(b).onLine(4);
  }

  @Test
  void unquotedNamesCompareCaseInsensitively() {
    Compilation c = jpa(entity("a.A", "@Entity", "@Table(name = \"Orders\")"), entity("b.B", "@Entity", "@Table(name = \"orders\")"));
    assertThat(c).hadErrorContaining(entities("Orders", "a.A", "b.B"));
  }

  @Test
  void quotedNamesCompareCaseSensitively() {
    assertThat(jpa(entity("a.A", "@Entity", "@Table(name = \"\\\"Orders\\\"\")"), entity("b.B", "@Entity", "@Table(name = \"orders\")")))
        .succeededWithoutWarnings();
    assertThat(jpa(entity("a.A", "@Entity", "@Table(name = \"`Orders`\")"), entity("b.B", "@Entity", "@Table(name = \"\\\"Orders\\\"\")")))
        .hadErrorContaining(entities("\"Orders\"", "a.A", "b.B"));
  }

  @Test
  void differentSchemasAreSilentSameSchemaCollides() {
    assertThat(jpa(entity("a.A", "@Entity", "@Table(name = \"t\", schema = \"one\")"), entity("b.B", "@Entity", "@Table(name = \"t\", schema = \"two\")")))
        .succeededWithoutWarnings();
    assertThat(jpa(entity("a.A", "@Entity", "@Table(name = \"t\", schema = \"one\")"), entity("b.B", "@Entity", "@Table(name = \"t\", schema = \"ONE\")")))
        .hadErrorContaining(entities("one.t", "a.A", "b.B"));
  }

  @Test
  void sharedTableOnEveryEntityIsSilent() {
    assertThat(jpa(entity("a.A", "@Entity", "@io.schemagov.SharedTable", "@Table(name = \"audit\")"),
        entity("b.B", "@Entity", "@io.schemagov.SharedTable", "@Table(name = \"audit\")")))
        .succeededWithoutWarnings();
  }

  @Test
  void sharedTableOnOneSideIsNotEnough() {
    JavaFileObject b = entity("b.B", "@Entity", "@Table(name = \"audit\")");
    Compilation c = jpa(entity("a.A", "@Entity", "@io.schemagov.SharedTable", "@Table(name = \"audit\")"), b);
    assertThat(c).hadErrorContaining(entities("audit", "a.A", "b.B")).inFile(b).onLine(4);
    assertThat(c).hadErrorContaining("@io.schemagov.SharedTable");
  }

  @Test
  void singleTableSubclassesShareTheRootTable() {
    JavaFileObject root = source("a.Animal", "package a;", "import jakarta.persistence.*;",
        "@Entity @Table(name = \"animal\") @Inheritance(strategy = InheritanceType.SINGLE_TABLE)",
        "public class Animal { @Id Long id; }");
    JavaFileObject dog = source("a.Dog", "package a;", "import jakarta.persistence.*;",
        "@Entity public class Dog extends Animal { String bark; }");
    JavaFileObject cat = source("a.Cat", "package a;", "import jakarta.persistence.*;",
        "@Entity public class Cat extends Animal { String meow; }");
    assertThat(jpa(root, dog, cat)).succeededWithoutWarnings();
  }

  @Test
  void joinedSubclassOwnsItsTable() {
    JavaFileObject root = source("a.Animal", "package a;", "import jakarta.persistence.*;",
        "@Entity @Inheritance(strategy = InheritanceType.JOINED)",
        "public class Animal { @Id Long id; }");
    JavaFileObject dog = source("a.Dog", "package a;", "import jakarta.persistence.*;",
        "@Entity public class Dog extends Animal { String bark; }");
    assertThat(jpa(root, dog)).succeededWithoutWarnings();
    JavaFileObject clash = source("a.Dog", "package a;", "import jakarta.persistence.*;",
        "@Entity @Table(name = \"Animal\") public class Dog extends Animal { String bark; }");
    assertThat(jpa(root, clash)).hadErrorContaining(entities("Animal", "a.Animal", "a.Dog")).inFile(clash).onLine(3);
  }

  @Test
  void tablePerClassSubclassOwnsItsTable() {
    JavaFileObject root = source("a.Animal", "package a;", "import jakarta.persistence.*;",
        "@Entity @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)",
        "public abstract class Animal { @Id Long id; }");
    JavaFileObject dog = source("a.Dog", "package a;", "import jakarta.persistence.*;",
        "@Entity public class Dog extends Animal { String bark; }");
    JavaFileObject other = entity("b.Dog", "@Entity(name = \"Dog2\")", "@Table(name = \"dog\")");
    assertThat(jpa(root, dog)).succeededWithoutWarnings();
    assertThat(jpa(root, dog, other)).hadErrorContaining(entities("Dog", "a.Dog", "b.Dog")).inFile(dog).onLine(3);
  }

  @Test
  void mappedSuperclassAndEmbeddableMapNoTable() {
    JavaFileObject base = source("a.Base", "package a;", "import jakarta.persistence.*;",
        "@MappedSuperclass public abstract class Base { @Id Long id; @Embedded Address address; }");
    JavaFileObject address = source("a.Address", "package a;", "import jakarta.persistence.*;",
        "@Embeddable public class Address { String street; }");
    JavaFileObject one = source("a.One", "package a;", "import jakarta.persistence.*;", "@Entity public class One extends Base {}");
    JavaFileObject two = source("a.Two", "package a;", "import jakarta.persistence.*;", "@Entity public class Two extends Base {}");
    assertThat(jpa(base, address, one, two)).succeededWithoutWarnings();
  }

  @Test
  void defaultJoinTableCollidesWithEntityTable() {
    JavaFileObject order = source("a.Purchase", "package a;", "import jakarta.persistence.*;", "import java.util.*;",
        "@Entity public class Purchase {",
        "  @Id Long id;",
        "  @ManyToMany List<Item> items;",
        "}");
    JavaFileObject item = entity("a.Item", "@Entity");
    JavaFileObject link = entity("a.PurchaseItem", "@Entity", "@Table(name = \"Purchase_Item\")");
    Compilation c = jpa(order, item, link);
    String message = Messages.tableCollision("Purchase_Item", List.of("a.Purchase (join table)", "a.PurchaseItem (entity table)"));
    assertThat(c).hadErrorContaining(message).inFile(order).onLine(6);
    assertThat(c).hadErrorContaining(message).inFile(link).onLine(4);
    assertThat(jpa(order, item)).succeededWithoutWarnings();
  }

  @Test
  void explicitJoinTableCollidesWithEntityTable() {
    JavaFileObject order = source("a.Purchase", "package a;", "import jakarta.persistence.*;", "import java.util.*;",
        "@Entity public class Purchase {",
        "  @Id Long id;",
        "  @ManyToMany",
        "  @JoinTable(name = \"item\")",
        "  List<Item> items;",
        "}");
    Compilation c = jpa(order, entity("a.Item", "@Entity"));
    assertThat(c).hadErrorContaining(Messages.tableCollision("item", List.of("a.Item (entity table)", "a.Purchase (join table)")))
        .inFile(order).onLine(7);
  }

  @Test
  void collectionTableCollidesWithEntityTable() {
    JavaFileObject person = source("a.Person", "package a;", "import jakarta.persistence.*;", "import java.util.*;",
        "@Entity public class Person {",
        "  @Id Long id;",
        "  @ElementCollection Set<String> nicknames;",
        "}");
    JavaFileObject clash = entity("a.Nick", "@Entity", "@Table(name = \"Person_nicknames\")");
    assertThat(jpa(person, clash)).hadErrorContaining(
        Messages.tableCollision("Person_nicknames", List.of("a.Nick (entity table)", "a.Person (collection table)")))
        .inFile(person).onLine(6);
    assertThat(jpa(person)).succeededWithoutWarnings();
  }

  @Test
  void secondaryTableCollidesWithEntityTable() {
    JavaFileObject person = entity("a.Person", "@Entity", "@SecondaryTable(name = \"person_detail\")");
    JavaFileObject clash = entity("a.Detail", "@Entity", "@Table(name = \"person_detail\")");
    assertThat(jpa(person, clash)).hadErrorContaining(
        Messages.tableCollision("person_detail", List.of("a.Detail (entity table)", "a.Person (secondary table)")))
        .inFile(person).onLine(4);
  }
}
