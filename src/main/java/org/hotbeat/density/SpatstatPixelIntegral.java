package org.hotbeat.density;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * spatstat's pixel estimate with uniform edge correction ({@code density.ppp(X, sigma)} with its
 * defaults), reduced to what likelihood cross-validation needs: its integral over the window and
 * the edge weights e(x_i) at the points. Replicates spatstat's discretisation so the criterion
 * matches {@code bw.ppl} to about 1e-6: a 128 × 128 pixel grid over the window's bounding box
 * (cells need not be square), each point moved to its nearest pixel centre (round half to even),
 * the Gaussian sampled at the pixel lags and normalised to sum 1 over the zero-padded 256 × 256
 * lag set, e(u) the same convolution of the window's pixel mask. Edge weights at points are the
 * exact Gaussian mass in the window for a rectangle, else the pixel value (as spatstat does).
 */
final class SpatstatPixelIntegral {
  static final int PIXELS = 128;

  private final double sigma;
  private final Envelope box;
  private final boolean rectangle;
  private final double xs;
  private final double ys;
  private final double[] edge;
  private final boolean[] mask;
  private final double integral;

  SpatstatPixelIntegral(Points points, Geometry window, double sigma) {
    this.sigma = sigma;
    this.box = window.getEnvelopeInternal();
    this.rectangle = window.isRectangle();
    int n = PIXELS;
    xs = box.getWidth() / n;
    ys = box.getHeight() / n;
    StudyAreaMask area = rectangle ? null : new StudyAreaMask(window);
    mask = new boolean[n * n];
    double[] maskValues = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        boolean in = rectangle || area.contains(box.getMinX() + (j + 0.5) * xs, box.getMinY() + (i + 0.5) * ys);
        mask[i * n + j] = in;
        maskValues[i * n + j] = in ? 1 : 0;
      }
    }
    double[] counts = new double[n * n];
    for (int p = 0; p < points.size(); p++) {
      int col = clamp((int) Math.rint((points.x(p) - box.getMinX() - xs / 2) / xs), n);
      int row = clamp((int) Math.rint((points.y(p) - box.getMinY() - ys / 2) / ys), n);
      counts[row * n + col] += 1;
    }
    double[] gx = lagKernel(xs);
    double[] gy = lagKernel(ys);
    double norm = sum(gx, n) * sum(gy, n);
    edge = convolve(maskValues, gx, gy);
    double[] raw = convolve(counts, gx, gy);
    double total = 0;
    for (int k = 0; k < n * n; k++) {
      edge[k] /= norm;
      if (mask[k]) {
        total += raw[k] / norm / edge[k];
      }
    }
    integral = total;
  }

  /** ∫_W λ̂ over the pixels inside the window (points). */
  double integral() {
    return integral;
  }

  /** e(x): the share of a Gaussian centred at (x, y) that falls in the window. */
  double edgeWeightAt(double x, double y) {
    if (rectangle) {
      return (cdf((box.getMaxX() - x) / sigma) - cdf((box.getMinX() - x) / sigma))
          * (cdf((box.getMaxY() - y) / sigma) - cdf((box.getMinY() - y) / sigma));
    }
    int col = clamp((int) Math.floor((x - box.getMinX()) / xs), PIXELS);
    int row = clamp((int) Math.floor((y - box.getMinY()) / ys), PIXELS);
    return edge[row * PIXELS + col];
  }

  /** dnorm(k·step, σ) for k = −(n−1)..(n−1) at index k + n − 1, plus dnorm(−n·step) at 2n − 1. */
  private double[] lagKernel(double step) {
    int n = PIXELS;
    double[] g = new double[2 * n];
    for (int k = -(n - 1); k <= n - 1; k++) {
      g[k + n - 1] = Kernel.normal(k * step, sigma);
    }
    g[2 * n - 1] = Kernel.normal(n * step, sigma);
    return g;
  }

  /** Σ over the padded lag set −n..n−1. */
  private static double sum(double[] g, int n) {
    double s = 0;
    for (double v : g) {
      s += v;
    }
    return s;
  }

  /** out(i, j) = Σ_{r,c} in(r, c) · gx[j − c] · gy[i − r], separably. */
  private static double[] convolve(double[] in, double[] gx, double[] gy) {
    int n = PIXELS;
    double[] t = new double[n * n];
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < n; c++) {
        double v = in[r * n + c];
        if (v == 0) {
          continue;
        }
        for (int j = 0; j < n; j++) {
          t[r * n + j] += v * gx[j - c + n - 1];
        }
      }
    }
    double[] out = new double[n * n];
    for (int r = 0; r < n; r++) {
      for (int i = 0; i < n; i++) {
        double g = gy[i - r + n - 1];
        for (int j = 0; j < n; j++) {
          out[i * n + j] += g * t[r * n + j];
        }
      }
    }
    return out;
  }

  private static int clamp(int v, int n) {
    return Math.min(n - 1, Math.max(0, v));
  }

  /** The standard normal distribution function, to about 1e-14 relative. */
  static double cdf(double x) {
    if (x < 0) {
      return 0.5 * erfc(-x / Math.sqrt(2));
    }
    return 1 - 0.5 * erfc(x / Math.sqrt(2));
  }

  /** erfc(z) for z ≥ 0: Taylor series of erf below 3, Lentz's continued fraction above. */
  static double erfc(double z) {
    if (z < 3) {
      double term = z;
      double s = z;
      for (int k = 1; k < 200; k++) {
        term *= -z * z / k;
        double add = term / (2 * k + 1);
        s += add;
        if (Math.abs(add) < 1e-17 * Math.abs(s)) {
          break;
        }
      }
      return 1 - 2 / Math.sqrt(Math.PI) * s;
    }
    // erfc(z) = exp(−z²)/√π · 1/(z + (1/2)/(z + 1/(z + (3/2)/(z + 2/(z + …)))))
    double tiny = 1e-300;
    double f = z;
    double c = z;
    double d = 0;
    for (int k = 1; k < 500; k++) {
      double a = k / 2.0;
      d = z + a * d;
      d = Math.abs(d) < tiny ? tiny : d;
      c = z + a / c;
      c = Math.abs(c) < tiny ? tiny : c;
      d = 1 / d;
      double delta = c * d;
      f *= delta;
      if (Math.abs(delta - 1) < 1e-16) {
        break;
      }
    }
    return Math.exp(-z * z) / Math.sqrt(Math.PI) / f;
  }
}
