package org.hotbeat.tiles;

import org.hotbeat.density.HeatDefaults;
import org.hotbeat.density.Kernel;
import org.hotbeat.store.IncidentQuery;

/**
 * What a heat layer shows: the incidents of a filter, smoothed by a kernel of a bandwidth in true
 * metres, in incidents per km² over the filter's period (divided by {@code periods} when a rate
 * per day, week, month or year is asked for). With a {@code countShare} above 0 the layer is the
 * backtest's blend: {@code (1 − share) · KDE + share · (incidents in the pixel's cell / cell area)},
 * cells of {@code countCellMetres} true metres on one global lattice (see {@link HeatDefaults}).
 *
 * <p>A public layer ({@code publicCellMetres} above 0) is smoothed not from the incidents but
 * from their counts on a fixed grid of cells of that side, cells of fewer than
 * {@code minCount} left out (docs/privacy.md).
 *
 * @param key a canonical text of all of the above, for caches and ETags
 */
public record HeatQuery(IncidentQuery filter, Kernel kernel, double bandwidthMetres,
    double periods, String perUnit, String key, double countShare, double countCellMetres,
    double publicCellMetres, int minCount) {
  public HeatQuery {
    if (publicCellMetres > 0 && (countShare > 0 || minCount < 1)) {
      throw new IllegalArgumentException("a public layer has no count blend and a minimum count");
    }
    if (!(countShare >= 0 && countShare <= 1)) {
      throw new IllegalArgumentException("the count share must be 0 to 1");
    }
    if (countShare > 0 && !(countCellMetres > 0)) {
      throw new IllegalArgumentException("the count cell must be more than 0 m");
    }
  }

  /** A plain kernel density, no count blend. */
  public HeatQuery(IncidentQuery filter, Kernel kernel, double bandwidthMetres, double periods,
      String perUnit, String key) {
    this(filter, kernel, bandwidthMetres, periods, perUnit, key, 0, 0, 0, 0);
  }

  /** True for a layer smoothed from suppressed cell counts. */
  public boolean fromCells() {
    return publicCellMetres > 0;
  }
}
