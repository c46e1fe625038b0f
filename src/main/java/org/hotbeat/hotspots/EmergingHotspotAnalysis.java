package org.hotbeat.hotspots;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hotbeat.config.Limits;

/**
 * A space-time cube and its emerging hot spots: incidents counted into square cells × calendar
 * months (UTC), Gi* in each month over the cell's spatial neighbours (FDR-corrected when asked),
 * then per cell the Mann–Kendall trend of its counts and of its z, and the category of
 * {@link EmergingHotspots}. A month counts as "hot" for a cell when its Gi* is significant at
 * 90 % with z &gt; 0 (ArcGIS's lowest confidence level); a trend counts when its p is below
 * {@value #TREND_ALPHA}. A month with no variation across cells (e.g. no incidents) is
 * significant nowhere. Stateless and thread-safe.
 */
public final class EmergingHotspotAnalysis {
  public static final double TREND_ALPHA = 0.05;
  public static final int MIN_STEPS = 3;
  public static final int MAX_STEPS = 120;

  /**
   * @param from first month (its day is ignored)
   * @param to end, exclusive: the month holding it is included only if {@code to} is after its
   *     first instant
   */
  public record Settings(Instant from, Instant to, double cellSize, String weights, double band,
      boolean fdr, long maxCells) {}

  /** One cell: outline (lon/lat ring), counts and Gi* z per month, the trends and category. */
  public record Cell(double[][] ring, double[] counts, double[] z, int[] significance,
      MannKendall.Trend countTrend, MannKendall.Trend zTrend,
      EmergingHotspots.Category category) {
    public long total() {
      double t = 0;
      for (double c : counts) {
        t += c;
      }
      return (long) t;
    }
  }

  public record Result(double cellSize, String weights, int epsg, int columns, int rows,
      List<LocalDate> months, long incidents, List<Cell> cells) {}

  private EmergingHotspotAnalysis() {}

  /** The months from {@code from} to {@code to}, as the first day of each. */
  public static List<LocalDate> months(Instant from, Instant to) {
    LocalDate first = from.atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
    List<LocalDate> out = new ArrayList<>();
    for (LocalDate m = first; m.atStartOfDay(ZoneOffset.UTC).toInstant().isBefore(to);
        m = m.plusMonths(1)) {
      out.add(m);
      if (out.size() > MAX_STEPS) {
        break;
      }
    }
    return out;
  }

  /**
   * @param lons, lats WGS84 positions; {@code times} epoch seconds, all inside the period
   * @throws IllegalArgumentException for fewer than {@value #MIN_STEPS} or more than
   *     {@value #MAX_STEPS} months, too few incidents, or a grid over the limit
   *     ({@link org.hotbeat.LimitExceededException})
   */
  public static Result run(double[] lons, double[] lats, long[] times, Settings s) {
    List<LocalDate> months = months(s.from(), s.to());
    if (months.size() < MIN_STEPS || months.size() > MAX_STEPS) {
      throw new IllegalArgumentException("the period must span " + MIN_STEPS + " to " + MAX_STEPS
          + " months; it spans " + (months.size() > MAX_STEPS ? "more than " + MAX_STEPS
          : months.size()));
    }
    if (lons.length < 3) {
      throw new IllegalArgumentException("emerging hot spots need at least 3 incidents; the "
          + "filter matches " + lons.length);
    }
    CellLayout layout = CellLayout.of(lons, lats, s.cellSize(), s.weights(), s.band(),
        s.maxCells());
    SquareGrid grid = layout.grid();
    double[] xs = layout.xs();
    double[] ys = layout.ys();
    long cubeCells = (long) grid.size() * months.size();
    if (cubeCells > 20 * s.maxCells()) {
      throw Limits.tooManyCells(Limits.MAX_ANALYSIS_CELLS, cubeCells, 20 * s.maxCells());
    }
    Neighbours w = layout.weights();
    int steps = months.size();
    double[][] counts = new double[steps][grid.size()];
    long[] starts = new long[steps + 1];
    for (int t = 0; t < steps; t++) {
      starts[t] = months.get(t).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }
    starts[steps] = s.to().getEpochSecond();
    long used = 0;
    for (int i = 0; i < xs.length; i++) {
      int t = step(starts, times[i]);
      int c = grid.cellOf(xs[i], ys[i]);
      if (t >= 0 && c >= 0) {
        counts[t][c]++;
        used++;
      }
    }
    double[][] z = new double[steps][];
    int[][] sig = new int[steps][];
    for (int t = 0; t < steps; t++) {
      z[t] = new double[grid.size()];
      sig[t] = new int[grid.size()];
      if (varies(counts[t])) {
        GiStar.Result r = GiStar.compute(counts[t], w, s.fdr());
        z[t] = r.z();
        for (int c = 0; c < grid.size(); c++) {
          sig[t][c] = Integer.signum(r.classes()[c]);
        }
      }
    }
    List<Cell> cells = new ArrayList<>(grid.size());
    for (int c = 0; c < grid.size(); c++) {
      double[] cc = new double[steps];
      double[] cz = new double[steps];
      int[] cs = new int[steps];
      for (int t = 0; t < steps; t++) {
        cc[t] = counts[t][c];
        cz[t] = z[t][c];
        cs[t] = sig[t][c];
      }
      MannKendall.Trend countTrend = MannKendall.test(cc);
      MannKendall.Trend zTrend = MannKendall.test(cz);
      cells.add(new Cell(layout.ring(c), cc, cz, cs, countTrend, zTrend,
          EmergingHotspots.classify(cs, zTrend.direction(TREND_ALPHA))));
    }
    return new Result(grid.cell(), s.weights(), layout.projection().epsg(), grid.ncol(),
        grid.nrow(), months, used, cells);
  }

  /** The month holding {@code t}, or −1 outside the period. */
  private static int step(long[] starts, long t) {
    if (t < starts[0] || t >= starts[starts.length - 1]) {
      return -1;
    }
    int k = java.util.Arrays.binarySearch(starts, t);
    return k >= 0 ? Math.min(k, starts.length - 2) : -k - 2;
  }

  private static boolean varies(double[] x) {
    for (double v : x) {
      if (v != x[0]) {
        return true;
      }
    }
    return false;
  }
}
