package io.schemagov.processor;

import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Whether a class can be read yet: no missing type in its hierarchy, members or annotations, and
 * no malformed annotation value. Like google/auto's BasicAnnotationProcessor, an invalid class is
 * deferred to a later round, where another processor may have generated what it lacks; if it is
 * still invalid when processing ends, javac's own errors say why and schemagov adds one note naming them.
 */
final class Validity {
  private Validity() {}

  static boolean isValid(TypeElement type) {
    for (TypeElement t = type; t != null; t = superclass(t)) {
      if (t.getSuperclass().getKind() == TypeKind.ERROR || !annotationsValid(t)) {
        return false;
      }
      for (Element member : t.getEnclosedElements()) {
        TypeMirror mt = member instanceof ExecutableElement m ? m.getReturnType() : member.asType();
        if (!typeValid(mt) || !annotationsValid(member)) {
          return false;
        }
      }
    }
    return true;
  }

  private static TypeElement superclass(TypeElement t) {
    TypeMirror s = t.getSuperclass();
    return s.getKind() == TypeKind.DECLARED ? (TypeElement) ((DeclaredType) s).asElement() : null;
  }

  private static boolean typeValid(TypeMirror t) {
    if (t.getKind() == TypeKind.ERROR) {
      return false;
    }
    if (t instanceof ArrayType a) {
      return typeValid(a.getComponentType());
    }
    if (t instanceof DeclaredType d) {
      for (TypeMirror arg : d.getTypeArguments()) {
        if (!typeValid(arg)) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean annotationsValid(Element e) {
    for (AnnotationMirror m : e.getAnnotationMirrors()) {
      if (!mirrorValid(m)) {
        return false;
      }
    }
    return true;
  }

  private static boolean mirrorValid(AnnotationMirror m) {
    if (m.getAnnotationType().getKind() == TypeKind.ERROR) {
      return false;
    }
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : m.getElementValues().entrySet()) {
      if (!valueValid(e.getValue())) {
        return false;
      }
    }
    return true;
  }

  /** javac renders an unresolvable or ill-typed annotation value as {@code <error>}. */
  private static boolean valueValid(AnnotationValue v) {
    Object value = v.getValue();
    if (value == null || v.toString().equals("<error>")) {
      return false;
    }
    if (value instanceof TypeMirror t) {
      return typeValid(t);
    }
    if (value instanceof AnnotationMirror nested) {
      return mirrorValid(nested);
    }
    if (value instanceof List<?> list) {
      for (Object o : list) {
        if (!(o instanceof AnnotationValue av) || !valueValid(av)) {
          return false;
        }
      }
    }
    return true;
  }
}
