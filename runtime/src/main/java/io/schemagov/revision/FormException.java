package io.schemagov.revision;

/** A field of a revision file that does not say what it must; the message says what to write. */
final class FormException extends RuntimeException {
  FormException(String message) {
    super(message);
  }
}
