package org.hotbeat.density;

/**
 * A raster of square cells in a metric plane (e.g. a UTM zone): where a density is evaluated.
 * Each value stands for the cell's centre. Columns run west to east; rows run north to south
 * (raster order, as in images and GeoTIFF): cell (col, row) has its centre at
 * ({@link #centreX centreX(col)}, {@link #centreY centreY(row)}). Immutable.
 *
 * @param minX west edge of the grid, metres
 * @param minY south edge of the grid, metres
 * @param cellSize side of a cell, metres (&gt; 0)
 * @param width number of columns (&gt; 0)
 * @param height number of rows (&gt; 0)
 */
public record GridSpec(double minX, double minY, double cellSize, int width, int height) {
  public GridSpec {
    if (!Double.isFinite(minX) || !Double.isFinite(minY)) {
      throw new IllegalArgumentException("grid origin must be finite, got (" + minX + ", " + minY + ")");
    }
    if (!(cellSize > 0) || !Double.isFinite(cellSize)) {
      throw new IllegalArgumentException("cell size must be a positive number of metres, got " + cellSize);
    }
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("grid must have at least one cell, got " + width + "x" + height);
    }
  }

  public long cellCount() {
    return (long) width * height;
  }

  public double maxX() {
    return minX + width * cellSize;
  }

  public double maxY() {
    return minY + height * cellSize;
  }

  /** x of the centre of column {@code col}, metres. */
  public double centreX(int col) {
    return minX + (col + 0.5) * cellSize;
  }

  /** y of the centre of row {@code row} (row 0 is the northern row), metres. */
  public double centreY(int row) {
    return minY + (height - row - 0.5) * cellSize;
  }

  /** The cell's area in km². */
  public double cellAreaKm2() {
    return cellSize * cellSize / 1e6;
  }
}
