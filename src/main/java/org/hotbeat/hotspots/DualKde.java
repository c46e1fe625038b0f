package org.hotbeat.hotspots;

import org.hotbeat.density.DensityEngine;
import org.hotbeat.density.DensityRequest;
import org.hotbeat.density.GridSpec;
import org.hotbeat.density.Kernel;
import org.hotbeat.density.Points;
import org.hotbeat.evaluation.CountComparison;

/**
 * Dual KDE: two periods' kernel densities on one grid, as rates (incidents per km² per day, so
 * periods of different lengths compare), their difference and ratio, and a Poisson band that
 * marks where chance explains the change. For the band, each cell compares the incidents within
 * one bandwidth of its centre (a disc) in the two periods by the exact conditional Poisson test
 * of {@link CountComparison} (given a + b, a is binomial with the share of the first period's
 * length); a change counts when p &lt; alpha. The disc counts come from the same binned
 * convolution as the densities, with a uniform kernel, rounded to whole incidents.
 * Stateless and thread-safe.
 */
public final class DualKde {
  /** Per cell, in raster order (row 0 north): rates per km² per day, their change, the test. */
  public record Result(GridSpec grid, float[] current, float[] base, float[] difference,
      float[] ratio, float[] p, byte[] change) {}

  private DualKde() {}

  /**
   * @param cx, cy the current period's incidents (metres); {@code px, py} the previous period's
   * @param currentDays, previousDays the periods' lengths
   * @param alpha the level below which a change is not chance (e.g. 0.05)
   */
  public static Result compute(double[] cx, double[] cy, double currentDays, double[] px,
      double[] py, double previousDays, GridSpec grid, Kernel kernel, double bandwidth,
      double alpha) {
    if (cx.length == 0 || px.length == 0) {
      throw new IllegalArgumentException("each period needs incidents: the current has "
          + cx.length + ", the previous " + px.length);
    }
    DensityEngine engine = new DensityEngine();
    float[] a = engine.compute(DensityRequest.of(Points.of(cx, cy), grid, kernel, bandwidth))
        .values();
    float[] b = engine.compute(DensityRequest.of(Points.of(px, py), grid, kernel, bandwidth))
        .values();
    double discKm2 = Math.PI * bandwidth * bandwidth / 1e6;
    float[] na = engine.compute(DensityRequest.of(Points.of(cx, cy), grid, Kernel.UNIFORM,
        bandwidth)).values();
    float[] nb = engine.compute(DensityRequest.of(Points.of(px, py), grid, Kernel.UNIFORM,
        bandwidth)).values();
    int n = a.length;
    float[] cur = new float[n];
    float[] prev = new float[n];
    float[] diff = new float[n];
    float[] ratio = new float[n];
    float[] p = new float[n];
    byte[] change = new byte[n];
    // Many cells share the same pair of disc counts (zeros above all); the test is O(a + b).
    java.util.Map<Long, Double> tested = new java.util.HashMap<>();
    for (int i = 0; i < n; i++) {
      cur[i] = (float) (a[i] / currentDays);
      prev[i] = (float) (b[i] / previousDays);
      diff[i] = cur[i] - prev[i];
      ratio[i] = prev[i] > 0 ? cur[i] / prev[i] : cur[i] > 0 ? Float.POSITIVE_INFINITY : Float.NaN;
      long ka = Math.max(0, Math.round(na[i] * discKm2));
      long kb = Math.max(0, Math.round(nb[i] * discKm2));
      double pv = tested.computeIfAbsent(ka << 32 | kb,
          k -> CountComparison.compare(ka, kb, currentDays, previousDays).p());
      p[i] = (float) pv;
      double ra = ka / currentDays;
      double rb = kb / previousDays;
      change[i] = (byte) (pv < alpha ? (ra > rb ? 1 : -1) : 0);
    }
    return new Result(grid, cur, prev, diff, ratio, p, change);
  }
}
