package org.hotbeat.demo;

import java.util.SplittableRandom;

/** Standard normal draws from a {@link SplittableRandom} (which has none on Java 17). */
final class Gaussian {
  private Gaussian() {}

  /** One standard normal value (Box–Muller, one of the pair). */
  static double next(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }

  /** A Poisson count with mean {@code mean} (Knuth; for the small means used here). */
  static int poisson(SplittableRandom random, double mean) {
    double limit = Math.exp(-mean);
    double p = random.nextDouble();
    int k = 0;
    while (p > limit) {
      p *= random.nextDouble();
      k++;
    }
    return k;
  }
}
