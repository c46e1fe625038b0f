package org.hotbeat.geo;

/**
 * Spherical Web Mercator (EPSG:3857) in metres, and its pixel pyramid of 256-pixel tiles: pixel
 * (0, 0) is the north-west corner of the world, x grows east, y grows south.
 */
public final class WebMercator {
  public static final double RADIUS = 6_378_137;
  public static final double WORLD = TileCoord.WORLD_METRES;
  public static final int TILE_PIXELS = 256;

  private WebMercator() {}

  public static double x(double lon) {
    return Math.toRadians(lon) * RADIUS;
  }

  public static double y(double lat) {
    double phi = Math.toRadians(Math.max(-85.0511287798, Math.min(85.0511287798, lat)));
    return RADIUS * Math.log(Math.tan(Math.PI / 4 + phi / 2));
  }

  /** Positions in degrees to {xs, ys} in Web Mercator metres. */
  public static double[][] forward(double[] lons, double[] lats) {
    double[] xs = new double[lons.length];
    double[] ys = new double[lons.length];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = x(lons[i]);
      ys[i] = y(lats[i]);
    }
    return new double[][] {xs, ys};
  }

  public static double lon(double x) {
    return Math.toDegrees(x / RADIUS);
  }

  public static double lat(double y) {
    return Math.toDegrees(Math.atan(Math.sinh(y / RADIUS)));
  }

  /** Side of a pixel at zoom {@code z}, in Web Mercator metres. */
  public static double pixelSize(int z) {
    return WORLD / (TILE_PIXELS * (double) (1L << z));
  }

  /** Web Mercator x of the west edge of pixel column {@code px} at zoom {@code z}. */
  public static double pixelX(int z, double px) {
    return -WORLD / 2 + px * pixelSize(z);
  }

  /** Web Mercator y of the north edge of pixel row {@code py} at zoom {@code z}. */
  public static double pixelY(int z, double py) {
    return WORLD / 2 - py * pixelSize(z);
  }
}
