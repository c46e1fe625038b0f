package org.hotbeat.evaluation;

import org.hotbeat.InvalidInputException;
import org.hotbeat.config.Limits;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Square cells over a study area in a metric plane; only cells whose centre lies inside the area
 * take part ("in" cells, numbered 0..n−1). Immutable, thread-safe.
 */
public final class StudyGrid {
  private final double x0;
  private final double y0;
  private final double cell;
  private final int ncol;
  private final int nrow;
  private final int[] inIndex;   // grid cell → in-cell number, or -1
  private final double[] centreX;
  private final double[] centreY;
  private final int[] raster;    // in-cell → index in raster order (row 0 north)

  public StudyGrid(Geometry area, double cell, long maxCells) {
    if (!(cell > 0)) {
      throw new IllegalArgumentException("the cell size must be more than 0 m");
    }
    var env = area.getEnvelopeInternal();
    this.cell = cell;
    this.x0 = env.getMinX();
    this.y0 = env.getMinY();
    this.ncol = Math.max(1, (int) Math.ceil(env.getWidth() / cell));
    this.nrow = Math.max(1, (int) Math.ceil(env.getHeight() / cell));
    if ((long) ncol * nrow > maxCells) {
      throw Limits.tooManyCells(Limits.MAX_GRID_CELLS, (long) ncol * nrow, maxCells);
    }
    PreparedGeometry inside = PreparedGeometryFactory.prepare(area);
    GeometryFactory gf = area.getFactory();
    inIndex = new int[ncol * nrow];
    double[] cx = new double[ncol * nrow];
    double[] cy = new double[ncol * nrow];
    int[] ras = new int[ncol * nrow];
    int n = 0;
    for (int r = 0; r < nrow; r++) {
      for (int c = 0; c < ncol; c++) {
        double x = x0 + (c + 0.5) * cell;
        double y = y0 + (r + 0.5) * cell;
        if (inside.contains(gf.createPoint(new Coordinate(x, y)))) {
          cx[n] = x;
          cy[n] = y;
          ras[n] = (nrow - 1 - r) * ncol + c;
          inIndex[r * ncol + c] = n++;
        } else {
          inIndex[r * ncol + c] = -1;
        }
      }
    }
    if (n == 0) {
      throw new InvalidInputException("cell", "no cell centre lies inside the study area: use "
          + "smaller cells or a larger area");
    }
    centreX = java.util.Arrays.copyOf(cx, n);
    centreY = java.util.Arrays.copyOf(cy, n);
    raster = java.util.Arrays.copyOf(ras, n);
  }

  /** The whole rectangle of cells as a density grid (values at the same cell centres). */
  public org.hotbeat.density.GridSpec gridSpec() {
    return new org.hotbeat.density.GridSpec(x0, y0, cell, ncol, nrow);
  }

  /** Values of a raster over {@link #gridSpec()} at the in-cells. */
  public double[] sample(float[] rasterValues) {
    double[] out = new double[size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = rasterValues[raster[i]];
    }
    return out;
  }

  /** Number of cells inside the study area. */
  public int size() {
    return centreX.length;
  }

  public double cellSize() {
    return cell;
  }

  public double centreX(int i) {
    return centreX[i];
  }

  public double centreY(int i) {
    return centreY[i];
  }

  /** The in-cell holding (x, y), or -1. */
  public int cellOf(double x, double y) {
    int c = (int) Math.floor((x - x0) / cell);
    int r = (int) Math.floor((y - y0) / cell);
    return c < 0 || r < 0 || c >= ncol || r >= nrow ? -1 : inIndex[r * ncol + c];
  }

  /** Incidents per in-cell; those outside the area are not counted. */
  public double[] counts(EventSet e) {
    return counts(e, null);
  }

  /** Weighted incidents per in-cell ({@code weights} null: each counts 1). */
  public double[] counts(EventSet e, double[] weights) {
    double[] out = new double[size()];
    for (int i = 0; i < e.size(); i++) {
      int c = cellOf(e.x()[i], e.y()[i]);
      if (c >= 0) {
        out[c] += weights == null ? 1 : weights[i];
      }
    }
    return out;
  }
}
