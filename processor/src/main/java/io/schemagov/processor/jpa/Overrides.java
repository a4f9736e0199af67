package io.schemagov.processor.jpa;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;

/**
 * {@code @AttributeOverride(s)} and {@code @AssociationOverride(s)} by attribute path. Outer
 * overrides win over inner ones, as the JPA specification says.
 */
final class Overrides {
  private static final Overrides NONE = new Overrides(Map.of(), Map.of());

  private final Map<String, Ann> columns;
  private final Map<String, Ann> associations;

  private Overrides(Map<String, Ann> columns, Map<String, Ann> associations) {
    this.columns = columns;
    this.associations = associations;
  }

  static Overrides of(Element e) {
    Map<String, Ann> columns = new HashMap<>();
    for (Ann o : Ann.repeated(e, "AttributeOverride", "AttributeOverrides")) {
      o.annotation("column").ifPresent(c -> columns.put(o.string("name"), c));
    }
    Map<String, Ann> associations = new HashMap<>();
    for (Ann o : Ann.repeated(e, "AssociationOverride", "AssociationOverrides")) {
      associations.put(o.string("name"), o);
    }
    return columns.isEmpty() && associations.isEmpty() ? NONE : new Overrides(columns, associations);
  }

  /** The {@code @Column} replacing the mapping of {@code path}, or null. */
  Ann column(String path) {
    return columns.get(path);
  }

  /** The {@code @JoinColumn}s replacing those of {@code path}, empty when not overridden. */
  List<Ann> joinColumns(String path) {
    Ann a = associations.get(path);
    return a == null ? List.of() : a.annotations("joinColumns");
  }

  /** Overrides addressed to the attributes inside {@code path}, merged over {@code inner}. */
  Overrides nested(String path, Overrides inner) {
    String prefix = path + ".";
    Map<String, Ann> c = new HashMap<>(inner.columns);
    columns.forEach((k, v) -> {
      if (k.startsWith(prefix)) {
        c.put(k.substring(prefix.length()), v);
      }
    });
    Map<String, Ann> a = new HashMap<>(inner.associations);
    associations.forEach((k, v) -> {
      if (k.startsWith(prefix)) {
        a.put(k.substring(prefix.length()), v);
      }
    });
    return c.isEmpty() && a.isEmpty() ? NONE : new Overrides(c, a);
  }
}
