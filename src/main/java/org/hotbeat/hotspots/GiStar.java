package org.hotbeat.hotspots;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Getis–Ord Gi* local statistics with binary weights that include each cell itself, as spdep's
 * {@code localG} with {@code include.self} and ArcGIS's Hot Spot Analysis compute them:
 *
 * <pre>
 *   x̄ = Σx / n,   s = sqrt(Σx² / n − x̄²)            (population standard deviation)
 *   Wᵢ = Σⱼ wᵢⱼ,  S1ᵢ = Σⱼ wᵢⱼ²                        (j runs over i's neighbours and i)
 *   zᵢ = (Σⱼ wᵢⱼ xⱼ − Wᵢ x̄) / (s · sqrt((n · S1ᵢ − Wᵢ²) / (n − 1)))
 * </pre>
 *
 * P-values are normal: two-sided {@code 2Φ(−|z|)} and upper-tail {@code 1 − Φ(z)}; the
 * false-discovery-rate correction is Benjamini–Hochberg over all cells. Classes follow ArcGIS's
 * {@code Gi_Bin}: ±3, ±2, ±1 for hot (+) or cold (−) spots at 99, 95 and 90 % confidence, 0 for
 * none. Stateless and thread-safe.
 */
public final class GiStar {
  /** Per cell: z, two-sided p, BH-adjusted p, upper-tail p, and the confidence class. */
  public record Result(double[] z, double[] p, double[] pFdr, double[] pUpper, int[] classes) {}

  private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

  private GiStar() {}

  /**
   * @param x the value of each cell (counts)
   * @param fdr classify by the BH-adjusted p (true, as ArcGIS's FDR option) or the raw p
   */
  public static Result compute(double[] x, Neighbours w, boolean fdr) {
    int n = x.length;
    if (w.size() != n) {
      throw new IllegalArgumentException("weights are for " + w.size() + " cells, values for " + n);
    }
    if (n < 3) {
      throw new IllegalArgumentException("Gi* needs at least 3 cells");
    }
    double sum = 0;
    double sumSq = 0;
    for (double v : x) {
      sum += v;
      sumSq += v * v;
    }
    double mean = sum / n;
    double s = Math.sqrt(sumSq / n - mean * mean);
    if (!(s > 0)) {
      throw new IllegalArgumentException("every cell has the same value: Gi* is undefined");
    }
    double[] z = new double[n];
    double[] p = new double[n];
    double[] pUpper = new double[n];
    for (int i = 0; i < n; i++) {
      int[] nb = w.of(i);
      double local = 0;
      for (int j : nb) {
        local += x[j];
      }
      double weight = nb.length;   // binary weights: W = S1 = number of neighbours
      z[i] = (local - weight * mean) / (s * Math.sqrt((n * weight - weight * weight) / (n - 1)));
      p[i] = 2 * NORMAL.cumulativeProbability(-Math.abs(z[i]));
      pUpper[i] = NORMAL.cumulativeProbability(-z[i]);
    }
    double[] pFdr = benjaminiHochberg(p);
    double[] basis = fdr ? pFdr : p;
    int[] classes = new int[n];
    for (int i = 0; i < n; i++) {
      int level = basis[i] < 0.01 ? 3 : basis[i] < 0.05 ? 2 : basis[i] < 0.10 ? 1 : 0;
      classes[i] = z[i] > 0 ? level : -level;
    }
    return new Result(z, p, pFdr, pUpper, classes);
  }

  /** Benjamini–Hochberg adjusted p-values, as R's {@code p.adjust(p, "BH")}. */
  public static double[] benjaminiHochberg(double[] p) {
    int n = p.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(p[b], p[a]));  // largest first
    double[] out = new double[n];
    double running = 1;
    for (int k = 0; k < n; k++) {
      int i = order[k];
      int rank = n - k;
      running = Math.min(running, p[i] * n / rank);
      out[i] = Math.min(1, running);
    }
    return out;
  }
}
