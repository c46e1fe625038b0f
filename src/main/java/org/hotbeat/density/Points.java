package org.hotbeat.density;

import java.util.Arrays;
import org.hotbeat.geo.MetricProjection;

/**
 * Weighted points (incidents) in a metric plane: x, y in metres, each with a weight (1 for a
 * plain count). Validated when built: coordinates finite, weights finite and not negative.
 *
 * <p>The arrays are taken over, not copied (a million points are 24 MB): the caller must not
 * change them afterwards. Read-only use from many threads is safe.
 */
public final class Points {
  private final double[] xs;
  private final double[] ys;
  private final double[] weights;

  private Points(double[] xs, double[] ys, double[] weights) {
    if (xs == null || ys == null || xs.length != ys.length) {
      throw new IllegalArgumentException("x and y must be arrays of the same length");
    }
    if (weights != null && weights.length != xs.length) {
      throw new IllegalArgumentException("weights must have one value per point");
    }
    for (int i = 0; i < xs.length; i++) {
      if (!Double.isFinite(xs[i]) || !Double.isFinite(ys[i])) {
        throw new IllegalArgumentException("point " + i + " has a coordinate that is not a finite number ("
            + xs[i] + ", " + ys[i] + ")");
      }
      if (weights != null && !(weights[i] >= 0 && Double.isFinite(weights[i]))) {
        throw new IllegalArgumentException("point " + i + " has weight " + weights[i]
            + "; weights must be finite and not negative");
      }
    }
    this.xs = xs;
    this.ys = ys;
    this.weights = weights;
  }

  /** Unweighted points (each counts 1). */
  public static Points of(double[] xs, double[] ys) {
    return new Points(xs, ys, null);
  }

  /** Weighted points; {@code weights} null means all 1. */
  public static Points weighted(double[] xs, double[] ys, double[] weights) {
    return new Points(xs, ys, weights);
  }

  /**
   * Points from WGS84 longitudes/latitudes (degrees), projected to metres with {@code projection};
   * {@code weights} may be null.
   */
  public static Points projected(double[] lons, double[] lats, double[] weights, MetricProjection projection) {
    if (lons.length != lats.length) {
      throw new IllegalArgumentException("longitudes and latitudes must be arrays of the same length");
    }
    double[] xs = new double[lons.length];
    double[] ys = new double[lats.length];
    for (int i = 0; i < lons.length; i++) {
      if (!(Math.abs(lons[i]) <= 180) || !(Math.abs(lats[i]) <= 90)) {
        throw new IllegalArgumentException("point " + i + " is not a WGS84 longitude/latitude: ("
            + lons[i] + ", " + lats[i] + ")");
      }
      double[] xy = projection.forward(lons[i], lats[i]);
      xs[i] = xy[0];
      ys[i] = xy[1];
    }
    return new Points(xs, ys, weights);
  }

  public int size() {
    return xs.length;
  }

  public double x(int i) {
    return xs[i];
  }

  public double y(int i) {
    return ys[i];
  }

  public double weight(int i) {
    return weights == null ? 1 : weights[i];
  }

  public boolean isWeighted() {
    return weights != null;
  }

  /** Sum of the weights (the number of points when unweighted). */
  public double totalWeight() {
    return weights == null ? xs.length : Arrays.stream(weights).sum();
  }
}
