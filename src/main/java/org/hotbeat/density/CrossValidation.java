package org.hotbeat.density;

import org.locationtech.jts.algorithm.ConvexHull;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Data-driven bandwidths for the Gaussian kernel, as R spatstat computes them (spatstat.explore
 * 3.0), on the same 16 candidates: a geometric sequence from the smallest non-zero
 * nearest-neighbour distance to half the window's diameter.
 *
 * <ul>
 *   <li>{@link #likelihood} ({@code bw.ppl}, Loader 1999): maximise
 *       Σ_i log λ̂_{−i}(x_i) − ∫_W λ̂, with λ̂_{−i} the leave-one-out estimate at the point
 *       (uniform edge correction) and ∫_W λ̂ taken over spatstat's 128 × 128 pixel estimate
 *       ({@link SpatstatPixelIntegral}).
 *   <li>{@link #cronieVanLieshout} ({@code bw.CvL}, Cronie &amp; van Lieshout 2018): minimise
 *       (Σ_i 1/λ̂(x_i) − |W|)², no edge correction, no leaving out.
 *   <li>{@link #diggle} ({@code bw.diggle}, Diggle 1985): minimise a mean-square-error criterion
 *       built from the K-function, over spatstat's own fine grid of σ.
 * </ul>
 *
 * <p>λ̂ at the points is summed exactly (cut off at 8σ as spatstat) while that needs fewer than
 * {@value #EXACT_PAIR_BUDGET} kernel evaluations, else read by cubic interpolation from an engine
 * grid of σ/20 cells (which the engine computes at σ/10, {@link Refinement}): about 1e-5 of the
 * peak. Stateless and thread-safe; unweighted points.
 */
public final class CrossValidation {
  static final int CANDIDATES = 16;
  static final double EXACT_PAIR_BUDGET = 3e8;

  private CrossValidation() {}

  /** spatstat's default candidates: 16 σ from min non-zero nn distance to diameter(W)/2. */
  public static double[] candidates(Points points, Geometry window) {
    double from = minPositiveNeighbourDistance(points);
    double to = diameter(window) / 2;
    double[] s = new double[CANDIDATES];
    for (int i = 0; i < CANDIDATES; i++) {
      s[i] = Math.exp(Math.log(from) + (Math.log(to) - Math.log(from)) * i / (CANDIDATES - 1));
    }
    return s;
  }

  public static BandwidthSearch likelihood(Points points, Geometry window) {
    return likelihood(points, window, candidates(points, window));
  }

  /** Likelihood cross-validation at the given σ candidates (the largest criterion wins). */
  public static BandwidthSearch likelihood(Points points, Geometry window, double[] sigmas) {
    requirePoints(points);
    double[] cv = new double[sigmas.length];
    int best = 0;
    for (int s = 0; s < sigmas.length; s++) {
      double sigma = sigmas[s];
      SpatstatPixelIntegral pixels = new SpatstatPixelIntegral(points, window, sigma);
      double[] lam = densityAtPoints(points, sigma, true);
      double sum = 0;
      for (int i = 0; i < points.size(); i++) {
        sum += Math.log(lam[i] / pixels.edgeWeightAt(points.x(i), points.y(i)));
      }
      cv[s] = sum - pixels.integral();
      if (cv[s] > cv[best] || Double.isNaN(cv[best])) {
        best = s;
      }
    }
    return new BandwidthSearch("likelihood cross-validation (bw.ppl)", sigmas, cv, best);
  }

  public static BandwidthSearch cronieVanLieshout(Points points, Geometry window) {
    return cronieVanLieshout(points, window, candidates(points, window));
  }

  /** Cronie–van Lieshout at the given σ candidates (the smallest criterion wins). */
  public static BandwidthSearch cronieVanLieshout(Points points, Geometry window, double[] sigmas) {
    requirePoints(points);
    double area = window.getArea();
    double[] cv = new double[sigmas.length];
    int best = 0;
    for (int s = 0; s < sigmas.length; s++) {
      double[] lam = densityAtPoints(points, sigmas[s], false);
      double sum = 0;
      for (double l : lam) {
        sum += 1 / l;
      }
      cv[s] = (sum - area) * (sum - area);
      if (cv[s] < cv[best]) {
        best = s;
      }
    }
    return new BandwidthSearch("Cronie-van Lieshout (bw.CvL)", sigmas, cv, best);
  }

  /**
   * Diggle's (1985) mean-square-error criterion as spatstat's {@code bw.diggle}, with the
   * Berman–Diggle form M(h) = (1/λ − 2K(h))/(πh²) + J(h)/(πh²)², where λ = n/|W|,
   * J(h) = (1/2π) Σ_k φ_h(r_k) (K(r_{k+1}) − K(r_k)) and φ_h(t) = 4πh²(acos y − y√(1 − y²)),
   * y = min(1, t/2h). K is {@link KFunction}'s on 512 distances up to min(short side/4,
   * √(1000/(πλ))) (spatstat's rmax rule), h runs over those up to half of that, and σ = h/2.
   * The smallest M wins.
   */
  public static BandwidthSearch diggle(Points points, Geometry window) {
    requirePoints(points);
    int n = points.size();
    double area = window.getArea();
    double lambda = n / area;
    Envelope box = window.getEnvelopeInternal();
    double rmax = Math.min(Math.min(box.getWidth(), box.getHeight()) / 4, Math.sqrt(1000 / (Math.PI * lambda)));
    int steps = 512;
    double[] k = KFunction.estimate(points, window, rmax, steps, KFunction.good(n, window));
    double dr = rmax / (steps - 1);
    int last = steps - 1;
    for (int i = 0; i < steps; i++) {
      if (!Double.isFinite(k[i])) {
        last = i - 1;
        break;
      }
    }
    double rmax2 = last * dr / 2;
    int m = 0;
    while (m <= last && m * dr <= rmax2) {
      m++;
    }
    double[] sigmas = new double[m];
    double[] crit = new double[m];
    int best = -1;
    for (int i = 0; i < m; i++) {
      double h = i * dr;
      double j = 0;
      if (h > 0) {
        for (int t = 0; t < last; t++) {
          double y = Math.max(0, Math.min(1, t * dr / (2 * h)));
          j += 4 * Math.PI * h * h * (Math.acos(y) - y * Math.sqrt(1 - y * y)) * (k[t + 1] - k[t]);
        }
      }
      j /= 2 * Math.PI;
      double pir2 = Math.PI * h * h;
      sigmas[i] = h / 2;
      crit[i] = (1 / lambda - 2 * k[i]) / pir2 + j / (pir2 * pir2);
      if (!Double.isNaN(crit[i]) && (best < 0 || crit[i] < crit[best])) {
        best = i;
      }
    }
    return new BandwidthSearch("Berman-Diggle mean-square error (bw.diggle)", sigmas, crit, best);
  }

  /** Gaussian λ̂(x_i) per unit area, without edge correction; optionally leaving x_i out. */
  static double[] densityAtPoints(Points points, double sigma, boolean leaveOneOut) {
    int n = points.size();
    Envelope box = bounds(points);
    // spatstat's cut-off: 8σ, widened for leave-one-out so that every point has a neighbour.
    double cutoff = leaveOneOut ? Math.max(8 * sigma, 2 * maxNearestNeighbourDistance(points)) : 8 * sigma;
    double boxArea = Math.max(box.getWidth(), cutoff) * Math.max(box.getHeight(), cutoff);
    double pairs = (double) n * n * Math.min(1, Math.PI * cutoff * cutoff / boxArea);
    double[] lam = new double[n];
    if (pairs <= EXACT_PAIR_BUDGET) {
      DirectSum exact = new DirectSum(points, Kernel.GAUSSIAN, sigma, cutoff);
      java.util.stream.IntStream.range(0, n).parallel().forEach(i ->
          lam[i] = leaveOneOut ? exact.atPointLeavingOut(i) : exact.at(points.x(i), points.y(i)));
      return lam;
    }
    double cell = Math.max(sigma / 20, Math.max(box.getWidth(), box.getHeight()) / 4000);
    int w = (int) Math.ceil(box.getWidth() / cell) + 8;
    int h = (int) Math.ceil(box.getHeight() / cell) + 8;
    GridSpec grid = new GridSpec(box.getMinX() - 4 * cell, box.getMinY() - 4 * cell, cell, w, h);
    DensityGrid d = new DensityEngine(Long.MAX_VALUE).compute(DensityRequest.of(points, grid, Kernel.GAUSSIAN, sigma));
    double self = Kernel.GAUSSIAN.value(0, sigma);
    double[] wx = new double[4];
    double[] wy = new double[4];
    for (int i = 0; i < n; i++) {
      double u = (points.x(i) - grid.minX()) / cell - 0.5;
      double v = (grid.maxY() - points.y(i)) / cell - 0.5;
      int c0 = (int) Math.floor(u);
      int r0 = (int) Math.floor(v);
      Binning.lagrange(u - c0, wx);
      Binning.lagrange(v - r0, wy);
      double s = 0;
      for (int b = 0; b < 4; b++) {
        for (int a = 0; a < 4; a++) {
          s += wy[b] * wx[a] * d.get(c0 - 1 + a, r0 - 1 + b);
        }
      }
      lam[i] = s / 1e6 - (leaveOneOut ? self : 0);
    }
    return lam;
  }

  /** The smallest distance between two points that are not at the same place. */
  static double minPositiveNeighbourDistance(Points points) {
    int n = points.size();
    Integer[] order = sortedByX(points);
    double best = Double.POSITIVE_INFINITY;
    for (int a = 0; a < n; a++) {
      int i = order[a];
      for (int b = a + 1; b < n; b++) {
        int j = order[b];
        double dx = points.x(j) - points.x(i);
        if (dx >= best) {
          break;
        }
        double d = Math.hypot(dx, points.y(j) - points.y(i));
        if (d > 0 && d < best) {
          best = d;
        }
      }
    }
    if (best == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("all points are at the same place");
    }
    return best;
  }

  /** The largest nearest-neighbour distance (spatstat's {@code maxnndist}). */
  static double maxNearestNeighbourDistance(Points points) {
    int n = points.size();
    Integer[] order = sortedByX(points);
    double worst = 0;
    for (int a = 0; a < n; a++) {
      int i = order[a];
      double best = Double.POSITIVE_INFINITY;
      for (int b = a + 1; b < n && points.x(order[b]) - points.x(i) < best; b++) {
        best = Math.min(best, Math.hypot(points.x(order[b]) - points.x(i), points.y(order[b]) - points.y(i)));
      }
      for (int b = a - 1; b >= 0 && points.x(i) - points.x(order[b]) < best; b--) {
        best = Math.min(best, Math.hypot(points.x(order[b]) - points.x(i), points.y(order[b]) - points.y(i)));
      }
      worst = Math.max(worst, best);
    }
    return worst;
  }

  private static Integer[] sortedByX(Points points) {
    Integer[] order = new Integer[points.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(points.x(a), points.x(b)));
    return order;
  }

  /** The largest distance between two vertices of the window's convex hull. */
  static double diameter(Geometry window) {
    Coordinate[] c = new ConvexHull(window).getConvexHull().getCoordinates();
    double best = 0;
    for (int i = 0; i < c.length; i++) {
      for (int j = i + 1; j < c.length; j++) {
        best = Math.max(best, c[i].distance(c[j]));
      }
    }
    return best;
  }

  private static Envelope bounds(Points points) {
    Envelope e = new Envelope();
    for (int i = 0; i < points.size(); i++) {
      e.expandToInclude(points.x(i), points.y(i));
    }
    return e;
  }

  private static void requirePoints(Points points) {
    if (points.size() < 2) {
      throw new IllegalArgumentException("cross-validation needs at least 2 points, got " + points.size());
    }
  }
}
