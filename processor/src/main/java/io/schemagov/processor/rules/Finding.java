package io.schemagov.processor.rules;

import io.schemagov.processor.jpa.Source;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/** One diagnostic a rule produced; {@code mirror} and {@code value} may be null. */
public record Finding(
    String key, Severity severity, Element element, AnnotationMirror mirror, AnnotationValue value, String message) {

  public static Finding of(Rule rule, Source at, String message) {
    return new Finding(rule.key(), rule.severity(), at.element(), at.mirror(), at.value(), message);
  }
}
