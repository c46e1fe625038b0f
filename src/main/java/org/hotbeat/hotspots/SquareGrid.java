package org.hotbeat.hotspots;

import org.hotbeat.geo.Extent;

/**
 * A grid of square cells over a metric plane, numbered row-major from the south-west cell
 * (index = row · ncol + col, rows going north). Cells are half-open {@code [x0 + col·cell,
 * x0 + (col+1)·cell)}; points on the grid's east or north edge go into the last column or row,
 * as spdep's reference binning does. Immutable and thread-safe.
 *
 * @param x0 west edge, metres
 * @param y0 south edge, metres
 * @param cell side of a cell, metres
 */
public record SquareGrid(double x0, double y0, double cell, int ncol, int nrow) {
  public SquareGrid {
    if (!(cell > 0) || !Double.isFinite(cell)) {
      throw new IllegalArgumentException("cell size must be a positive number of metres");
    }
    if (ncol < 1 || nrow < 1) {
      throw new IllegalArgumentException("a grid needs at least one row and one column");
    }
  }

  /**
   * The grid over the extent of the points, with cells of {@code cellSize} metres, or, when that
   * is 0 or less, of a 50th of the extent's shorter side (at least 1 m), as sfhotspot chooses.
   * The origin is snapped to whole multiples of the cell from the plane's origin, so grids of one
   * cell size over any points share their cells (docs/privacy.md: a fixed public grid).
   */
  public static SquareGrid covering(double[] xs, double[] ys, double cellSize) {
    Extent e = Extent.of(xs, ys);
    double cell = cellSize > 0 ? cellSize : Math.max(1, Math.min(e.width(), e.height()) / 50);
    double x0 = Math.floor(e.minX() / cell) * cell;
    double y0 = Math.floor(e.minY() / cell) * cell;
    int ncol = Math.max(1, (int) Math.ceil((e.maxX() - x0) / cell));
    int nrow = Math.max(1, (int) Math.ceil((e.maxY() - y0) / cell));
    return new SquareGrid(x0, y0, cell, ncol, nrow);
  }

  public int size() {
    return ncol * nrow;
  }

  /** The cell holding (x, y), or -1 outside the grid. */
  public int cellOf(double x, double y) {
    int col = (int) Math.floor((x - x0) / cell);
    int row = (int) Math.floor((y - y0) / cell);
    if (col == ncol && x == x0 + ncol * cell) {
      col--;
    }
    if (row == nrow && y == y0 + nrow * cell) {
      row--;
    }
    return col < 0 || row < 0 || col >= ncol || row >= nrow ? -1 : row * ncol + col;
  }

  public double centreX(int index) {
    return x0 + (index % ncol + 0.5) * cell;
  }

  public double centreY(int index) {
    return y0 + (index / ncol + 0.5) * cell;
  }

  /** Counts of points per cell; points outside the grid are not counted. */
  public double[] count(double[] xs, double[] ys) {
    double[] counts = new double[size()];
    for (int i = 0; i < xs.length; i++) {
      int c = cellOf(xs[i], ys[i]);
      if (c >= 0) {
        counts[c]++;
      }
    }
    return counts;
  }
}
