package io.schemagov.realcode;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.schemagov.processor.SchemagovProcessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.hibernate.processor.HibernateProcessor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mapstruct.ap.MappingProcessor;

/**
 * schemagov on one processor path with Lombok, the Hibernate metamodel generator and MapStruct, as
 * real projects run it: Lombok writes the accessors the entities lack in source, the generator the
 * metamodel, MapStruct a mapper over Lombok's getters, and schemagov sees the entities unchanged.
 */
class CoprocessorsTest {
  private static final JavaFileObject CUSTOMER = JavaFileObjects.forSourceLines("shop.Customer",
      "package shop;",
      "import jakarta.persistence.*;",
      "import java.util.*;",
      "import lombok.*;",
      "@Entity @Getter @Setter @NoArgsConstructor",
      "public class Customer {",
      "  @Id @GeneratedValue private Long id;",
      "  @Column(nullable = false, length = 80) private String name;",
      "  @Embedded private Address address;",
      "  @OneToMany(mappedBy = \"customer\") private List<PurchaseOrder> orders = new ArrayList<>();",
      "}");

  private static final JavaFileObject ADDRESS = JavaFileObjects.forSourceLines("shop.Address",
      "package shop;",
      "import jakarta.persistence.*;",
      "import lombok.*;",
      "@Embeddable @Data",
      "public class Address { private String street; private String city; }");

  private static final JavaFileObject ORDER = JavaFileObjects.forSourceLines("shop.PurchaseOrder",
      "package shop;",
      "import jakarta.persistence.*;",
      "import java.math.BigDecimal;",
      "import java.util.*;",
      "import lombok.*;",
      "@Entity @Table(name = \"purchase_order\") @Getter @Setter",
      "public class PurchaseOrder {",
      "  @Id @GeneratedValue private Long id;",
      "  @ManyToOne(optional = false) private Customer customer;",
      "  @ElementCollection private Set<String> tags = new HashSet<>();",
      "  @Column(precision = 12, scale = 2) private BigDecimal total;",
      "}");

  private static final JavaFileObject DTO = JavaFileObjects.forSourceLines("shop.CustomerDto",
      "package shop;",
      "import lombok.*;",
      "@Data public class CustomerDto { private Long id; private String name; private String city; }");

  private static final JavaFileObject MAPPER = JavaFileObjects.forSourceLines("shop.CustomerMapper",
      "package shop;",
      "import org.mapstruct.*;",
      "@Mapper public interface CustomerMapper {",
      "  @Mapping(target = \"city\", source = \"address.city\")",
      "  CustomerDto toDto(Customer customer);",
      "}");

  /** Lombok's processor, which Lombok keeps in a package-private class: the path javac would load. */
  private static Processor lombok() throws ReflectiveOperationException {
    return (Processor) Class.forName("lombok.launch.AnnotationProcessorHider$AnnotationProcessor")
        .getDeclaredConstructor().newInstance();
  }

  /** Which end of the path schemagov takes: javac calls processors in the order given. */
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void allProcessorsProduceTheirOutput(boolean schemagovFirst) throws ReflectiveOperationException {
    List<Processor> processors = new ArrayList<>(List.of(lombok(), new HibernateProcessor(), new MappingProcessor()));
    processors.add(schemagovFirst ? 0 : processors.size(), new SchemagovProcessor());
    Compilation c = Compiler.javac()
        .withProcessors(processors)
        .withClasspath(RealCode.classpath(Set.of("/org/hibernate/hibernate-core/", "hibernate-jpa-2.0-api", "geronimo-jpa")))
        .compile(CUSTOMER, ADDRESS, ORDER, DTO, MAPPER);

    assertThat(c).succeeded();
    assertThat(RealCode.schemagov(c, Diagnostic.Kind.ERROR)).isEmpty();
    assertThat(RealCode.schemagov(c, Diagnostic.Kind.WARNING)).isEmpty();
    // Customer, purchase_order and PurchaseOrder_tags.
    assertThat(RealCode.schemagov(c, Diagnostic.Kind.NOTE)).contains("schemagov: checked 2 entities, 3 tables");
    assertThat(c).generatedSourceFile("shop.Customer_").contentsAsUtf8String().contains("SingularAttribute<Customer, String> name");
    assertThat(c).generatedSourceFile("shop.PurchaseOrder_").contentsAsUtf8String().contains("SetAttribute<PurchaseOrder, String> tags");
    assertThat(c).generatedSourceFile("shop.Address_").contentsAsUtf8String().contains("city");
    // MapStruct could only write these calls against the getters Lombok generated.
    assertThat(c).generatedSourceFile("shop.CustomerMapperImpl").contentsAsUtf8String().contains("customer.getName()");
    assertThat(c).generatedSourceFile("shop.CustomerMapperImpl").contentsAsUtf8String().contains("getCity()");
  }
}
