package io.schemagov.processor.jpa;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Name;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * An annotation read by its qualified name, with typed accessors that tolerate malformed values
 * (they answer the default instead of throwing: javac reports the malformed value itself).
 */
public final class Ann {
  private static final String JAKARTA = "jakarta.persistence.";
  private static final String JAVAX = "javax.persistence.";

  private final AnnotationMirror mirror;
  private final Map<? extends ExecutableElement, ? extends AnnotationValue> explicit;

  private Ann(AnnotationMirror mirror) {
    this.mirror = mirror;
    this.explicit = mirror.getElementValues();
  }

  public static Ann of(AnnotationMirror mirror) {
    return new Ann(mirror);
  }

  /**
   * The text of annotation type and attribute names. javac decodes a name's bytes into a new String on
   * every comparison, and the reader compares them thousands of times per entity; these names are few,
   * so each one's text is kept, weakly: the names, and their entries, go with their compilation.
   */
  private static final Map<Name, String> TEXT = Collections.synchronizedMap(new WeakHashMap<>());

  private static String text(Name name) {
    return TEXT.computeIfAbsent(name, Name::toString);
  }

  /** A persistence annotation by simple name, {@code jakarta.persistence} or {@code javax.persistence}. */
  public static Optional<Ann> jpa(Element e, String simpleName) {
    AnnotationMirror javax = null;
    for (AnnotationMirror m : e.getAnnotationMirrors()) {
      String type = text(((TypeElement) m.getAnnotationType().asElement()).getQualifiedName());
      if (named(type, JAKARTA, simpleName)) {
        return Optional.of(new Ann(m));
      }
      if (javax == null && named(type, JAVAX, simpleName)) {
        javax = m;
      }
    }
    return Optional.ofNullable(javax).map(Ann::new);
  }

  /** {@code type} is {@code pkg + simpleName}, tested without building that string. */
  private static boolean named(String type, String pkg, String simpleName) {
    return type.length() == pkg.length() + simpleName.length() && type.startsWith(pkg) && type.endsWith(simpleName);
  }

  public static boolean hasJpa(Element e, String simpleName) {
    return jpa(e, simpleName).isPresent();
  }

  public static Optional<Ann> exact(Element e, String qualifiedName) {
    for (AnnotationMirror m : e.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) m.getAnnotationType().asElement();
      if (text(type.getQualifiedName()).equals(qualifiedName)) {
        return Optional.of(new Ann(m));
      }
    }
    return Optional.empty();
  }

  /** The persistence annotations named {@code single} and the ones in its container {@code plural}. */
  public static List<Ann> repeated(Element e, String single, String plural) {
    List<Ann> out = new ArrayList<>();
    jpa(e, single).ifPresent(out::add);
    jpa(e, plural).ifPresent(p -> out.addAll(p.annotations("value")));
    return out;
  }

  public AnnotationMirror mirror() {
    return mirror;
  }

  /** The value written for {@code name}, null when it was left to its default. */
  public AnnotationValue value(String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : explicit.entrySet()) {
      if (text(e.getKey().getSimpleName()).equals(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  public Source source(Element element, String attribute) {
    return new Source(element, mirror, value(attribute));
  }

  /** The written string, or empty (every persistence string attribute defaults to ""). */
  public String string(String name) {
    AnnotationValue v = value(name);
    return v != null && v.getValue() instanceof String s ? s : "";
  }

  public boolean bool(String name, boolean dflt) {
    AnnotationValue v = value(name);
    return v != null && v.getValue() instanceof Boolean b ? b : dflt;
  }

  public int integer(String name, int dflt) {
    AnnotationValue v = value(name);
    return v != null && v.getValue() instanceof Integer i ? i : dflt;
  }

  /** The enum constant's name, or {@code dflt}. */
  public String enumName(String name, String dflt) {
    AnnotationValue v = value(name);
    return v != null && v.getValue() instanceof VariableElement c ? c.getSimpleName().toString() : dflt;
  }

  /** A class value that names a real type ({@code void.class} and errors count as absent). */
  public Optional<TypeElement> type(String name) {
    AnnotationValue v = value(name);
    if (v != null && v.getValue() instanceof TypeMirror t && t.getKind() == TypeKind.DECLARED) {
      return Optional.of((TypeElement) ((DeclaredType) t).asElement());
    }
    return Optional.empty();
  }

  public Optional<Ann> annotation(String name) {
    AnnotationValue v = value(name);
    return v != null && v.getValue() instanceof AnnotationMirror m
        ? Optional.of(new Ann(m))
        : Optional.empty();
  }

  /** Nested annotations of an array attribute (a single value counts as a one-element array). */
  public List<Ann> annotations(String name) {
    List<Ann> out = new ArrayList<>();
    AnnotationValue v = value(name);
    if (v == null) {
      return out;
    }
    if (v.getValue() instanceof AnnotationMirror m) {
      out.add(new Ann(m));
    } else if (v.getValue() instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof AnnotationValue av && av.getValue() instanceof AnnotationMirror m) {
          out.add(new Ann(m));
        }
      }
    }
    return out;
  }

  /** Strings of an array attribute (a single value counts as a one-element array). */
  public List<String> strings(String name) {
    List<String> out = new ArrayList<>();
    AnnotationValue v = value(name);
    if (v == null) {
      return out;
    }
    if (v.getValue() instanceof String s) {
      out.add(s);
    } else if (v.getValue() instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof AnnotationValue av && av.getValue() instanceof String s) {
          out.add(s);
        }
      }
    }
    return out;
  }
}
