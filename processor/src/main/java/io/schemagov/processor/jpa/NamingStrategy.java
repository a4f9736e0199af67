package io.schemagov.processor.jpa;

import java.util.Locale;
import java.util.Optional;

/** The physical naming applied to every table and column name, explicit or defaulted. */
public interface NamingStrategy {

  /** The option value that selects this strategy. */
  String id();

  DbName apply(DbName logical);

  /** {@code jpa}: names exactly as written (Hibernate's default physical naming). */
  NamingStrategy JPA =
      new NamingStrategy() {
        @Override
        public String id() {
          return "jpa";
        }

        @Override
        public DbName apply(DbName logical) {
          return logical;
        }
      };

  /**
   * {@code snake_case}: Spring Boot's default ({@code CamelCaseToUnderscoresNamingStrategy}):
   * dots become underscores, an underscore goes before an upper-case letter that sits between a
   * lower-case letter or digit and a lower-case letter or digit, and the result is lower-cased.
   * Quoted names are left as written, so a quoted name never collides by accident.
   */
  NamingStrategy SNAKE_CASE =
      new NamingStrategy() {
        @Override
        public String id() {
          return "snake_case";
        }

        @Override
        public DbName apply(DbName logical) {
          if (logical.quoted()) {
            return logical;
          }
          StringBuilder b = new StringBuilder(logical.text().replace('.', '_'));
          for (int i = 1; i < b.length() - 1; i++) {
            if (lowerOrDigit(b.charAt(i - 1))
                && Character.isUpperCase(b.charAt(i))
                && lowerOrDigit(b.charAt(i + 1))) {
              b.insert(i++, '_');
            }
          }
          return new DbName(b.toString().toLowerCase(Locale.ROOT), false);
        }

        private boolean lowerOrDigit(char c) {
          return Character.isLowerCase(c) || Character.isDigit(c);
        }
      };

  /** The strategy named by {@code -Aschemagov.naming}, empty when the value is unknown. */
  static Optional<NamingStrategy> forOption(String value) {
    if (value == null || value.isBlank() || value.equals(JPA.id())) {
      return Optional.of(JPA);
    }
    return value.equals(SNAKE_CASE.id()) ? Optional.of(SNAKE_CASE) : Optional.empty();
  }
}
