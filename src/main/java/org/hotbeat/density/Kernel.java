package org.hotbeat.density;

import java.util.Locale;

/**
 * The smoothing kernels, each a radially symmetric probability density on the plane that
 * integrates to 1. With d the distance from the incident (metres) and h the bandwidth (metres):
 *
 * <ul>
 *   <li>{@link #QUARTIC} (biweight; the default, as in ArcGIS and CrimeStat): h is the support
 *       radius R, K(d) = 3/(πR²)·(1 − d²/R²)² for d &lt; R, else 0.
 *   <li>{@link #GAUSSIAN}: h is the standard deviation σ of each coordinate,
 *       K(d) = 1/(2πσ²)·exp(−d²/(2σ²)).
 *   <li>{@link #EPANECHNIKOV}: h is the support radius R, K(d) = 2/(πR²)·(1 − d²/R²) for d &lt; R.
 *   <li>{@link #UNIFORM} (disc): h is the support radius R, K(d) = 1/(πR²) for d &lt; R.
 * </ul>
 *
 * <p>spatstat's {@code sigma} is always the per-axis standard deviation: its quartic with
 * {@code sigma = s} is our quartic with R = s·√8, its epanechnikov R = s·√6, its disc R = 2s
 * ({@link #bandwidthForSd}). Immutable and thread-safe.
 */
public enum Kernel {
  QUARTIC(1 / Math.sqrt(8)),
  GAUSSIAN(1),
  EPANECHNIKOV(1 / Math.sqrt(6)),
  UNIFORM(0.5);

  /**
   * The Gaussian is cut off where its value falls below exp(−12.5) ≈ 3.7e-6 of its peak per axis;
   * the mass it drops there is below 1e-6.
   */
  static final double GAUSSIAN_TRUNCATION_SDS = 5;

  private final double sdPerBandwidth;

  Kernel(double sdPerBandwidth) {
    this.sdPerBandwidth = sdPerBandwidth;
  }

  /** The default kernel, quartic. */
  public static Kernel defaultKernel() {
    return QUARTIC;
  }

  /** Parses a name case-insensitively ({@code biweight} is the quartic). */
  public static Kernel parse(String name) {
    return byName(name).orElseThrow(() -> new IllegalArgumentException(
        "unknown kernel '" + name + "': use quartic, gaussian, epanechnikov or uniform"));
  }

  /** The kernel of a name, case-insensitively ({@code biweight} is the quartic); empty if none. */
  public static java.util.Optional<Kernel> byName(String name) {
    if (name == null) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.ofNullable(switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "quartic", "biweight" -> QUARTIC;
      case "gaussian", "normal" -> GAUSSIAN;
      case "epanechnikov" -> EPANECHNIKOV;
      case "uniform", "disc" -> UNIFORM;
      default -> null;
    });
  }

  /** True if the kernel has a finite support radius equal to its bandwidth. */
  public boolean isCompact() {
    return this != GAUSSIAN;
  }

  /** The standard deviation of each coordinate for bandwidth {@code h} (same unit as h). */
  public double sdFor(double h) {
    return h * sdPerBandwidth;
  }

  /** The bandwidth whose per-axis standard deviation is {@code sd}: spatstat's sigma → ours. */
  public double bandwidthForSd(double sd) {
    return sd / sdPerBandwidth;
  }

  /**
   * Distance beyond which the engine treats the kernel as zero: R for compact kernels, 5σ for
   * the Gaussian.
   */
  public double reach(double h) {
    return this == GAUSSIAN ? GAUSSIAN_TRUNCATION_SDS * h : h;
  }

  /** The kernel's value per unit area (per m² for h in metres) at squared distance {@code d2}. */
  public double value(double d2, double h) {
    double h2 = h * h;
    if (this == GAUSSIAN) {
      return Math.exp(-d2 / (2 * h2)) / (2 * Math.PI * h2);
    }
    if (d2 >= h2) {
      return 0;
    }
    double u = 1 - d2 / h2;
    return switch (this) {
      case QUARTIC -> 3 / (Math.PI * h2) * u * u;
      case EPANECHNIKOV -> 2 / (Math.PI * h2) * u;
      default -> 1 / (Math.PI * h2);
    };
  }

  /** The Gaussian's 1-D factor: the normal density with sd {@code sigma} at {@code d}. */
  static double normal(double d, double sigma) {
    return Math.exp(-d * d / (2 * sigma * sigma)) / (Math.sqrt(2 * Math.PI) * sigma);
  }
}
