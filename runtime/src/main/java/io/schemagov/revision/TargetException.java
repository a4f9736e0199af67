package io.schemagov.revision;

/** A target ({@code head}, {@code base}, an id, {@code +N}, {@code -N}) that names no revision. */
public class TargetException extends IllegalArgumentException {
  public TargetException(String message) {
    super(message);
  }
}
