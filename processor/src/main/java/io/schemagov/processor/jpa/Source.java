package io.schemagov.processor.jpa;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * Where a fact was read from, so a diagnostic can underline the exact annotation attribute.
 * {@code mirror} and {@code value} may be null (a defaulted fact points at the element only).
 */
public record Source(Element element, AnnotationMirror mirror, AnnotationValue value) {

  public static Source of(Element element) {
    return new Source(element, null, null);
  }

  public static Source of(Element element, AnnotationMirror mirror) {
    return new Source(element, mirror, null);
  }
}
