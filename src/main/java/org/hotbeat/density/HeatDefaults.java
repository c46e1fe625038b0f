package org.hotbeat.density;

/**
 * The heat layer's default settings, shared by the tiles, the legend and the backtest's
 * {@code default} method, so that the map shows what the backtest validated. They won the search
 * in docs/hotspots.md ("Choosing the default"): a blend of {@value #COUNT_SHARE} own-cell counts
 * in {@value #COUNT_CELL_M} m cells with a quartic KDE of {@value #BANDWIDTH_M} m.
 *
 * <p>Public maps never show cell counts: callers without a patrol or analyst token get the KDE
 * alone, at this bandwidth or the public minimum, whichever is larger.
 */
public final class HeatDefaults {
  /** Quartic support radius, metres. */
  public static final double BANDWIDTH_M = 400;
  /** Share of the cell's own count in the blend, 0–1. */
  public static final double COUNT_SHARE = 0.8;
  /** Side of the count cells, metres. */
  public static final double COUNT_CELL_M = 150;
  /** Half-life of an incident's weight, days; 0 for none (no decay won the search). */
  public static final double HALF_LIFE_DAYS = 0;

  private HeatDefaults() {}
}
