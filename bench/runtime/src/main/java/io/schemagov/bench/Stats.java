package io.schemagov.bench;

import java.util.Arrays;

/** Timings of one contender over the rounds, in milliseconds. */
final class Stats {
  private final double[] millis;

  Stats(double[] millis) {
    this.millis = millis.clone();
    Arrays.sort(this.millis);
  }

  double min() {
    return millis[0];
  }

  double median() {
    int n = millis.length;
    return n % 2 == 1 ? millis[n / 2] : (millis[n / 2 - 1] + millis[n / 2]) / 2;
  }

  static double since(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e6;
  }

  static String ms(double millis) {
    return millis >= 100 ? String.format("%,.0f", millis) : String.format("%.1f", millis);
  }

  static String ratio(double value, double base) {
    return String.format("%.2fx", value / base);
  }
}
