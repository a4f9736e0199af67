package io.schemagov.processor.rules;

import io.schemagov.processor.jpa.Ann;
import java.util.List;
import javax.lang.model.element.Element;

/** {@code @SuppressWarnings("schemagov:<key>")} on an element or any element enclosing it. */
public final class Suppressions {
  private Suppressions() {}

  public static boolean suppressed(Element element, String key) {
    for (Element e = element; e != null; e = e.getEnclosingElement()) {
      List<String> values =
          Ann.exact(e, "java.lang.SuppressWarnings").map(a -> a.strings("value")).orElse(List.of());
      if (values.contains("schemagov:" + key) || values.contains(Messages.SUPPRESS_ALL)) {
        return true;
      }
    }
    return false;
  }
}
