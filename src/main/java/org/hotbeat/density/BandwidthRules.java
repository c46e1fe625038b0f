package org.hotbeat.density;

import java.util.Arrays;

/**
 * Closed-form bandwidths from the spread of the points (units of the coordinates, metres).
 * Stateless and thread-safe.
 */
public final class BandwidthRules {
  private BandwidthRules() {}

  /**
   * ArcGIS Pro's default search radius for Kernel Density, a spatial variant of Silverman's rule
   * of thumb ("How Kernel Density works", Esri; Silverman 1986, eq. 3.31):
   *
   * <pre>  radius = 0.9 · min(SD, √(1/ln 2) · Dm) · n^(−0.2)</pre>
   *
   * where SD is the standard distance √(Σ w_i d_i² / Σ w_i) of the points from their (weighted)
   * mean centre, Dm the (weighted) median of those distances d_i, and n = Σ w_i (the number of
   * points when unweighted). ArcGIS uses the result as the radius of its quartic kernel, so this
   * returns a quartic support radius; {@link #forKernel} gives the kernel with the same per-axis
   * spread for another kernel.
   */
  public static double arcgisSilvermanRadius(Points points) {
    int n = points.size();
    requireSome(points, 2);
    double total = points.totalWeight();
    if (!(total > 0)) {
      throw new IllegalArgumentException("all weights are 0");
    }
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += points.weight(i) * points.x(i);
      my += points.weight(i) * points.y(i);
    }
    mx /= total;
    my /= total;
    double[][] dist = new double[n][];
    double sumSq = 0;
    for (int i = 0; i < n; i++) {
      double d = Math.hypot(points.x(i) - mx, points.y(i) - my);
      dist[i] = new double[] {d, points.weight(i)};
      sumSq += points.weight(i) * d * d;
    }
    double sd = Math.sqrt(sumSq / total);
    Arrays.sort(dist, (a, b) -> Double.compare(a[0], b[0]));
    double median = weightedMedian(dist, total);
    double radius = 0.9 * Math.min(sd, Math.sqrt(1 / Math.log(2)) * median) * Math.pow(total, -0.2);
    if (!(radius > 0)) {
      throw new IllegalArgumentException("the points do not spread out: every point is at the same place");
    }
    return radius;
  }

  /**
   * Scott's rule as spatstat's {@code bw.scott(X, isotropic = TRUE)}: the Gaussian σ
   * √(sd(x)·sd(y)) · n^(−1/6), with sample standard deviations (divisor n − 1), unweighted.
   */
  public static double scottIsotropic(Points points) {
    double[] s = scott(points);
    return Math.sqrt(s[0] * s[1]);
  }

  /** spatstat's {@code bw.scott(X)}: {sd(x)·n^(−1/6), sd(y)·n^(−1/6)}, unweighted. */
  public static double[] scott(Points points) {
    int n = points.size();
    requireSome(points, 2);
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += points.x(i);
      my += points.y(i);
    }
    mx /= n;
    my /= n;
    double sx = 0;
    double sy = 0;
    for (int i = 0; i < n; i++) {
      sx += (points.x(i) - mx) * (points.x(i) - mx);
      sy += (points.y(i) - my) * (points.y(i) - my);
    }
    double f = Math.pow(n, -1.0 / 6);
    return new double[] {Math.sqrt(sx / (n - 1)) * f, Math.sqrt(sy / (n - 1)) * f};
  }

  /**
   * The bandwidth for {@code to} whose kernel has the same per-axis standard deviation as
   * {@code from} with bandwidth {@code h} (e.g. a quartic radius R → Gaussian σ = R/√8).
   */
  public static double forKernel(double h, Kernel from, Kernel to) {
    return to.bandwidthForSd(from.sdFor(h));
  }

  private static double weightedMedian(double[][] sorted, double total) {
    double half = total / 2;
    double acc = 0;
    for (int i = 0; i < sorted.length; i++) {
      acc += sorted[i][1];
      if (acc > half) {
        return sorted[i][0];
      }
      if (acc == half && i + 1 < sorted.length) {
        return (sorted[i][0] + sorted[i + 1][0]) / 2;
      }
    }
    return sorted[sorted.length - 1][0];
  }

  private static void requireSome(Points points, int atLeast) {
    if (points.size() < atLeast) {
      throw new IllegalArgumentException("a bandwidth rule needs at least " + atLeast
          + " points, got " + points.size());
    }
  }
}
