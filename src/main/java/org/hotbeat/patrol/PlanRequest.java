package org.hotbeat.patrol;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotbeat.geo.LonLat;
import org.hotbeat.streets.TravelMode;
import org.locationtech.jts.geom.Geometry;

/**
 * A validated request for a patrol plan: where, when, who, and how risk is measured. Built by the
 * web layer from the JSON body (which names the defaults), immutable.
 *
 * @param area the beat or polygon whose hotspots are patrolled
 * @param shiftStart start of the shift; its offset is the clock the plan is written in
 * @param shiftEnd end of the shift (after the start)
 * @param units the units on duty, at least one
 * @param dwell time at each stop (Koper: 10–15 minutes)
 * @param maxStops most stops per unit, 0 for no limit
 * @param revisit least time between two visits to one hotspot; a hotspot is visited at most
 *     once when this is at least the shift
 * @param seed seed of the solver: different seeds give different near-optimal plans
 * @param risk where the hotspots' risk comes from
 * @param candidates how hotspot candidates are picked from the risk surface
 */
public record PlanRequest(Area area, OffsetDateTime shiftStart, OffsetDateTime shiftEnd,
    List<Unit> units, Duration dwell, int maxStops, Duration revisit, long seed, Risk risk,
    Candidates candidates) {
  public PlanRequest {
    units = List.copyOf(units);
  }

  public Duration shift() {
    return Duration.between(shiftStart, shiftEnd);
  }

  /**
   * A beat (by code; agency only needed when several agencies have that code) or a polygon.
   *
   * @param polygon a Polygon or MultiPolygon in EPSG:4326, or null for a beat
   */
  public record Area(String beat, String agency, Geometry polygon) {
    public String label() {
      return beat != null ? "beat " + beat : "drawn area";
    }
  }

  /** A unit on duty: where it starts and ends (usually the station), and how it moves. */
  public record Unit(String name, TravelMode mode, LonLat start, LonLat end) {}

  /**
   * The risk surface behind the candidates: incidents of [from, to), weighted by category (harm
   * weights; all categories weigh 1 when {@code weights} is empty), at the given local hours
   * (empty: all hours), smoothed with a quartic kernel of {@code bandwidthMetres}.
   */
  public record Risk(Instant from, Instant to, Map<String, Double> weights, Set<Integer> hours,
      boolean hoursOfShift, double bandwidthMetres) {
    public Risk {
      weights = Map.copyOf(weights);
      hours = Set.copyOf(hours);
    }
  }

  /**
   * How candidates are picked: local maxima of the surface at least {@code separationMetres}
   * apart, each covering the risk within half that distance, at most {@code max}, and only those
   * covering at least {@code minRisk} (weighted incidents of the risk period).
   */
  public record Candidates(double separationMetres, int max, double minRisk) {}
}
