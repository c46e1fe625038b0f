package org.hotbeat.density;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Ripley's K-function of a point pattern in a rectangular window, on an even grid of distances
 * r_0 = 0 … r_max, with the edge correction spatstat's {@code Kest(X, correction = "good")} picks:
 * Ripley's isotropic below 1,000 points, translation below 3,000, border below 100,000, none
 * above. For a window that is not a rectangle only border and none are offered. K(r) is in
 * units² (m²): for complete spatial randomness K(r) = πr².
 */
final class KFunction {
  enum Correction { ISOTROPIC, TRANSLATE, BORDER, NONE }

  private KFunction() {}

  static Correction good(int n, Geometry window) {
    boolean rect = window.isRectangle();
    if (n < 1000 && rect) {
      return Correction.ISOTROPIC;
    }
    if (n < 3000 && rect) {
      return Correction.TRANSLATE;
    }
    return n < 100_000 ? Correction.BORDER : Correction.NONE;
  }

  /** K at r_k = k · rmax / (steps − 1), k = 0 … steps − 1. */
  static double[] estimate(Points points, Geometry window, double rmax, int steps, Correction correction) {
    int n = points.size();
    Envelope box = window.getEnvelopeInternal();
    double area = window.getArea();
    double dr = rmax / (steps - 1);
    double[] bins = new double[steps];
    double[] border = new double[n];
    int[] borderCount = new int[steps];
    if (correction == Correction.BORDER) {
      for (int i = 0; i < n; i++) {
        border[i] = window.getBoundary().distance(
            window.getFactory().createPoint(new org.locationtech.jts.geom.Coordinate(points.x(i), points.y(i))));
        for (int k = 0; k < steps && k * dr <= border[i]; k++) {
          borderCount[k]++;
        }
      }
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(points.x(a), points.x(b)));
    for (int a = 0; a < n; a++) {
      int i = order[a];
      for (int b = a + 1; b < n; b++) {
        int j = order[b];
        double dx = points.x(j) - points.x(i);
        if (dx > rmax) {
          break;
        }
        double dy = points.y(j) - points.y(i);
        double d = Math.sqrt(dx * dx + dy * dy);
        if (d > rmax) {
          continue;
        }
        int k = (int) Math.ceil(d / dr);
        if (k > 0 && (k - 1) * dr >= d) {
          k--;
        }
        switch (correction) {
          case NONE -> bins[k] += 2;
          case TRANSLATE -> bins[k] += 2 * area
              / ((box.getWidth() - Math.abs(dx)) * (box.getHeight() - Math.abs(dy)));
          case ISOTROPIC -> bins[k] += ripley(points.x(i), points.y(i), d, box)
              + ripley(points.x(j), points.y(j), d, box);
          case BORDER -> {
            // Pair (i, j) counts for i at every r ≤ b_i, and for j at every r ≤ b_j.
            addBorder(bins, k, border[i], dr);
            addBorder(bins, k, border[j], dr);
          }
        }
      }
    }
    double[] out = new double[steps];
    if (correction == Correction.BORDER) {
      // bins holds +1 at k and −1 past the last r with r ≤ b: a running sum gives the numerator.
      double lambda = n / area;
      double running = 0;
      for (int k = 0; k < steps; k++) {
        running += bins[k];
        out[k] = borderCount[k] == 0 ? Double.NaN : running / (lambda * borderCount[k]);
      }
      return out;
    }
    double running = 0;
    for (int k = 0; k < steps; k++) {
      running += bins[k];
      out[k] = area * running / ((double) n * (n - 1));
    }
    return out;
  }

  private static void addBorder(double[] bins, int k, double b, double dr) {
    int last = (int) Math.floor(b / dr);
    if (last >= bins.length) {
      last = bins.length - 1;
    }
    if (k <= last) {
      bins[k] += 1;
      if (last + 1 < bins.length) {
        bins[last + 1] -= 1;
      }
    }
  }

  /** Ripley's weight: 1 / the share of the circle of radius r around (x, y) inside the box (≤ 100). */
  static double ripley(double x, double y, double r, Envelope box) {
    if (r == 0) {
      return 1;
    }
    double aL = angle(x - box.getMinX(), r);
    double aR = angle(box.getMaxX() - x, r);
    double aD = angle(y - box.getMinY(), r);
    double aU = angle(box.getMaxY() - y, r);
    double outside = 2 * (aL + aR + aD + aU);
    double half = Math.PI / 2;
    outside -= Math.max(0, aL + aU - half) + Math.max(0, aU + aR - half)
        + Math.max(0, aR + aD - half) + Math.max(0, aD + aL - half);
    double inside = 1 - outside / (2 * Math.PI);
    return Math.min(100, 1 / inside);
  }

  private static double angle(double dist, double r) {
    return dist < r ? Math.acos(dist / r) : 0;
  }
}
