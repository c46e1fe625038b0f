package org.hotbeat.geo;

/**
 * The smallest axis-aligned rectangle around points in one plane (metres of a projection, Web
 * Mercator metres, or degrees). An extent of no points is empty: its minima are +∞-like and its
 * maxima −∞-like, so {@link #union} with it changes nothing. Immutable.
 */
public record Extent(double minX, double minY, double maxX, double maxY) {
  /** The extent of no points. */
  public static final Extent EMPTY =
      new Extent(Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE);

  /** The extent of the points (xs[i], ys[i]); {@link #EMPTY} for none. */
  public static Extent of(double[] xs, double[] ys) {
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (int i = 0; i < xs.length; i++) {
      minX = Math.min(minX, xs[i]);
      minY = Math.min(minY, ys[i]);
      maxX = Math.max(maxX, xs[i]);
      maxY = Math.max(maxY, ys[i]);
    }
    return new Extent(minX, minY, maxX, maxY);
  }

  public boolean isEmpty() {
    return minX > maxX;
  }

  /** The extent of both. */
  public Extent union(Extent o) {
    return new Extent(Math.min(minX, o.minX), Math.min(minY, o.minY), Math.max(maxX, o.maxX),
        Math.max(maxY, o.maxY));
  }

  /** This extent grown by {@code margin} on every side. */
  public Extent grow(double margin) {
    return new Extent(minX - margin, minY - margin, maxX + margin, maxY + margin);
  }

  public double width() {
    return maxX - minX;
  }

  public double height() {
    return maxY - minY;
  }
}
