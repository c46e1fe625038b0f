package org.hotbeat.geo;

/**
 * One tile of the XYZ (OSM / Google) pyramid in Web Mercator.
 *
 * @param z zoom, 0 (the whole world in one tile) to {@link #MAX_ZOOM}
 * @param x column, 0 at 180° W, growing eastwards, below 2^z
 * @param y row, 0 at the top (about 85.05° N), growing southwards, below 2^z
 */
public record TileCoord(int z, int x, int y) {
  /** The deepest zoom served; clients over-zoom past a layer's own maximum. */
  public static final int MAX_ZOOM = 22;

  /** Web Mercator's world width in metres (EPSG:3857). */
  public static final double WORLD_METRES = 2 * Math.PI * 6378137;

  public TileCoord {
    if (z < 0 || z > MAX_ZOOM) {
      throw new IllegalArgumentException("zoom " + z + " is outside 0-" + MAX_ZOOM);
    }
    long n = 1L << z;
    if (x < 0 || x >= n || y < 0 || y >= n) {
      throw new IllegalArgumentException("tile " + z + "/" + x + "/" + y
          + " does not exist: x and y must be from 0 to " + (n - 1) + " at zoom " + z);
    }
  }

  /** The tile's width in Web Mercator metres. */
  public double widthMetres() {
    return WORLD_METRES / (1L << z);
  }

  @Override
  public String toString() {
    return z + "/" + x + "/" + y;
  }
}
