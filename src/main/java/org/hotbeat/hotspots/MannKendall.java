package org.hotbeat.hotspots;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The Mann–Kendall test for a monotonic trend in a series, with the tie correction of its
 * variance and the continuity correction of its normal approximation:
 *
 * <pre>
 *   S = Σ_{i&lt;j} sign(xⱼ − xᵢ)
 *   Var(S) = [n(n−1)(2n+5) − Σₜ t(t−1)(2t+5)] / 18      (t: sizes of groups of equal values)
 *   Z = (S − 1)/√Var if S &gt; 0,  (S + 1)/√Var if S &lt; 0,  0 otherwise;   p = 2Φ(−|Z|)
 * </pre>
 *
 * Stateless and thread-safe.
 */
public final class MannKendall {
  /** S, its Z, the two-sided p, and Kendall's tau = S / (n(n−1)/2). */
  public record Trend(double s, double z, double p, double tau) {
    /** +1 for a significant increase, −1 for a significant decrease, 0 for none, at level alpha. */
    public int direction(double alpha) {
      return p < alpha ? (int) Math.signum(s) : 0;
    }
  }

  private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

  private MannKendall() {}

  public static Trend test(double[] x) {
    int n = x.length;
    if (n < 3) {
      throw new IllegalArgumentException("a trend needs at least 3 time steps, got " + n);
    }
    double s = 0;
    for (int i = 0; i < n - 1; i++) {
      for (int j = i + 1; j < n; j++) {
        s += Math.signum(x[j] - x[i]);
      }
    }
    double[] sorted = x.clone();
    java.util.Arrays.sort(sorted);
    double ties = 0;
    for (int i = 0; i < n; ) {
      int j = i;
      while (j < n && sorted[j] == sorted[i]) {
        j++;
      }
      double t = j - i;
      ties += t * (t - 1) * (2 * t + 5);
      i = j;
    }
    double var = (n * (n - 1.0) * (2 * n + 5) - ties) / 18;
    double z = var <= 0 ? 0 : s > 0 ? (s - 1) / Math.sqrt(var) : s < 0 ? (s + 1) / Math.sqrt(var)
        : 0;
    double p = 2 * NORMAL.cumulativeProbability(-Math.abs(z));
    return new Trend(s, z, p, s / (n * (n - 1) / 2.0));
  }
}
