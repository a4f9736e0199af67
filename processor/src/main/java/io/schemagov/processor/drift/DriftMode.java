package io.schemagov.processor.drift;

import java.util.Optional;
import javax.tools.Diagnostic;

/** {@code -Aschemagov.drift}: whether drift fails the build or only warns (the file is written either way). */
public enum DriftMode {
  ERROR("error", Diagnostic.Kind.ERROR),
  WARN("warn", Diagnostic.Kind.WARNING);

  private final String id;
  private final Diagnostic.Kind kind;

  DriftMode(String id, Diagnostic.Kind kind) {
    this.id = id;
    this.kind = kind;
  }

  public String id() {
    return id;
  }

  Diagnostic.Kind kind() {
    return kind;
  }

  /** The mode for an option value; absent means {@link #ERROR}, an unknown value is empty. */
  public static Optional<DriftMode> forOption(String value) {
    if (value == null) {
      return Optional.of(ERROR);
    }
    for (DriftMode mode : values()) {
      if (mode.id.equals(value)) {
        return Optional.of(mode);
      }
    }
    return Optional.empty();
  }
}
