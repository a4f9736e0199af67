import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a deterministic JPA code base of N entities: {@code java GenerateCorpus.java <dir> <N>}.
 *
 * <p>Packages of {@value #PER_PACKAGE} entities: a JOINED hierarchy (root and two subclasses), a
 * SINGLE_TABLE hierarchy (root and two subclasses), and regular entities on a shared
 * {@code @MappedSuperclass}, with varied basic types, an embeddable (overridden in some), a
 * {@code @ManyToOne} chain with its {@code @OneToMany} inverse, {@code @ManyToMany} join tables,
 * indexes and unique constraints, and accessors for every field, as hand-written entities have.
 * Every {@value #MANAGED_EVERY}th package is {@code @MigrationManaged}; its relations stay inside it,
 * so the corpus compiles without a single schemagov finding. The same N always gives the same bytes.
 */
public final class GenerateCorpus {
  static final int PER_PACKAGE = 20;
  static final int MANAGED_EVERY = 10;
  private static final int HIERARCHY = 6;
  private static final String[] ROLES = {
    "Customer", "Account", "Invoice", "Payment", "Product", "Shipment", "Warehouse",
    "Supplier", "Contract", "Ticket", "Employee", "Project", "Document", "Audit"
  };

  /** One basic attribute: Java type, column annotation, extra annotation, name stem. */
  private record Basic(String type, String column, String extra, String stem) {}

  private static final Basic[] BASICS = {
    new Basic("String", "@Column(nullable = false, length = 120)", null, "name"),
    new Basic("String", "@Column(length = 2000)", null, "description"),
    new Basic("int", null, null, "quantity"),
    new Basic("Long", null, null, "externalRef"),
    new Basic("boolean", null, null, "active"),
    new Basic("BigDecimal", "@Column(precision = 19, scale = 4)", null, "amount"),
    new Basic("LocalDate", null, null, "dueDate"),
    new Basic("LocalDateTime", "@Column(nullable = false)", null, "updatedAt"),
    new Basic("UUID", "@Column(unique = true)", null, "publicId"),
    new Basic("Status", "@Column(length = 16)", "@Enumerated(EnumType.STRING)", "status"),
    new Basic("Priority", null, "@Enumerated(EnumType.ORDINAL)", "priority"),
    new Basic("Double", null, null, "ratio"),
    new Basic("short", null, null, "revisionNo"),
    new Basic("byte[]", null, "@Lob", "payload"),
    new Basic("Instant", null, null, "seenAt"),
  };

  private GenerateCorpus() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    writeCommon(dir);
    int packages = (n + PER_PACKAGE - 1) / PER_PACKAGE;
    for (int p = 0; p < packages; p++) {
      int count = Math.min(PER_PACKAGE, n - p * PER_PACKAGE);
      writePackage(dir, p, count);
    }
    System.out.println("corpus: " + n + " entities in " + packages + " packages -> " + dir);
  }

  static boolean managed(int p) {
    return p % MANAGED_EVERY == 0;
  }

  private static void writeCommon(Path dir) throws IOException {
    write(dir, "common", "BaseEntity", """
        package corpus.common;

        import jakarta.persistence.*;
        import java.time.Instant;

        /** Identity, optimistic lock and audit columns shared by every regular entity. */
        @MappedSuperclass
        public abstract class BaseEntity {
          @Id
          @GeneratedValue(strategy = GenerationType.IDENTITY)
          private Long id;

          @Version
          private long version;

          @Column(name = "created_at", nullable = false, updatable = false)
          private Instant createdAt;

          public Long getId() { return id; }
          public long getVersion() { return version; }
          public Instant getCreatedAt() { return createdAt; }
          public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
        }
        """);
    write(dir, "common", "Address", """
        package corpus.common;

        import jakarta.persistence.*;

        /** A postal address, embedded in several entities. */
        @Embeddable
        public class Address {
          @Column(length = 200)
          private String street;
          @Column(length = 100)
          private String city;
          @Column(name = "zip", length = 16)
          private String zipCode;
          @Column(length = 2)
          private String country;

          public String getStreet() { return street; }
          public void setStreet(String street) { this.street = street; }
          public String getCity() { return city; }
          public void setCity(String city) { this.city = city; }
          public String getZipCode() { return zipCode; }
          public void setZipCode(String zipCode) { this.zipCode = zipCode; }
          public String getCountry() { return country; }
          public void setCountry(String country) { this.country = country; }
        }
        """);
    write(dir, "common", "Status", """
        package corpus.common;

        public enum Status { DRAFT, OPEN, CLOSED, ARCHIVED }
        """);
    write(dir, "common", "Priority", """
        package corpus.common;

        public enum Priority { LOW, NORMAL, HIGH, URGENT }
        """);
  }

  private static void writePackage(Path dir, int p, int count) throws IOException {
    for (int i = 0; i < count; i++) {
      String source = i < HIERARCHY ? hierarchyMember(p, i) : regular(p, i, count);
      write(dir, pkg(p), className(p, i), source);
    }
  }

  static String pkg(int p) {
    return String.format("p%03d", p);
  }

  static String className(int p, int i) {
    String[] hierarchy = {"Party", "Person", "Organization", "Vehicle", "Car", "Truck"};
    String stem = i < HIERARCHY ? hierarchy[i] : ROLES[(i - HIERARCHY) % ROLES.length] + (i - HIERARCHY) / ROLES.length;
    return stem + String.format("%03d", p);
  }

  private static String header(int p, String... extraImports) {
    StringBuilder b = new StringBuilder("package corpus." + pkg(p) + ";\n\n");
    if (managed(p)) {
      b.append("import io.schemagov.MigrationManaged;\n");
    }
    b.append("import jakarta.persistence.*;\n");
    for (String i : extraImports) {
      b.append("import ").append(i).append(";\n");
    }
    return b.append('\n').toString();
  }

  private static String managedMark(int p) {
    return managed(p) ? "@MigrationManaged\n" : "";
  }

  /** Index 0-2: a JOINED hierarchy; 3-5: a SINGLE_TABLE hierarchy with a discriminator. */
  private static String hierarchyMember(int p, int i) {
    String name = className(p, i);
    boolean root = i % 3 == 0;
    String parent = className(p, i - i % 3);
    StringBuilder b = new StringBuilder(header(p, "java.time.LocalDate"));
    b.append(managedMark(p)).append("@Entity\n");
    if (root) {
      // Sequences stay out of the managed packages: their chain holds tables only.
      String generation = managed(p) ? "@GeneratedValue(strategy = GenerationType.IDENTITY)" : "@GeneratedValue";
      if (i == 0) {
        b.append("@Table(name = \"").append(snake(name)).append("\")\n");
        b.append("@Inheritance(strategy = InheritanceType.JOINED)\n");
      } else {
        b.append("@Table(name = \"").append(snake(name)).append("\", indexes = @Index(name = \"ix_")
            .append(snake(name)).append("_plate\", columnList = \"plate\"))\n");
        b.append("@Inheritance(strategy = InheritanceType.SINGLE_TABLE)\n");
        b.append("@DiscriminatorColumn(name = \"kind\", length = 16)\n");
        b.append("@DiscriminatorValue(\"BASE\")\n");
      }
      b.append("public class ").append(name).append(" {\n");
      b.append("  @Id\n  ").append(generation).append("\n  private Long id;\n\n");
      String field = i == 0 ? "displayName" : "plate";
      b.append("  @Column(nullable = false, length = 80)\n  private String ").append(field).append(";\n\n");
      b.append("  public Long getId() { return id; }\n");
      accessors(b, "String", field);
    } else if (i < 3) {
      b.append("@Table(name = \"").append(snake(name)).append("\")\n");
      b.append("@PrimaryKeyJoinColumn(name = \"party_id\")\n");
      b.append("public class ").append(name).append(" extends ").append(parent).append(" {\n");
      String field = i == 1 ? "birthDate" : "registeredOn";
      b.append("  private LocalDate ").append(field).append(";\n\n");
      accessors(b, "LocalDate", field);
    } else {
      b.append("@DiscriminatorValue(\"").append(i == 4 ? "CAR" : "TRUCK").append("\")\n");
      b.append("public class ").append(name).append(" extends ").append(parent).append(" {\n");
      String field = i == 4 ? "seats" : "payloadKg";
      b.append("  private Integer ").append(field).append(";\n\n");
      accessors(b, "Integer", field);
    }
    return b.append("}\n").toString();
  }

  /** A regular entity: basic attributes, an address, relations to its neighbours, indexes. */
  private static String regular(int p, int i, int count) {
    String name = className(p, i);
    String table = snake(name);
    boolean hasPrevious = i > HIERARCHY;
    boolean hasNext = i + 1 < count;
    boolean manyToMany = i % 4 == 0 && i - 2 >= HIERARCHY;
    StringBuilder b = new StringBuilder(header(p, "corpus.common.*", "java.math.BigDecimal", "java.time.*",
        "java.util.ArrayList", "java.util.HashSet", "java.util.List", "java.util.Set", "java.util.UUID"));
    List<Basic> basics = new ArrayList<>();
    for (int j = 0; j < 6 + i % 4; j++) {
      basics.add(BASICS[(i * 7 + j * 4 + p) % BASICS.length]);
    }
    // Index the first attribute that is not a LOB.
    int first = basics.get(0).type().equals("byte[]") ? 1 : 0;
    String indexed = field(basics.get(first), first);
    b.append(managedMark(p)).append("@Entity\n");
    // Half the tables are named explicitly, the other half default to the entity name.
    b.append("@Table(").append(i % 2 == 0 ? "name = \"" + table + "\", " : "")
        .append("indexes = {@Index(name = \"ix_").append(table).append("_1\", columnList = \"")
        .append(indexed).append("\")");
    if (hasPrevious) {
      b.append(", @Index(name = \"ix_").append(table).append("_prev\", columnList = \"previous_id\")");
    }
    b.append("}");
    if (i % 5 == 0) {
      b.append(",\n    uniqueConstraints = @UniqueConstraint(name = \"uk_").append(table)
          .append("\", columnNames = {\"").append(indexed).append("\", \"created_at\"})");
    }
    b.append(")\n");
    b.append("public class ").append(name).append(" extends BaseEntity {\n");
    for (int j = 0; j < basics.size(); j++) {
      Basic basic = basics.get(j);
      if (basic.extra() != null) {
        b.append("  ").append(basic.extra()).append('\n');
      }
      if (basic.column() != null) {
        b.append("  ").append(basic.column()).append('\n');
      }
      b.append("  private ").append(basic.type()).append(' ').append(field(basic, j)).append(";\n\n");
    }
    if (i % 3 == 0) {
      b.append("""
            @Embedded
            @AttributeOverrides({
              @AttributeOverride(name = "street", column = @Column(name = "billing_street", length = 200)),
              @AttributeOverride(name = "city", column = @Column(name = "billing_city", length = 100))
            })
          """);
    } else {
      b.append("  @Embedded\n");
    }
    b.append("  private Address address;\n\n");
    String previous = hasPrevious ? className(p, i - 1) : null;
    String next = hasNext ? className(p, i + 1) : null;
    String partner = manyToMany ? className(p, i - 2) : null;
    if (hasPrevious) {
      b.append("  @ManyToOne(fetch = FetchType.LAZY)\n  @JoinColumn(name = \"previous_id\")\n");
      b.append("  private ").append(previous).append(" previous;\n\n");
    }
    if (hasNext) {
      b.append("  @OneToMany(mappedBy = \"previous\")\n");
      b.append("  private List<").append(next).append("> nexts = new ArrayList<>();\n\n");
    }
    if (manyToMany) {
      b.append("  @ManyToMany\n  @JoinTable(name = \"").append(table).append("_link\",\n")
          .append("      joinColumns = @JoinColumn(name = \"owner_id\"),\n")
          .append("      inverseJoinColumns = @JoinColumn(name = \"partner_id\"))\n");
      b.append("  private Set<").append(partner).append("> partners = new HashSet<>();\n\n");
    }
    for (int j = 0; j < basics.size(); j++) {
      accessors(b, basics.get(j).type(), field(basics.get(j), j));
    }
    accessors(b, "Address", "address");
    if (hasPrevious) {
      accessors(b, previous, "previous");
    }
    if (hasNext) {
      accessors(b, "List<" + next + ">", "nexts");
    }
    if (manyToMany) {
      accessors(b, "Set<" + partner + ">", "partners");
    }
    return b.append("}\n").toString();
  }

  private static String field(Basic basic, int j) {
    return basic.stem() + j;
  }

  private static void accessors(StringBuilder b, String type, String field) {
    String cap = Character.toUpperCase(field.charAt(0)) + field.substring(1);
    String get = type.equals("boolean") ? "is" : "get";
    b.append("  public ").append(type).append(' ').append(get).append(cap).append("() { return ").append(field).append("; }\n");
    b.append("  public void set").append(cap).append('(').append(type).append(' ').append(field)
        .append(") { this.").append(field).append(" = ").append(field).append("; }\n");
  }

  private static String snake(String name) {
    return name.replaceAll("([a-z])([A-Z0-9])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }

  private static void write(Path dir, String pkg, String name, String source) throws IOException {
    Path file = dir.resolve("corpus").resolve(pkg).resolve(name + ".java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, source);
  }
}
