package io.schemagov.example.hibernate;

/**
 * One way a database built by Hibernate differs from schemagov's: {@code hibernate} and
 * {@code schemagov} are what each side has ({@code null} where it has nothing), {@code subject} the
 * column, constraint or sequence within {@code table}.
 */
record Difference(Aspect aspect, String table, String subject, String hibernate, String schemagov) {
  enum Aspect { TABLE, COLUMN, TYPE, NULLABLE, IDENTITY, DEFAULT, PRIMARY_KEY, FOREIGN_KEY, UNIQUE, INDEX, SEQUENCE }

  @Override
  public String toString() {
    return aspect + " " + table + (subject == null ? "" : " " + subject) + ": hibernate "
        + (hibernate == null ? "has none" : hibernate) + ", schemagov " + (schemagov == null ? "has none" : schemagov);
  }
}
