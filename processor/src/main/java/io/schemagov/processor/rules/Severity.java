package io.schemagov.processor.rules;

import javax.tools.Diagnostic;

/** How a finding is reported: an error fails the build, a warning can be suppressed. */
public enum Severity {
  ERROR(Diagnostic.Kind.ERROR),
  WARNING(Diagnostic.Kind.WARNING);

  private final Diagnostic.Kind kind;

  Severity(Diagnostic.Kind kind) {
    this.kind = kind;
  }

  public Diagnostic.Kind kind() {
    return kind;
  }
}
