package org.hotbeat.streets;

import org.hotbeat.geo.LonLat;

/**
 * A point that does not lie on or near any street its travel mode may use (outside the imported
 * area, in a lake, beside a motorway for a pedestrian). The web layer answers 422 naming it.
 */
public final class OffNetworkException extends RuntimeException {
  private final transient LonLat point;
  private final int index;

  /**
   * @param index the point's position in the call (see {@link #index()})
   * @param why what is wrong, e.g. how far the nearest street is
   */
  public OffNetworkException(LonLat point, int index, TravelMode mode, String why) {
    super("point " + point + " is not on the " + mode.id() + " street network: " + why);
    this.point = point;
    this.index = index;
  }

  public LonLat point() {
    return point;
  }

  /** Position of the point in the call: 0 for the origin, then the targets from 1. */
  public int index() {
    return index;
  }
}
