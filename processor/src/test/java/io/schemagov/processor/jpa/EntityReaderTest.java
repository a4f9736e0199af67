package io.schemagov.processor.jpa;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.JavaFileObjects;
import io.schemagov.processor.TestProcessors;
import io.schemagov.processor.TestProcessors.Capturing;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The entity model read from real javac elements. */
class EntityReaderTest {
  /** Reads every entity of the compilation with the given naming, keyed by simple name. */
  private static Map<String, EntityModel> read(NamingStrategy naming, String... lines) {
    Map<String, EntityModel> models = new HashMap<>();
    Capturing.capture((env, round) -> TestProcessors.readEntities(env, round, naming),
            JavaFileObjects.forSourceLines("m.Model", lines))
        .forEach(model -> models.put(model.element().getSimpleName().toString(), model));
    return models;
  }

  private static final String[] MODEL = {
    "package m;",
    "import javax.persistence.*;",
    "import java.util.*;",
    "class Model {}",
    "@Embeddable class Money { java.math.BigDecimal amount; String currencyCode; }",
    "enum Status { OPEN, CLOSED }",
    "@Entity @Table(name = \"customer\", schema = \"sales\") class Customer {",
    "  @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = \"cust\")",
    "  @SequenceGenerator(name = \"cust\", sequenceName = \"customer_seq\", allocationSize = 10)",
    "  @Column(name = \"customer_id\") long id;",
    "}",
    "@Entity @SecondaryTable(name = \"order_detail\") class PurchaseOrder {",
    "  @Id Long id;",
    "  @ManyToOne(optional = false) Customer customer;",
    "  @ManyToMany Set<Customer> watchers;",
    "  @ElementCollection List<String> notes;",
    "  @Enumerated(EnumType.STRING) Status status;",
    "  @Lob @Column(table = \"order_detail\") String remarks;",
    "  @Embedded @AttributeOverride(name = \"amount\", column = @Column(name = \"total_amount\", precision = 12, scale = 2)) Money total;",
    "  transient String cache;",
    "  @Transient String computed;",
    "}",
    "@Entity class Invoice {",
    "  private Long key;",
    "  @Id public Long getKey() { return key; }",
    "  public String getNumberText() { return null; }",
    "  @Transient public String getIgnored() { return null; }",
    "}",
  };

  @Test
  void readsTablesColumnsAndRelations() {
    Map<String, EntityModel> models = read(NamingStrategy.JPA, MODEL);
    EntityModel customer = models.get("Customer");
    assertThat(customer.table().displayName()).isEqualTo("sales.customer");
    ColumnModel id = customer.attributes().get(0).columns().get(0);
    assertThat(id.name().text()).isEqualTo("customer_id");
    assertThat(id.javaType()).isEqualTo("java.lang.Long");
    assertThat(id.nullable()).isFalse();
    assertThat(id.generation()).isEqualTo(new Generation("SEQUENCE", "cust", "customer_seq", 10, 1));

    EntityModel order = models.get("PurchaseOrder");
    Map<String, AttributeModel> attrs = new HashMap<>();
    order.attributes().forEach(a -> attrs.put(a.name(), a));
    assertThat(attrs.keySet()).containsExactly("id", "customer", "watchers", "notes", "status", "remarks", "total");
    ColumnModel fk = attrs.get("customer").columns().get(0);
    assertThat(fk.name().text()).isEqualTo("customer_customer_id");
    assertThat(fk.nullable()).isFalse();
    assertThat(attrs.get("watchers").relation().joinTable().displayName()).isEqualTo("PurchaseOrder_customer");
    assertThat(attrs.get("watchers").relation().joinTableColumns().stream().map(c -> c.name().text()).toList())
        .containsExactly("PurchaseOrder_id", "watchers_customer_id").inOrder();
    assertThat(attrs.get("notes").collectionTable().displayName()).isEqualTo("PurchaseOrder_notes");
    assertThat(attrs.get("status").columns().get(0).enumKind()).isEqualTo("STRING");
    ColumnModel remarks = attrs.get("remarks").columns().get(0);
    assertThat(remarks.lob()).isTrue();
    assertThat(remarks.table().text()).isEqualTo("order_detail");
    assertThat(attrs.get("total").columns().stream().map(c -> c.name().text() + ":" + c.precision()).toList())
        .containsExactly("total_amount:12", "currencyCode:0");
    assertThat(order.ownedTables().stream().map(t -> t.kind() + " " + t.displayName()).toList()).containsExactly(
        "ENTITY PurchaseOrder", "SECONDARY order_detail", "JOIN PurchaseOrder_customer", "COLLECTION PurchaseOrder_notes");

    EntityModel invoice = models.get("Invoice");
    assertThat(invoice.access()).isEqualTo("PROPERTY");
    assertThat(invoice.attributes().stream().map(AttributeModel::name).toList()).containsExactly("key", "numberText");
  }

  @Test
  void snakeCaseAppliesToEveryName() {
    Map<String, EntityModel> models = read(NamingStrategy.SNAKE_CASE, MODEL);
    EntityModel order = models.get("PurchaseOrder");
    assertThat(order.ownedTables().stream().map(TableModel::displayName).toList())
        .containsExactly("purchase_order", "order_detail", "purchase_order_customer", "purchase_order_notes");
    assertThat(order.attributes().stream().filter(a -> a.name().equals("total")).findFirst().orElseThrow()
            .columns().get(1).name().text()).isEqualTo("currency_code");
  }

  /** The facts the entity schema needs are read once, into the model, for jakarta and javax alike. */
  @Test
  void readsTableDefinitionsKeysAndColumnFactsForJakartaAndJavax() {
    for (String api : new String[] {"jakarta", "javax"}) {
      Map<String, EntityModel> m = read(NamingStrategy.SNAKE_CASE,
          "package m;",
          "import " + api + ".persistence.*;",
          "import java.util.*;",
          "@Entity @Inheritance(strategy = InheritanceType.JOINED)",
          "@DiscriminatorColumn(name = \"kind\", discriminatorType = DiscriminatorType.CHAR)",
          "@Table(name = \"party\", uniqueConstraints = @UniqueConstraint(name = \"uk_code\", columnNames = \"partyCode\"),",
          "  indexes = @Index(columnList = \"partyCode DESC, createdOn\", unique = true))",
          "@SecondaryTable(name = \"party_detail\", pkJoinColumns = @PrimaryKeyJoinColumn(name = \"partyId\"),",
          "  foreignKey = @ForeignKey(name = \"fkDetail\"))",
          "class Party {",
          "  @Id Long id; String partyCode; @Temporal(TemporalType.DATE) Date createdOn; @Version int version;",
          "  @ManyToMany @JoinTable(name = \"party_tag\", joinColumns = {@JoinColumn(name = \"a\"), @JoinColumn(name = \"b\")},",
          "    foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT), inverseForeignKey = @ForeignKey(name = \"fkTag\"))",
          "  Set<Tag> tags;",
          "  @ManyToOne @JoinColumn(foreignKey = @ForeignKey(name = \"fkParent\")) Party parent;",
          "  @ElementCollection @CollectionTable(name = \"party_alias\", foreignKey = @ForeignKey(name = \"fkAlias\"))",
          "  Set<String> aliases;",
          "}",
          "@Entity @PrimaryKeyJoinColumn(name = \"personId\", foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT))",
          "class Person extends Party {}",
          "@Entity class Tag { @Id Long id; }");
      EntityModel party = m.get("Party");
      TableDefinition table = party.table().definition();
      assertThat(table.uniqueConstraints()).containsExactly(
          new UniqueConstraintModel(DbName.parse("uk_code"), java.util.List.of(DbName.parse("party_code"))));
      assertThat(table.indexes()).containsExactly(
          new IndexModel(null, java.util.List.of(DbName.parse("party_code"), DbName.parse("created_on")), true));
      assertThat(party.discriminator().name()).isEqualTo(DbName.parse("kind"));
      assertThat(party.discriminator().type()).isEqualTo("CHAR");
      assertThat(party.discriminator().declared()).isTrue();
      TableDefinition detail = party.secondaryTables().get(0).definition();
      assertThat(detail.keyJoinColumns()).containsExactly(DbName.parse("party_id"));
      assertThat(detail.foreignKey()).isEqualTo(new ForeignKeyModel(DbName.parse("fk_detail"), false));

      AttributeModel createdOn = attribute(party, "createdOn");
      assertThat(createdOn.columns().get(0).temporal()).isEqualTo("DATE");
      assertThat(createdOn.columns().get(0).version()).isFalse();
      assertThat(attribute(party, "version").columns().get(0).version()).isTrue();
      assertThat(attribute(party, "partyCode").columns().get(0).secondPrecision()).isEqualTo(-1);

      RelationModel tags = attribute(party, "tags").relation();
      assertThat(tags.joinTableOwnerColumns()).isEqualTo(2);
      assertThat(tags.joinTable().definition().foreignKey()).isEqualTo(new ForeignKeyModel(null, true));
      assertThat(tags.joinTable().definition().inverseForeignKey()).isEqualTo(new ForeignKeyModel(DbName.parse("fk_tag"), false));
      assertThat(attribute(party, "parent").relation().foreignKey()).isEqualTo(new ForeignKeyModel(DbName.parse("fk_parent"), false));
      assertThat(attribute(party, "aliases").collectionTable().definition().foreignKey())
          .isEqualTo(new ForeignKeyModel(DbName.parse("fk_alias"), false));

      EntityModel person = m.get("Person");
      assertThat(person.discriminator()).isNull();
      assertThat(person.keyJoin().columns()).containsExactly(DbName.parse("person_id"));
      assertThat(person.keyJoin().foreignKey()).isEqualTo(new ForeignKeyModel(null, true));
      assertThat(m.get("Tag").discriminator().declared()).isFalse();
      assertThat(m.get("Tag").discriminator().name()).isEqualTo(DbName.parse("dtype"));
    }
  }

  private static AttributeModel attribute(EntityModel e, String name) {
    return e.attributes().stream().filter(a -> a.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no attribute " + name));
  }
}
