package org.hotbeat.hotspots;

import java.util.ArrayList;
import java.util.List;

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
  public record Cell(double[][] ring, long count, double z, double p, double pFdr, int giBin) {
    /** What the cell's Gi* bin means, e.g. "hot spot, 95% confidence". */
    public String label() {
      return switch (giBin) {
        case 3 -> "hot spot, 99% confidence";
        case 2 -> "hot spot, 95% confidence";
        case 1 -> "hot spot, 90% confidence";
        case -1 -> "cold spot, 90% confidence";
        case -2 -> "cold spot, 95% confidence";
        case -3 -> "cold spot, 99% confidence";
        default -> "not significant";
      };
    }
  }

  public record Result(double cellSize, String weights, int epsg, int columns, int rows,
      long incidents, List<Cell> cells) {}

  private GiStarAnalysis() {}

  public static Result run(double[] lons, double[] lats, Settings s) {
    if (lons.length < 3) {
      throw new IllegalArgumentException("Gi* needs at least 3 incidents; the filter matches "
          + lons.length);
    }
    CellLayout layout = CellLayout.of(lons, lats, s.cellSize(), s.weights(), s.band(),
        s.maxCells());
    SquareGrid grid = layout.grid();
    double[] counts = grid.count(layout.xs(), layout.ys());
    GiStar.Result r = GiStar.compute(counts, layout.weights(), s.fdr());
    List<Cell> cells = new ArrayList<>(grid.size());
    for (int i = 0; i < grid.size(); i++) {
      cells.add(new Cell(layout.ring(i), (long) counts[i], r.z()[i], r.p()[i], r.pFdr()[i],
          r.classes()[i]));
    }
    return new Result(grid.cell(), s.weights(), layout.projection().epsg(), grid.ncol(),
        grid.nrow(), lons.length, cells);
  }
}
