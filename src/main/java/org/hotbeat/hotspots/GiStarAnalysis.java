package org.hotbeat.hotspots;

import java.util.ArrayList;
import java.util.List;
import org.hotbeat.geo.MetricProjection;

/**
 * Gi* hot and cold spots of a set of incidents: the positions are projected to the UTM zone of
 * their centroid, counted into square cells over their extent, and tested with {@link GiStar}.
 * The default cell size follows R sfhotspot: the shorter side of the extent divided by 50. The
 * default distance band is the queen neighbourhood's reach (1.5 cells). Stateless, thread-safe.
 */
public final class GiStarAnalysis {
  /** How to analyse. {@code cellSize} or {@code band} ≤ 0 take the defaults. */
  public record Settings(double cellSize, String weights, double band, boolean fdr, long maxCells) {}

  /** One cell: its outline (lon/lat ring, closed), its count, and its Gi* result. */
  public record Cell(double[][] ring, long count, double z, double p, double pFdr, int giBin) {}

  public record Result(double cellSize, String weights, int epsg, int columns, int rows,
      long incidents, List<Cell> cells) {}

  private GiStarAnalysis() {}

  public static Result run(double[] lons, double[] lats, Settings s) {
    if (lons.length < 3) {
      throw new IllegalArgumentException("Gi* needs at least 3 incidents; the filter matches "
          + lons.length);
    }
    MetricProjection proj = MetricProjection.utmFor(lons, lats);
    double[][] plane = proj.forward(lons, lats);
    double[] xs = plane[0];
    double[] ys = plane[1];
    SquareGrid grid = SquareGrid.covering(xs, ys, s.cellSize());
    double cell = grid.cell();
    int ncol = grid.ncol();
    int nrow = grid.nrow();
    if ((long) ncol * nrow > s.maxCells()) {
      throw new TooManyCellsException((long) ncol * nrow, s.maxCells());
    }
    double[] counts = grid.count(xs, ys);
    Neighbours w = switch (s.weights()) {
      case "queen" -> Neighbours.queen(grid);
      case "band" -> Neighbours.distanceBand(grid, s.band() > 0 ? s.band() : 1.5 * cell);
      default -> throw new IllegalArgumentException("weights must be queen or band");
    };
    GiStar.Result r = GiStar.compute(counts, w, s.fdr());
    List<Cell> cells = new ArrayList<>(grid.size());
    for (int i = 0; i < grid.size(); i++) {
      double x0 = grid.centreX(i) - cell / 2;
      double y0 = grid.centreY(i) - cell / 2;
      double[][] ring = {proj.inverse(x0, y0), proj.inverse(x0 + cell, y0),
          proj.inverse(x0 + cell, y0 + cell), proj.inverse(x0, y0 + cell), proj.inverse(x0, y0)};
      cells.add(new Cell(ring, (long) counts[i], r.z()[i], r.p()[i], r.pFdr()[i],
          r.classes()[i]));
    }
    return new Result(cell, s.weights(), proj.epsg(), ncol, nrow, lons.length, cells);
  }

  /** A grid over the configured limit: the web layer answers 413 with the limit. */
  public static final class TooManyCellsException extends IllegalArgumentException {
    public TooManyCellsException(long cells, long limit) {
      super("the grid would have " + cells + " cells; the limit is " + limit
          + ": choose a larger cell size or a smaller area");
    }
  }
}
