package io.schemagov.processor.generate;

import static io.schemagov.processor.Compile.source;

import java.util.List;
import javax.tools.JavaFileObject;

/**
 * A small model with everything the generated artifacts describe: a migration-managed table with
 * a foreign key into an ORM-managed one, two tables that reference each other, a sequence, and a
 * {@code @RenamedFrom} whose old name another entity maps now, referenced on purpose.
 */
final class GovernanceModel {
  private GovernanceModel() {}

  static List<JavaFileObject> sources() {
    return List.of(
        source("shop.billing.Invoice",
            "package shop.billing;",
            "import jakarta.persistence.*;",
            "@io.schemagov.MigrationManaged",
            "@Entity @Table(name = \"invoice\")",
            "public class Invoice {",
            "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;",
            "  @SuppressWarnings(\"schemagov:fk-orm-managed\")",
            "  @ManyToOne(optional = false) @JoinColumn(name = \"account_id\") shop.crm.Account account;",
            "  @Column(nullable = false, length = 40) String number;",
            "}"),
        source("shop.crm.Account",
            "package shop.crm;",
            "import jakarta.persistence.*;",
            "@io.schemagov.RenamedFrom(\"customer\")",
            "@Entity @Table(name = \"account\")",
            "public class Account {",
            "  @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) Long id;",
            "  String name;",
            "}"),
        source("shop.crm.Customer",
            "package shop.crm;",
            "import jakarta.persistence.*;",
            "@Entity @Table(name = \"customer\")",
            "public class Customer {",
            "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;",
            "  String email;",
            "}"),
        source("shop.crm.Referral",
            "package shop.crm;",
            "import jakarta.persistence.*;",
            "@Entity @Table(name = \"referral\")",
            "public class Referral {",
            "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;",
            "  @SuppressWarnings(\"schemagov:fk-renamed-reused\")",
            "  @io.schemagov.References(\"customer.id\") @Column(name = \"customer_id\") Long customerId;",
            "}"),
        source("shop.catalog.Author",
            "package shop.catalog;",
            "import jakarta.persistence.*;",
            "@Entity @Table(name = \"author\")",
            "public class Author {",
            "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;",
            "  @ManyToOne @JoinColumn(name = \"favourite_book_id\") Book favouriteBook;",
            "}"),
        source("shop.catalog.Book",
            "package shop.catalog;",
            "import jakarta.persistence.*;",
            "@Entity @Table(name = \"book\")",
            "public class Book {",
            "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;",
            "  @ManyToOne @JoinColumn(name = \"author_id\") Author author;",
            "}"));
  }
}
