package org.hotbeat.demo;

/** Fast fixed-point formatting for coordinates (String.format is too slow for millions of rows). */
final class Decimals {
  private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000,
      10_000_000, 100_000_000};

  private Decimals() {}

  /** Appends {@code v} rounded to exactly {@code digits} decimals (1–8). */
  static StringBuilder append(StringBuilder b, double v, int digits) {
    long scale = POWERS[digits];
    long scaled = Math.round(v * scale);
    if (scaled < 0) {
      b.append('-');
      scaled = -scaled;
    }
    b.append(scaled / scale).append('.');
    long frac = scaled % scale;
    for (long p = scale / 10; p > 0; p /= 10) {
      b.append((char) ('0' + frac / p % 10));
    }
    return b;
  }

  static String format(double v, int digits) {
    return append(new StringBuilder(16), v, digits).toString();
  }
}
