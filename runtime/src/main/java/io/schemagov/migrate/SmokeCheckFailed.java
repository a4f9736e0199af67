package io.schemagov.migrate;

/** A smoke check found what it guards against; the message says what and where. */
final class SmokeCheckFailed extends RuntimeException {
  SmokeCheckFailed(String message) {
    super(message);
  }
}
