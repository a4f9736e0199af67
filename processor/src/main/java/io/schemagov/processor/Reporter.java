package io.schemagov.processor;

import io.schemagov.processor.rules.Finding;
import io.schemagov.processor.rules.Severity;
import io.schemagov.processor.rules.Suppressions;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.Messager;

/**
 * Prints findings on the element, annotation and attribute at fault (so IDEs underline it). A
 * warning is dropped when the element or an enclosing one carries {@code
 * @SuppressWarnings("schemagov:<key>")} or {@code "schemagov:all"}; errors are always printed.
 * A finding met twice (a mapped superclass read for each of its entities) is printed once.
 */
final class Reporter {
  private final Messager messager;

  Reporter(Messager messager) {
    this.messager = messager;
  }

  void report(List<Finding> findings) {
    Set<Finding> unique = new LinkedHashSet<>(findings);
    for (Finding f : unique) {
      if (f.severity() == Severity.WARNING && Suppressions.suppressed(f.element(), f.key())) {
        continue;
      }
      if (f.element() == null) {
        messager.printMessage(f.severity().kind(), f.message());
      } else {
        messager.printMessage(f.severity().kind(), f.message(), f.element(), f.mirror(), f.value());
      }
    }
  }
}
