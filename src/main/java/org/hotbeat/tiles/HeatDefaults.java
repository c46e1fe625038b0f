package org.hotbeat.tiles;

/**
 * The heat layer's default smoothing, shared by the tiles, the density exports and the backtest's
 * {@code default} method, so that the map shows what the backtest validated (docs/hotspots.md,
 * "Choosing the default").
 */
public final class HeatDefaults {
  /** Quartic support radius, metres. */
  public static final double BANDWIDTH_M = 300;
  /** Half-life of an incident's weight in the backtest's default, days; 0 for none. */
  public static final double HALF_LIFE_DAYS = 0;

  /** Share of a second, narrow quartic kernel in the mixture; 0 for a single kernel. */
  public static final double NARROW_SHARE = 0;
  /** Radius of the narrow kernel, metres (unused when its share is 0). */
  public static final double NARROW_BANDWIDTH_M = 0;

  private HeatDefaults() {}
}
