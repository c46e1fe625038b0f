package org.hotbeat.config;

import java.util.ArrayList;
import java.util.List;
import org.hotbeat.HotbeatException;
import org.hotbeat.LimitExceededException;

/**
 * The bounds and public floors every entry point applies alike (web, CLI, engine): how much work
 * one analysis may ask for, and how coarse public outputs must stay. Each is an option of
 * {@code hotbeat serve} with the name given here (and {@code HOTBEAT_} + that name in capitals as
 * its environment variable); {@link #defaults()} holds the defaults. Validated when built,
 * immutable.
 *
 * @param publicMinCount smallest count a public output shows (option {@value #PUBLIC_MIN_COUNT});
 *     smaller ones read "fewer than N" or are left out
 * @param publicMinBandwidthMetres smallest heat-map bandwidth, in true metres, for callers
 *     without a patrol or analyst role ({@value #PUBLIC_MIN_BANDWIDTH})
 * @param publicMinCellMetres smallest Gi* or hexagon cell, in metres, for the public
 *     ({@value #PUBLIC_MIN_CELL})
 * @param publicHeatCellMetres side, in true metres, of the fixed cells whose suppressed counts the
 *     public heat surface is smoothed from ({@value #PUBLIC_HEAT_CELL}; docs/privacy.md)
 * @param maxBandwidthMetres largest kernel bandwidth, in true metres ({@value #MAX_BANDWIDTH})
 * @param maxAnalysisCells most cells in one statistics grid: Gi*, the space-time cube, the change
 *     map ({@value #MAX_ANALYSIS_CELLS})
 * @param maxGridCells most cells in one density grid: exports, backtests, patrol risk surfaces
 *     ({@value #MAX_GRID_CELLS})
 * @param maxIncidents most incidents read for one analysis or heat layer
 *     ({@value #MAX_INCIDENTS})
 * @param requestsPerMinute requests one client (a token, or an address without one) may make per
 *     minute, in bursts of up to as many; more get 429 ({@value #REQUESTS_PER_MINUTE})
 * @param analysesPerMinute of those, analyses (Gi*, change, backtests, exports, plans) per client
 *     and minute ({@value #ANALYSES_PER_MINUTE})
 * @param concurrentAnalyses analyses running at once on this server; more wait, then get 503
 *     ({@value #CONCURRENT_ANALYSES})
 */
public record Limits(
    int publicMinCount,
    double publicMinBandwidthMetres,
    double publicMinCellMetres,
    double publicHeatCellMetres,
    double maxBandwidthMetres,
    long maxAnalysisCells,
    long maxGridCells,
    int maxIncidents,
    int requestsPerMinute,
    int analysesPerMinute,
    int concurrentAnalyses) {

  /**
   * The cell sizes, in metres, public hexagons and Gi* cells may have (those of at least
   * {@link #publicMinCellMetres()}): a few fixed grids, so that no size can be tuned to isolate
   * incidents (docs/privacy.md). The first is the default.
   */
  public static final List<Double> PUBLIC_CELL_SIZES = List.of(250.0, 100.0, 150.0, 500.0, 1000.0);

  public static final String PUBLIC_MIN_COUNT = "public-min-count";
  public static final String PUBLIC_MIN_BANDWIDTH = "public-min-bandwidth";
  public static final String PUBLIC_MIN_CELL = "public-min-cell";
  public static final String PUBLIC_HEAT_CELL = "public-heat-cell";
  public static final String MAX_BANDWIDTH = "max-bandwidth";
  public static final String MAX_ANALYSIS_CELLS = "max-analysis-cells";
  public static final String MAX_GRID_CELLS = "max-grid-cells";
  public static final String MAX_INCIDENTS = "max-incidents";
  public static final String REQUESTS_PER_MINUTE = "requests-per-minute";
  public static final String ANALYSES_PER_MINUTE = "analyses-per-minute";
  public static final String CONCURRENT_ANALYSES = "concurrent-analyses";

  public Limits {
    List<String> errors = new ArrayList<>();
    if (publicMinCount < 1 || publicMinCount > 1000) {
      errors.add("--" + PUBLIC_MIN_COUNT + " must be 1 to 1000");
    }
    if (!(maxBandwidthMetres >= 100 && maxBandwidthMetres <= 100_000)) {
      errors.add("--" + MAX_BANDWIDTH + " must be 100 to 100000 metres");
    }
    if (!(publicMinBandwidthMetres >= 0 && publicMinBandwidthMetres <= maxBandwidthMetres)) {
      errors.add("--" + PUBLIC_MIN_BANDWIDTH + " must be 0 to --" + MAX_BANDWIDTH + " metres");
    }
    if (!(publicMinCellMetres >= 0 && publicMinCellMetres <= 10_000)) {
      errors.add("--" + PUBLIC_MIN_CELL + " must be 0 to 10000 metres");
    }
    if (!(publicHeatCellMetres >= Math.max(50, publicMinCellMetres)
        && publicHeatCellMetres <= 10_000)) {
      errors.add("--" + PUBLIC_HEAT_CELL + " must be at least 50 metres and --" + PUBLIC_MIN_CELL
          + ", and at most 10000");
    }
    if (maxAnalysisCells < 100 || maxGridCells < 100) {
      errors.add("--" + MAX_ANALYSIS_CELLS + " and --" + MAX_GRID_CELLS + " must be 100 or more");
    }
    if (maxIncidents < 1000) {
      errors.add("--" + MAX_INCIDENTS + " must be 1000 or more");
    }
    if (requestsPerMinute < 1 || analysesPerMinute < 1) {
      errors.add("--" + REQUESTS_PER_MINUTE + " and --" + ANALYSES_PER_MINUTE
          + " must be 1 or more");
    }
    if (concurrentAnalyses < 1 || concurrentAnalyses > 256) {
      errors.add("--" + CONCURRENT_ANALYSES + " must be 1 to 256");
    }
    if (!errors.isEmpty()) {
      throw new HotbeatException("invalid limits: " + String.join("; ", errors));
    }
  }

  /** {@link #PUBLIC_CELL_SIZES} at or above the public minimum cell, the default first. */
  public List<Double> publicCellSizes() {
    List<Double> out = new ArrayList<>();
    for (double size : PUBLIC_CELL_SIZES) {
      if (size >= publicMinCellMetres) {
        out.add(size);
      }
    }
    if (out.isEmpty()) {
      out.add(publicMinCellMetres);
    }
    return out;
  }

  /** The same limits with another largest bandwidth. */
  public Limits withMaxBandwidthMetres(double metres) {
    return new Limits(publicMinCount, publicMinBandwidthMetres, publicMinCellMetres, publicHeatCellMetres, metres,
        maxAnalysisCells, maxGridCells, maxIncidents, requestsPerMinute, analysesPerMinute,
        concurrentAnalyses);
  }

  /** The same limits with another public minimum count, e.g. for a fixture drawn for it. */
  public Limits withPublicMinCount(int count) {
    return new Limits(count, publicMinBandwidthMetres, publicMinCellMetres, publicHeatCellMetres,
        maxBandwidthMetres, maxAnalysisCells, maxGridCells, maxIncidents, requestsPerMinute,
        analysesPerMinute, concurrentAnalyses);
  }

  /** The same limits with other request budgets, e.g. for a test of 429 answers. */
  public Limits withRates(int requests, int analyses, int concurrent) {
    return new Limits(publicMinCount, publicMinBandwidthMetres, publicMinCellMetres,
        publicHeatCellMetres, maxBandwidthMetres, maxAnalysisCells, maxGridCells, maxIncidents, requests, analyses,
        concurrent);
  }

  /**
   * The one wording of "this grid has too many cells", naming the limit that bounds it
   * ({@link #MAX_ANALYSIS_CELLS} or {@link #MAX_GRID_CELLS}).
   */
  public static LimitExceededException tooManyCells(String limit, long cells, long max) {
    return new LimitExceededException(limit, "the grid would have " + cells + " cells; the limit "
        + "is " + max + ": use larger cells or a smaller area");
  }

  /** More than {@link #maxIncidents()} incidents match a filter. */
  public static LimitExceededException tooManyIncidents(long max) {
    return new LimitExceededException(MAX_INCIDENTS, "more than " + max + " incidents match; "
        + "narrow the filter");
  }

  public static Limits defaults() {
    return new Limits(10, 250, 100, 250, 20_000, 250_000, 4_000_000, 5_000_000, 6_000, 60,
        Math.max(2, Runtime.getRuntime().availableProcessors()));
  }
}
