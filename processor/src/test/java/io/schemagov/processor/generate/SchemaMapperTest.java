package io.schemagov.processor.generate;

import static com.google.common.truth.Truth.assertThat;
import static io.schemagov.processor.generate.Mapping.assertNoProblems;
import static io.schemagov.processor.generate.Mapping.definition;
import static io.schemagov.processor.generate.Mapping.table;

import com.google.testing.compile.JavaFileObjects;
import io.schemagov.processor.jpa.NamingStrategy;
import io.schemagov.schema.ForeignKey;
import io.schemagov.schema.Index;
import io.schemagov.schema.PrimaryKey;
import io.schemagov.schema.Sequence;
import io.schemagov.schema.Table;
import io.schemagov.schema.TableName;
import io.schemagov.schema.Unique;
import io.schemagov.revision.Renames;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The entity schema of tiny entity sources, checked against docs/hibernate-ddl.md. */
class SchemaMapperTest {

  @Test
  void basicTypes() {
    EntitySchema s = Mapping.of(
        "package m;",
        "import jakarta.persistence.*;",
        "import java.math.*; import java.time.*; import java.util.*;",
        "enum Color { RED, GREEN, BLUE }",
        "@Entity class BasicTypes {",
        "  @Id Long id;",
        "  boolean pBoolean; Boolean wBoolean; byte pByte; Short wShort; int pInt; Integer wInteger;",
        "  long pLong; float pFloat; double pDouble; Double wDouble;",
        "  BigDecimal bigDecimalDefault; @Column(precision = 10, scale = 2) BigDecimal bigDecimal10x2;",
        "  @Column(precision = 12) BigDecimal bigDecimal12; BigInteger bigInteger;",
        "  String stringDefault; @Column(length = 100) String string100; char pChar; Character wCharacter;",
        "  byte[] byteArray; char[] charArray; @Lob String lobString; @Lob byte[] lobBytes; UUID uuid;",
        "  LocalDate localDate; LocalTime localTimeVal; LocalDateTime localDateTime; OffsetDateTime offsetDateTime;",
        "  OffsetTime offsetTime; Instant instant; ZonedDateTime zonedDateTime;",
        "  @Temporal(TemporalType.DATE) Date utilDateDate; @Temporal(TemporalType.TIME) Date utilDateTime;",
        "  java.sql.Timestamp sqlTimestamp; Duration duration;",
        "  Color colorImplicit; @Enumerated(EnumType.STRING) Color colorString;",
        "  @Enumerated(EnumType.STRING) @Column(length = 20) Color colorString20;",
        "  @Column(nullable = false) String requiredString; @Column(name = \"explicit_col\") String explicitNamed;",
        "  @Column(secondPrecision = 3) LocalDateTime localDateTimeSp3;",
        "  @Version Long version;",
        "}");
    assertNoProblems(s);
    String t = "BasicTypes";
    assertThat(definition(s, t, "id")).isEqualTo("bigint not null");
    assertThat(definition(s, t, "pBoolean")).isEqualTo("boolean not null");
    assertThat(definition(s, t, "wBoolean")).isEqualTo("boolean");
    assertThat(definition(s, t, "pByte")).isEqualTo("smallint not null");
    assertThat(definition(s, t, "wShort")).isEqualTo("smallint");
    assertThat(definition(s, t, "pInt")).isEqualTo("integer not null");
    assertThat(definition(s, t, "wInteger")).isEqualTo("integer");
    assertThat(definition(s, t, "pLong")).isEqualTo("bigint not null");
    assertThat(definition(s, t, "pFloat")).isEqualTo("real not null");
    assertThat(definition(s, t, "pDouble")).isEqualTo("double not null");
    assertThat(definition(s, t, "wDouble")).isEqualTo("double");
    assertThat(definition(s, t, "bigDecimalDefault")).isEqualTo("decimal(38,2)");
    assertThat(definition(s, t, "bigDecimal10x2")).isEqualTo("decimal(10,2)");
    assertThat(definition(s, t, "bigDecimal12")).isEqualTo("decimal(12,0)");
    assertThat(definition(s, t, "bigInteger")).isEqualTo("decimal(38,0)");
    assertThat(definition(s, t, "stringDefault")).isEqualTo("varchar(255)");
    assertThat(definition(s, t, "string100")).isEqualTo("varchar(100)");
    assertThat(definition(s, t, "pChar")).isEqualTo("char(1) not null");
    assertThat(definition(s, t, "wCharacter")).isEqualTo("char(1)");
    assertThat(definition(s, t, "byteArray")).isEqualTo("varbinary(255)");
    assertThat(definition(s, t, "charArray")).isEqualTo("varchar(255)");
    assertThat(definition(s, t, "lobString")).isEqualTo("clob");
    assertThat(definition(s, t, "lobBytes")).isEqualTo("blob");
    assertThat(definition(s, t, "uuid")).isEqualTo("uuid");
    assertThat(definition(s, t, "localDate")).isEqualTo("date");
    assertThat(definition(s, t, "localTimeVal")).isEqualTo("time(0)");
    assertThat(definition(s, t, "offsetTime")).isEqualTo("time(0)");
    assertThat(definition(s, t, "localDateTime")).isEqualTo("timestamp(6)");
    assertThat(definition(s, t, "sqlTimestamp")).isEqualTo("timestamp(6)");
    assertThat(definition(s, t, "offsetDateTime")).isEqualTo("timestamptz(6)");
    assertThat(definition(s, t, "instant")).isEqualTo("timestamptz(6)");
    assertThat(definition(s, t, "zonedDateTime")).isEqualTo("timestamptz(6)");
    assertThat(definition(s, t, "utilDateDate")).isEqualTo("date");
    assertThat(definition(s, t, "utilDateTime")).isEqualTo("time(0)");
    assertThat(definition(s, t, "duration")).isEqualTo("decimal(21,0)");
    assertThat(definition(s, t, "colorImplicit")).isEqualTo("smallint");
    assertThat(definition(s, t, "colorString")).isEqualTo("varchar(255)");
    assertThat(definition(s, t, "colorString20")).isEqualTo("varchar(20)");
    assertThat(definition(s, t, "requiredString")).isEqualTo("varchar(255) not null");
    assertThat(definition(s, t, "explicit_col")).isEqualTo("varchar(255)");
    assertThat(definition(s, t, "localDateTimeSp3")).isEqualTo("timestamp(3)");
    assertThat(definition(s, t, "version")).isEqualTo("bigint not null");
    assertThat(table(s, t).primaryKey()).isEqualTo(PrimaryKey.of("id"));
    assertThat(s.migrationManagedKeys()).isEmpty();
  }

  @Test
  void defaultsUniqueAndUnsupportedType() {
    JavaFileObject columnDefault = JavaFileObjects.forSourceLines("org.hibernate.annotations.ColumnDefault",
        "package org.hibernate.annotations;",
        "@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)",
        "public @interface ColumnDefault { String value(); }");
    EntitySchema s = Mapping.of(NamingStrategy.JPA, columnDefault, JavaFileObjects.forSourceLines("m.Item",
        "package m;",
        "import jakarta.persistence.*;",
        "@Entity class Item {",
        "  @Id Long id;",
        "  @Column(columnDefinition = \"varchar(7) default 'x'\") String code;",
        "  @org.hibernate.annotations.ColumnDefault(\"0\") Integer qty;",
        "  @Column(unique = true) String sku;",
        "  java.util.Locale locale;",
        "}"));
    assertThat(s.schema().table(TableName.of("Item")).get().column("code").get().defaultValue()).isEqualTo("'x'");
    assertThat(definition(s, "Item", "code")).isEqualTo("varchar(255)");
    assertThat(table(s, "Item").column("qty").get().defaultValue()).isEqualTo("0");
    assertThat(table(s, "Item").uniques()).containsExactly(new Unique("uq_item_sku", List.of("sku")));
    assertThat(table(s, "Item").column("locale")).isEmpty();
    assertThat(s.problems()).hasSize(1);
    assertThat(s.problems().get(0).key()).isEqualTo(SchemaMapper.UNMAPPED_TYPE);
    assertThat(s.problems().get(0).message()).contains("[schemagov:unmapped-type] column locale has Java type java.util.Locale");
    assertThat(s.problems().get(0).element().getSimpleName().toString()).isEqualTo("locale");
  }

  @Test
  void idGeneration() {
    EntitySchema s = Mapping.of(
        "package m;",
        "import jakarta.persistence.*;",
        "import java.util.UUID;",
        "class Model {}",
        "@Entity class IdIdentity { @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id; }",
        "@Entity class IdSeqDefault { @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) Long id; }",
        "@Entity class IdAuto { @Id @GeneratedValue Integer id; }",
        "@Entity class IdSeqNamed {",
        "  @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = \"named_gen\")",
        "  @SequenceGenerator(name = \"named_gen\", sequenceName = \"my_custom_seq\", allocationSize = 10, initialValue = 100)",
        "  Long id; }",
        "@Entity class IdGenOnly {",
        "  @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = \"gen_only_name\")",
        "  @SequenceGenerator(name = \"gen_only_name\") Long id; }",
        "@Entity class IdUuid { @Id @GeneratedValue(strategy = GenerationType.UUID) UUID id; }",
        "@Entity class IdUuidAuto { @Id @GeneratedValue UUID id; }");
    assertNoProblems(s);
    assertThat(definition(s, "IdIdentity", "id")).isEqualTo("bigint not null identity");
    assertThat(definition(s, "IdSeqDefault", "id")).isEqualTo("bigint not null");
    assertThat(definition(s, "IdUuid", "id")).isEqualTo("uuid not null");
    assertThat(s.schema().sequences().values()).containsExactly(
        new Sequence(TableName.of("IdSeqDefault_SEQ"), 1, 50),
        new Sequence(TableName.of("IdAuto_SEQ"), 1, 50),
        new Sequence(TableName.of("my_custom_seq"), 100, 10),
        new Sequence(TableName.of("gen_only_name"), 1, 50));
  }

  @Test
  void sequenceNamesFollowTheNamingStrategy() {
    EntitySchema s = Mapping.of(NamingStrategy.SNAKE_CASE,
        JavaFileObjects.forSourceLines("m.IdSeqDefault",
            "package m;",
            "import jakarta.persistence.*;",
            "@Entity class IdSeqDefault { @Id @GeneratedValue Long id; String displayName; }"));
    assertThat(s.schema().sequences().keySet()).containsExactly("id_seq_default_seq");
    assertThat(definition(s, "id_seq_default", "display_name")).isEqualTo("varchar(255)");
  }

  @Test
  void joinedInheritance() {
    EntitySchema s = Mapping.of(
        "package m;",
        "import jakarta.persistence.*;",
        "class Model {}",
        "@Entity @Inheritance(strategy = InheritanceType.JOINED) class Account { @Id Long id; String owner; }",
        "@Entity class SavingsAccount extends Account { double rate; }",
        "@Entity @PrimaryKeyJoinColumn(name = \"acct_id\") class CheckingAccount extends Account { int overdraft; }");
    assertNoProblems(s);
    assertThat(table(s, "Account").columns().stream().map(c -> c.name()).toList()).containsExactly("id", "owner");
    Table savings = table(s, "SavingsAccount");
    assertThat(definition(s, "SavingsAccount", "id")).isEqualTo("bigint not null");
    assertThat(definition(s, "SavingsAccount", "rate")).isEqualTo("double not null");
    assertThat(savings.primaryKey()).isEqualTo(PrimaryKey.of("id"));
    assertThat(savings.foreignKeys()).containsExactly(
        new ForeignKey("fk_savingsaccount_id", List.of("id"), TableName.of("Account"), List.of("id")));
    Table checking = table(s, "CheckingAccount");
    assertThat(checking.primaryKey()).isEqualTo(PrimaryKey.of("acct_id"));
    assertThat(checking.foreignKeys().get(0).columns()).containsExactly("acct_id");
    assertThat(checking.foreignKeys().get(0).referencedColumns()).containsExactly("id");
  }

  @Test
  void singleTableWithDefaultAndCustomDiscriminator() {
    EntitySchema s = Mapping.of(
        "package m;",
        "import jakarta.persistence.*;",
        "class Model {}",
        "@Entity class Car extends Vehicle { int doors; }",
        "@Entity class Vehicle { @Id Long id; String make; }",
        "@Entity class Truck extends Vehicle { double payload; }",
        "@Entity @DiscriminatorColumn(name = \"kind\", discriminatorType = DiscriminatorType.INTEGER)",
        "class Shape { @Id Long id; }",
        "@Entity class Circle extends Shape { double radius; }",
        "@Entity @DiscriminatorColumn(name = \"ctype\", discriminatorType = DiscriminatorType.CHAR) class Animal { @Id Long id; }",
        "@Entity class Dog extends Animal { String breed; }");
    assertNoProblems(s);
    assertThat(s.schema().tables().keySet()).containsExactly("animal", "shape", "vehicle");
    assertThat(definition(s, "Vehicle", "DTYPE")).isEqualTo("varchar(31) not null");
    assertThat(definition(s, "Vehicle", "doors")).isEqualTo("integer");
    assertThat(definition(s, "Vehicle", "payload")).isEqualTo("double");
    assertThat(definition(s, "Vehicle", "id")).isEqualTo("bigint not null");
    assertThat(definition(s, "Shape", "kind")).isEqualTo("integer not null");
    assertThat(definition(s, "Animal", "ctype")).isEqualTo("char(1) not null");
    assertThat(definition(s, "Animal", "breed")).isEqualTo("varchar(255)");
  }

  @Test
  void tablePerClassAndMappedSuperclass() {
    EntitySchema s = Mapping.of(
        "package m;",
        "import jakarta.persistence.*;",
        "class Model {}",
        "@Entity @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS) abstract class Payment { @Id Long id; double amount; }",
        "@Entity class CardPayment extends Payment { String cardNo; }",
        "@MappedSuperclass abstract class BaseEntity {",
        "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;",
        "  java.time.Instant createdAt; @Version Long version; }",
        "@Entity class Invoice extends BaseEntity { String number; }");
    assertNoProblems(s);
    assertThat(s.schema().tables().keySet()).containsExactly("cardpayment", "invoice");
    assertThat(definition(s, "CardPayment", "amount")).isEqualTo("double not null");
    assertThat(definition(s, "CardPayment", "cardNo")).isEqualTo("varchar(255)");
    assertThat(table(s, "CardPayment").primaryKey()).isEqualTo(PrimaryKey.of("id"));
    assertThat(definition(s, "Invoice", "id")).isEqualTo("bigint not null identity");
    assertThat(definition(s, "Invoice", "createdAt")).isEqualTo("timestamptz(6)");
    assertThat(definition(s, "Invoice", "version")).isEqualTo("bigint not null");
  }

  @Test
  void embeddedWithOverridesAndNullablePrimitives() {
    EntitySchema s = Mapping.of(
        "package m;",
        "import jakarta.persistence.*;",
        "class Model {}",
        "@Embeddable class Address { String street; String city; @Column(length = 10) String zipCode; int floorNumber; }",
        "@Entity class Customer {",
        "  @Id Long id;",
        "  @Embedded Address home;",
        "  @Embedded @AttributeOverrides({ @AttributeOverride(name = \"street\", column = @Column(name = \"work_street\")),",
        "    @AttributeOverride(name = \"city\", column = @Column(name = \"work_city\", length = 50, nullable = false)),",
        "    @AttributeOverride(name = \"zipCode\", column = @Column(name = \"work_zip\")),",
        "    @AttributeOverride(name = \"floorNumber\", column = @Column(name = \"work_floor\")) })",
        "  Address work;",
        "}");
    assertNoProblems(s);
    assertThat(definition(s, "Customer", "floorNumber")).isEqualTo("integer");
    assertThat(definition(s, "Customer", "zipCode")).isEqualTo("varchar(10)");
    assertThat(definition(s, "Customer", "work_city")).isEqualTo("varchar(50) not null");
    assertThat(definition(s, "Customer", "work_zip")).isEqualTo("varchar(255)");
    assertThat(definition(s, "Customer", "work_floor")).isEqualTo("integer");
    assertThat(table(s, "Customer").columns()).hasSize(9);
  }

  @Test
  void compositeKeys() {
    EntitySchema s = Mapping.of(
        "package m;",
        "import jakarta.persistence.*;",
        "class Model {}",
        "@Embeddable class LineId implements java.io.Serializable { Long orderId; int lineNo; }",
        "@Entity class OrderLine { @EmbeddedId LineId id; String product; }",
        "class PairId implements java.io.Serializable { Long a; String b; }",
        "@Entity @IdClass(PairId.class) class Pair { @Id Long a; @Id String b; int weight; }",
        "@Entity class Shipment { @Id Long id;",
        "  @ManyToOne @JoinColumns({ @JoinColumn(name = \"order_id\", referencedColumnName = \"orderId\"),",
        "    @JoinColumn(name = \"line_no\", referencedColumnName = \"lineNo\") }) OrderLine line; }");
    assertNoProblems(s);
    assertThat(definition(s, "OrderLine", "orderId")).isEqualTo("bigint not null");
    assertThat(definition(s, "OrderLine", "lineNo")).isEqualTo("integer not null");
    assertThat(table(s, "OrderLine").primaryKey()).isEqualTo(PrimaryKey.of("orderId", "lineNo"));
    assertThat(table(s, "Pair").primaryKey()).isEqualTo(PrimaryKey.of("a", "b"));
    assertThat(definition(s, "Pair", "b")).isEqualTo("varchar(255) not null");
    assertThat(definition(s, "Shipment", "line_no")).isEqualTo("integer");
    assertThat(table(s, "Shipment").foreignKeys()).containsExactly(new ForeignKey("fk_shipment_order_id_line_no",
        List.of("order_id", "line_no"), TableName.of("OrderLine"), List.of("orderId", "lineNo")));
  }

  @Test
  void relationshipsAndJoinTables() {
    EntitySchema s = Mapping.of(
        "package m;",
        "import jakarta.persistence.*;",
        "import java.util.*;",
        "class Model {}",
        "@Entity class Author { @Id Long id; }",
        "@Entity class Cover { @Id Long id; }",
        "@Entity class Tag { @Id Long id; }",
        "@Entity class Label { @Id Integer id; }",
        "@Entity class Review { @Id Long id; }",
        "@Entity class Book {",
        "  @Id Long id;",
        "  @ManyToOne Author author;",
        "  @ManyToOne(optional = false) @JoinColumn(foreignKey = @ForeignKey(name = \"fk_book_editor\")) Author editor;",
        "  @ManyToOne @JoinColumn(foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT)) Author ghost;",
        "  @OneToOne(optional = false) Cover frontCover;",
        "  @ManyToMany Set<Tag> tags;",
        "  @ManyToMany @JoinTable(name = \"book_labels\", joinColumns = @JoinColumn(name = \"b_id\"),",
        "    inverseJoinColumns = @JoinColumn(name = \"l_id\")) Set<Label> labels;",
        "  @OneToMany List<Review> reviews;",
        "}");
    assertNoProblems(s);
    assertThat(definition(s, "Book", "author_id")).isEqualTo("bigint");
    assertThat(definition(s, "Book", "editor_id")).isEqualTo("bigint not null");
    assertThat(definition(s, "Book", "frontCover_id")).isEqualTo("bigint not null");
    Table book = table(s, "Book");
    assertThat(book.foreignKeys()).containsExactly(
        new ForeignKey("fk_book_author_id", List.of("author_id"), TableName.of("Author"), List.of("id")),
        new ForeignKey("fk_book_editor", List.of("editor_id"), TableName.of("Author"), List.of("id")),
        new ForeignKey("fk_book_frontcover_id", List.of("frontCover_id"), TableName.of("Cover"), List.of("id")));
    assertThat(book.uniques()).containsExactly(new Unique("uq_book_frontcover_id", List.of("frontCover_id")));

    Table bookTag = table(s, "Book_Tag");
    assertThat(definition(s, "Book_Tag", "Book_id")).isEqualTo("bigint not null");
    assertThat(definition(s, "Book_Tag", "tags_id")).isEqualTo("bigint not null");
    assertThat(bookTag.primaryKey()).isEqualTo(PrimaryKey.of("Book_id", "tags_id"));
    assertThat(bookTag.foreignKeys().stream().map(ForeignKey::referencedTable).toList())
        .containsExactly(TableName.of("Book"), TableName.of("Tag"));

    assertThat(definition(s, "book_labels", "l_id")).isEqualTo("integer not null");
    assertThat(table(s, "book_labels").primaryKey()).isEqualTo(PrimaryKey.of("b_id", "l_id"));

    Table bookReview = table(s, "Book_Review");
    assertThat(bookReview.primaryKey()).isNull();
    assertThat(bookReview.uniques()).containsExactly(new Unique("uq_book_review_reviews_id", List.of("reviews_id")));
  }

  @Test
  void elementCollections() {
    EntitySchema s = Mapping.of(
        "package m;",
        "import jakarta.persistence.*;",
        "import java.util.*;",
        "class Model {}",
        "enum Color { RED, GREEN }",
        "@Embeddable class Address { String city; int floorNumber; }",
        "@Entity class Book {",
        "  @Id Long id;",
        "  @ElementCollection Set<String> keywords;",
        "  @ElementCollection @OrderColumn List<String> lines;",
        "  @ElementCollection Map<String, Integer> counters;",
        "  @ElementCollection Set<Address> addresses;",
        "  @ElementCollection @Enumerated(EnumType.STRING) Set<Color> colorNames;",
        "  @ElementCollection @CollectionTable(name = \"book_notes\", joinColumns = @JoinColumn(name = \"book\"))",
        "  @Column(name = \"note\", length = 500) List<String> notes;",
        "}");
    assertNoProblems(s);
    Table keywords = table(s, "Book_keywords");
    assertThat(definition(s, "Book_keywords", "Book_id")).isEqualTo("bigint not null");
    assertThat(definition(s, "Book_keywords", "keywords")).isEqualTo("varchar(255)");
    assertThat(keywords.primaryKey()).isNull();
    assertThat(keywords.uniques()).containsExactly(new Unique("uq_book_keywords_book_id_keywords", List.of("Book_id", "keywords")));
    assertThat(keywords.foreignKeys()).containsExactly(
        new ForeignKey("fk_book_keywords_book_id", List.of("Book_id"), TableName.of("Book"), List.of("id")));
    assertThat(definition(s, "Book_lines", "lines_ORDER")).isEqualTo("integer not null");
    assertThat(table(s, "Book_lines").primaryKey()).isEqualTo(PrimaryKey.of("lines_ORDER", "Book_id"));
    assertThat(definition(s, "Book_counters", "counters_KEY")).isEqualTo("varchar(255) not null");
    assertThat(definition(s, "Book_counters", "counters")).isEqualTo("integer");
    assertThat(table(s, "Book_counters").primaryKey()).isEqualTo(PrimaryKey.of("Book_id", "counters_KEY"));
    assertThat(definition(s, "Book_addresses", "floorNumber")).isEqualTo("integer");
    assertThat(table(s, "Book_addresses").uniques().get(0).columns()).containsExactly("Book_id", "city", "floorNumber");
    assertThat(definition(s, "Book_colorNames", "colorNames")).isEqualTo("varchar(255)");
    assertThat(definition(s, "book_notes", "book")).isEqualTo("bigint not null");
    assertThat(definition(s, "book_notes", "note")).isEqualTo("varchar(500)");
    assertThat(table(s, "book_notes").primaryKey()).isNull();
  }

  @Test
  void secondaryTable() {
    EntitySchema s = Mapping.of(
        "package m;",
        "import jakarta.persistence.*;",
        "@io.schemagov.MigrationManaged",
        "@Entity @SecondaryTable(name = \"order_detail\", pkJoinColumns = @PrimaryKeyJoinColumn(name = \"order_id\"))",
        "class PurchaseOrder {",
        "  @Id Long id;",
        "  @Lob @Column(table = \"order_detail\") String remarks;",
        "}");
    assertNoProblems(s);
    Table detail = table(s, "order_detail");
    assertThat(definition(s, "order_detail", "order_id")).isEqualTo("bigint not null");
    assertThat(definition(s, "order_detail", "remarks")).isEqualTo("clob");
    assertThat(detail.primaryKey()).isEqualTo(PrimaryKey.of("order_id"));
    assertThat(detail.foreignKeys()).containsExactly(
        new ForeignKey("fk_order_detail_order_id", List.of("order_id"), TableName.of("PurchaseOrder"), List.of("id")));
    assertThat(table(s, "PurchaseOrder").column("remarks")).isEmpty();
    assertThat(s.migrationManagedKeys()).containsExactly("purchaseorder", "order_detail");
  }

  @Test
  void referencesAndTableConstraintsAndRenames() {
    EntitySchema s = Mapping.of(
        "package m;",
        "import jakarta.persistence.*;",
        "@io.schemagov.MigrationManaged",
        "@io.schemagov.RenamedFrom(\"people\")",
        "@Entity",
        "@Table(name = \"person\", uniqueConstraints = { @UniqueConstraint(columnNames = {\"firstName\", \"lastName\"}),",
        "    @UniqueConstraint(name = \"uk_named_email\", columnNames = {\"email\"}) },",
        "  indexes = { @Index(columnList = \"lastName\"), @Index(name = \"idx_named_city\", columnList = \"city, firstName DESC\"),",
        "    @Index(name = \"ux_email\", columnList = \"email\", unique = true) })",
        "class Person {",
        "  @Id Long id; String firstName; String lastName; String email; String city;",
        "  @io.schemagov.References(\"users.id\") Long ownerId;",
        "  @io.schemagov.RenamedFrom(\"town\") @Column(name = \"region\") String region;",
        "}");
    assertNoProblems(s);
    Table person = table(s, "person");
    assertThat(person.uniques()).containsExactly(
        new Unique("uq_person_firstname_lastname", List.of("firstName", "lastName")),
        new Unique("uk_named_email", List.of("email")));
    assertThat(person.indexes()).containsExactly(
        new Index("ix_person_lastname", List.of("lastName"), false),
        new Index("idx_named_city", List.of("city", "firstName"), false),
        new Index("ux_email", List.of("email"), true));
    assertThat(person.foreignKeys()).containsExactly(
        new ForeignKey("fk_person_ownerid", List.of("ownerId"), TableName.of("users"), List.of("id")));
    assertThat(s.schema().table(TableName.of("users"))).isEmpty();
    assertThat(s.renames().tables()).containsExactly(new Renames.TableRename(TableName.of("people"), TableName.of("person")));
    assertThat(s.renames().columns()).containsExactly(new Renames.ColumnRename(TableName.of("person"), "town", "region"));
    assertThat(s.renameSources().get(s.renames().columns().get(0)).element().getSimpleName().toString()).isEqualTo("region");
    assertThat(s.renameSources().get(s.renames().tables().get(0)).mirror().toString()).contains("RenamedFrom");
    assertThat(s.migrationManaged().tables().keySet()).containsExactly("person");
  }

  @Test
  void javaxAndQuotedNames() {
    EntitySchema s = Mapping.of(
        "package m;",
        "import javax.persistence.*;",
        "@Entity @Table(name = \"\\\"Order\\\"\")",
        "class Order {",
        "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;",
        "  @Column(name = \"`Total`\", precision = 10, scale = 2) java.math.BigDecimal total;",
        "}");
    assertNoProblems(s);
    Table order = s.schema().tableList().get(0);
    assertThat(order.name()).isEqualTo(TableName.of("\"Order\""));
    assertThat(order.column("\"Total\"").get().type().toString()).isEqualTo("decimal(10,2)");
    assertThat(order.column("id").get().identity()).isTrue();
  }

  /**
   * A problem counts for the entity the attribute is mapped into, not the class that declares it: a
   * mapped superclass's (or embeddable's) field under a migration-managed entity leaves a column out
   * of the schema drift compares, so it is reported; under an ORM-managed entity it is not.
   */
  @Test
  void mappedSuperclassProblemCountsForTheMigrationManagedEntity() {
    EntitySchema managed = Mapping.of(
        "package m;",
        "import jakarta.persistence.*;",
        "@MappedSuperclass abstract class Model { @Id Long id; java.util.Locale locale; }",
        "@Embeddable class Money { java.util.Currency currency; }",
        "@io.schemagov.MigrationManaged @Entity class Invoice extends Model { @Embedded Money total; }");
    assertThat(managed.problemsOfMigrationManaged()).hasSize(2);
    assertThat(managed.problemsOfMigrationManaged().get(0).key()).isEqualTo(SchemaMapper.UNMAPPED_TYPE);
    assertThat(managed.problemsOfMigrationManaged().get(0).message())
        .contains("[schemagov:unmapped-type] column locale has Java type java.util.Locale");
    assertThat(managed.problemsOfMigrationManaged().get(0).element().getSimpleName().toString()).isEqualTo("locale");
    assertThat(managed.problemsOfMigrationManaged().get(1).message()).contains("column currency has Java type java.util.Currency");
    assertThat(managed.mappingProblems().get(0).table()).isEqualTo("invoice");
    assertThat(managed.mappingProblems().get(0).entity()).isEqualTo("m.Invoice");

    EntitySchema orm = Mapping.of(
        "package m;",
        "import jakarta.persistence.*;",
        "@MappedSuperclass abstract class Model { @Id Long id; java.util.Locale locale; }",
        "@Embeddable class Money { java.util.Currency currency; }",
        "@Entity class Invoice extends Model { @Embedded Money total; }");
    assertThat(orm.problems()).hasSize(2);
    assertThat(orm.problemsOfMigrationManaged()).isEmpty();
  }

  /** javax mappings give the same schema parts as jakarta ones: both are read into one model. */
  @Test
  void javaxTableDefinitionsKeysAndTemporals() {
    String[] body = {
        "@Entity @Inheritance(strategy = InheritanceType.JOINED)",
        "@Table(name = \"party\", uniqueConstraints = @UniqueConstraint(columnNames = \"code\"),",
        "  indexes = @Index(name = \"ix_code_on\", columnList = \"code, createdOn DESC\"))",
        "class Party {",
        "  @Id Long id; String code; @Temporal(TemporalType.DATE) java.util.Date createdOn; @Version Integer version;",
        "  @ManyToMany @JoinTable(name = \"party_tag\", foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT),",
        "    inverseForeignKey = @ForeignKey(name = \"fk_tag\")) java.util.Set<Tag> tags;",
        "}",
        "@Entity @PrimaryKeyJoinColumn(name = \"person_id\", foreignKey = @ForeignKey(name = \"fk_person_party\"))",
        "class Person extends Party {}",
        "@Entity class Tag { @Id Long id; }"};
    List<String> jakarta = new java.util.ArrayList<>(List.of("package m;", "import jakarta.persistence.*;"));
    List<String> javax = new java.util.ArrayList<>(List.of("package m;", "import javax.persistence.*;"));
    jakarta.addAll(List.of(body));
    javax.addAll(List.of(body));
    EntitySchema a = Mapping.of(jakarta.toArray(String[]::new));
    EntitySchema b = Mapping.of(javax.toArray(String[]::new));
    assertNoProblems(a);
    assertNoProblems(b);
    assertThat(b.schema()).isEqualTo(a.schema());
    assertThat(definition(b, "party", "createdOn")).isEqualTo("date");
    assertThat(definition(b, "party", "version")).isEqualTo("integer not null");
    assertThat(table(b, "party").uniques()).containsExactly(new Unique("uq_party_code", List.of("code")));
    assertThat(table(b, "party").indexes()).containsExactly(new Index("ix_code_on", List.of("code", "createdOn"), false));
    assertThat(table(b, "party_tag").foreignKeys()).containsExactly(
        new ForeignKey("fk_tag", List.of("tags_id"), TableName.of("Tag"), List.of("id")));
    assertThat(table(b, "Person").foreignKeys()).containsExactly(
        new ForeignKey("fk_person_party", List.of("person_id"), TableName.of("party"), List.of("id")));
  }
}
