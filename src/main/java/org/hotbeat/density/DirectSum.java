package org.hotbeat.density;

/**
 * The kernel sum Σ w_i K(u − x_i) evaluated exactly, point by point, at any location: slow
 * (every point within reach is visited) but free of binning error. The reference for checks and
 * what the bandwidth selectors use at the points themselves. Points are bucketed once by the
 * cut-off distance: 8σ for the Gaussian (as spatstat; the tail beyond is below 1e-14 of the peak),
 * the support radius for the others. Thread-safe after construction.
 */
public final class DirectSum {
  private final Points points;
  private final Kernel kernel;
  private final double bandwidth;
  private final double cutoff;
  private final double minX;
  private final double minY;
  private final double side;
  private final int nx;
  private final int ny;
  private final int[] start;
  private final int[] order;

  public DirectSum(Points points, Kernel kernel, double bandwidth) {
    this(points, kernel, bandwidth, kernel == Kernel.GAUSSIAN ? 8 * bandwidth : bandwidth);
  }

  /** With a cut-off distance of one's own (spatstat widens it for leave-one-out sums). */
  DirectSum(Points points, Kernel kernel, double bandwidth, double cutoff) {
    this.points = points;
    this.kernel = kernel;
    this.bandwidth = bandwidth;
    this.cutoff = cutoff;
    if (points.size() == 0) {
      throw new IllegalArgumentException("no points to sum: the point set is empty");
    }
    double x0 = Double.MAX_VALUE;
    double y0 = Double.MAX_VALUE;
    double x1 = -Double.MAX_VALUE;
    double y1 = -Double.MAX_VALUE;
    for (int i = 0; i < points.size(); i++) {
      x0 = Math.min(x0, points.x(i));
      y0 = Math.min(y0, points.y(i));
      x1 = Math.max(x1, points.x(i));
      y1 = Math.max(y1, points.y(i));
    }
    minX = x0;
    minY = y0;
    // Buckets no smaller than the cut-off, and not more than about 4 per point.
    side = Math.max(Math.max(cutoff, 1e-9 * Math.max(x1 - x0, y1 - y0)),
        Math.sqrt((x1 - x0) * (y1 - y0) / Math.max(1, 4.0 * points.size())));
    nx = (int) Math.floor((x1 - x0) / side) + 1;
    ny = (int) Math.floor((y1 - y0) / side) + 1;
    start = new int[nx * ny + 1];
    order = new int[points.size()];
    int[] bucket = new int[points.size()];
    for (int i = 0; i < points.size(); i++) {
      bucket[i] = bucketX(points.x(i)) + nx * bucketY(points.y(i));
      start[bucket[i] + 1]++;
    }
    for (int b = 0; b < nx * ny; b++) {
      start[b + 1] += start[b];
    }
    int[] fill = start.clone();
    for (int i = 0; i < points.size(); i++) {
      order[fill[bucket[i]]++] = i;
    }
  }

  private int bucketX(double x) {
    return (int) Math.min(nx - 1, Math.max(0, Math.floor((x - minX) / side)));
  }

  private int bucketY(double y) {
    return (int) Math.min(ny - 1, Math.max(0, Math.floor((y - minY) / side)));
  }

  /** Σ w_i K(u − x_i) at (x, y), per unit area (per m² for metres). */
  public double at(double x, double y) {
    return sum(x, y, -1);
  }

  /** The sum without point {@code skip} (leave-one-out). */
  public double atPointLeavingOut(int skip) {
    return sum(points.x(skip), points.y(skip), skip);
  }

  private double sum(double x, double y, int skip) {
    int bx0 = bucketX(x - cutoff);
    int bx1 = bucketX(x + cutoff);
    int by0 = bucketY(y - cutoff);
    int by1 = bucketY(y + cutoff);
    double c2 = cutoff * cutoff;
    double s = 0;
    for (int by = by0; by <= by1; by++) {
      for (int bx = bx0; bx <= bx1; bx++) {
        int b = bx + nx * by;
        for (int k = start[b]; k < start[b + 1]; k++) {
          int i = order[k];
          double dx = x - points.x(i);
          double dy = y - points.y(i);
          double d2 = dx * dx + dy * dy;
          if (d2 <= c2 && i != skip) {
            s += points.weight(i) * kernel.value(d2, bandwidth);
          }
        }
      }
    }
    return s;
  }
}
