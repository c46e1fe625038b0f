package org.hotbeat.hotspots;

import org.hotbeat.config.Limits;
import org.hotbeat.geo.MetricProjection;

/**
 * The cells a Gi* analysis or a space-time cube counts into: the positions projected to the UTM
 * zone of their centroid, the {@link SquareGrid} over their extent, the spatial weights, and each
 * cell's outline back in lon/lat. Immutable, thread-safe.
 *
 * @param xs, ys the positions in the projection's metres
 */
record CellLayout(MetricProjection projection, double[] xs, double[] ys, SquareGrid grid,
    Neighbours weights) {

  /**
   * @param cellSize metres, or 0 or less for {@link SquareGrid#covering}'s default
   * @param weights {@code queen} or {@code band}
   * @param band distance band in metres, or 0 or less for the queen's reach (1.5 cells)
   * @throws org.hotbeat.LimitExceededException when the grid has more than {@code maxCells}
   *     ({@link Limits#MAX_ANALYSIS_CELLS})
   */
  static CellLayout of(double[] lons, double[] lats, double cellSize, String weights,
      double band, long maxCells) {
    MetricProjection proj = MetricProjection.utmFor(lons, lats);
    double[][] plane = proj.forward(lons, lats);
    SquareGrid grid = SquareGrid.covering(plane[0], plane[1], cellSize);
    long cells = (long) grid.ncol() * grid.nrow();
    if (cells > maxCells) {
      throw Limits.tooManyCells(Limits.MAX_ANALYSIS_CELLS, cells, maxCells);
    }
    Neighbours w = switch (weights) {
      case "queen" -> Neighbours.queen(grid);
      case "band" -> Neighbours.distanceBand(grid, band > 0 ? band : 1.5 * grid.cell());
      default -> throw new IllegalArgumentException("weights must be queen or band");
    };
    return new CellLayout(proj, plane[0], plane[1], grid, w);
  }

  /** The outline of cell {@code i}: a closed ring of five lon/lat corners, anticlockwise. */
  double[][] ring(int i) {
    double cell = grid.cell();
    double x0 = grid.centreX(i) - cell / 2;
    double y0 = grid.centreY(i) - cell / 2;
    return new double[][] {projection.inverse(x0, y0), projection.inverse(x0 + cell, y0),
        projection.inverse(x0 + cell, y0 + cell), projection.inverse(x0, y0 + cell),
        projection.inverse(x0, y0)};
  }
}
