package org.hotbeat.streets;

import java.util.List;
import org.hotbeat.geo.LonLat;
import org.locationtech.jts.geom.LineString;

/**
 * Routes and travel times on one imported street graph, for the patrol planner and anything else
 * that moves along streets. Points snap to the nearest street their mode may use, within
 * {@link #MAX_SNAP_METRES}; a point farther away is an {@link OffNetworkException}. Every snapped
 * point can reach every other (the graph keeps only its main network), so a route always exists.
 *
 * <p>Implementations are immutable and thread-safe: many requests may route at once.
 */
public interface StreetRouter {
  /** How far a point may lie from the nearest usable street, in metres. */
  double MAX_SNAP_METRES = 500;

  /**
   * The point of the nearest street {@code mode} may use: where a unit stops for a place.
   *
   * @throws OffNetworkException (index 0) when no such street is within {@link #MAX_SNAP_METRES}
   */
  LonLat snap(TravelMode mode, LonLat point);

  /** The fastest route from {@code from} to {@code to} for {@code mode}. */
  Route route(TravelMode mode, LonLat from, LonLat to);

  /**
   * Travel times and distances of the fastest routes from {@code from} to each of {@code to}, in
   * one search (the building block of a many-to-many matrix: one call per origin). Equal to
   * {@link #route} for each target, up to rounding.
   *
   * @throws OffNetworkException naming the first point (0 = {@code from}, i = {@code to[i-1]}) that
   *     does not snap
   */
  TravelTimes travelTimes(TravelMode mode, LonLat from, List<LonLat> to);

  /**
   * Travel times and distances from each of {@code from} to each of {@code to}: the many-to-many
   * matrix of the patrol planner. Each distinct point is snapped once; the searches run on the
   * graph's contraction hierarchy (see {@code docs/streets.md}), so a 50 × 50 matrix costs a few
   * milliseconds. Row i is what {@link #travelTimes}{@code (mode, from[i], to)} gives.
   *
   * @throws OffNetworkException naming the first point that does not snap, numbered origins first
   *     (0 to from.size() - 1), then targets
   */
  Matrix matrix(TravelMode mode, List<LonLat> from, List<LonLat> to);

  /**
   * A route along streets.
   *
   * @param metres length in metres
   * @param seconds driving or walking time in seconds
   * @param geometry the path in EPSG:4326, from the snapped start to the snapped end
   */
  record Route(double metres, double seconds, LineString geometry) {}

  /**
   * Results of {@link #travelTimes}, in the order of the targets.
   *
   * @param seconds travel time to each target, in seconds
   * @param metres length of each route, in metres
   */
  record TravelTimes(double[] seconds, double[] metres) {
    public int size() {
      return seconds.length;
    }
  }

  /**
   * Results of {@link #matrix}: {@code seconds[i][j]} from origin i to target j, in seconds, and
   * {@code metres[i][j]} the length of that route.
   */
  record Matrix(double[][] seconds, double[][] metres) {}
}
