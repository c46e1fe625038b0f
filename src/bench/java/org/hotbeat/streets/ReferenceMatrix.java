package org.hotbeat.streets;

import java.util.List;
import org.hotbeat.geo.LonLat;

/**
 * For benchmarks: the Dijkstra matrix the contraction hierarchy replaced (package-private in
 * {@link GraphHopperRouter}), so one run can time both.
 */
public final class ReferenceMatrix {
  private ReferenceMatrix() {}

  public static StreetRouter.Matrix dijkstra(StreetRouter router, TravelMode mode,
      List<LonLat> from, List<LonLat> to) {
    return ((GraphHopperRouter) router).dijkstraMatrix(mode, from, to);
  }
}
