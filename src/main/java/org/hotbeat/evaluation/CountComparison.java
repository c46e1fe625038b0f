package org.hotbeat.evaluation;

import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * Whether a count changed more than chance explains: the exact conditional test for two Poisson
 * counts. Under equal rates, given the total {@code a + b}, {@code a} is binomial with
 * probability {@code ta / (ta + tb)} (the share of exposure time). The two-sided p-value sums the
 * probabilities of all outcomes no more likely than the one observed, as R's {@code binom.test}
 * and {@code poisson.test} do. Stateless and thread-safe.
 */
public final class CountComparison {
  /** {@code change} is (a − b) / b, or null when b = 0. */
  public record Result(long current, long previous, Double change, double p) {}

  /** R's relative tolerance for "no more likely than observed" (binom.test uses 1 + 1e-7). */
  private static final double RELATIVE = 1 + 1e-7;

  private CountComparison() {}

  /**
   * @param current count in the current period
   * @param previous count in the period compared with
   * @param currentLength length of the current period (any unit)
   * @param previousLength length of the other period (same unit)
   */
  public static Result compare(long current, long previous, double currentLength,
      double previousLength) {
    if (current < 0 || previous < 0) {
      throw new IllegalArgumentException("counts cannot be negative");
    }
    if (!(currentLength > 0) || !(previousLength > 0)) {
      throw new IllegalArgumentException("periods must have a positive length");
    }
    long n = current + previous;
    Double change = previous == 0 ? null : (current - (double) previous) / previous;
    if (n == 0) {
      return new Result(current, previous, change, 1.0);
    }
    double share = currentLength / (currentLength + previousLength);
    BinomialDistribution b = new BinomialDistribution(null, (int) n, share);
    double observed = b.probability((int) current);
    double p = 0;
    for (int k = 0; k <= n; k++) {
      double pk = b.probability(k);
      if (pk <= observed * RELATIVE) {
        p += pk;
      }
    }
    return new Result(current, previous, change, Math.min(1, p));
  }
}
