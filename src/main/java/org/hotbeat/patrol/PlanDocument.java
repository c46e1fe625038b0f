package org.hotbeat.patrol;

import java.util.List;
import java.util.Map;

/**
 * A patrol plan as the API returns and stores it: JSON-ready records, times as ISO-8601 strings
 * on the shift's clock, positions as [lon, lat] in EPSG:4326, risk in weighted incidents of the
 * risk period. Immutable.
 *
 * @param id the plan's id (a UUID)
 * @param createdBy name of the token that asked for it
 * @param createdAt when it was made (UTC)
 * @param area what was patrolled: label, beat and agency, or the drawn polygon (GeoJSON)
 * @param notes plain-language remarks: why a plan is empty, units left without stops, fallbacks
 */
public record PlanDocument(String id, String createdBy, String createdAt, Area area, Shift shift,
    double dwellMinutes, double revisitMinutes, int maxStops, long seed, Risk risk, Totals totals,
    List<UnitPlan> units, Hotspots hotspots, List<String> notes) {

  /** Okabe–Ito colours, distinguishable with every common colour-vision deficiency. */
  static final List<String> COLOURS = List.of("#0072b2", "#d55e00", "#009e73", "#cc79a7",
      "#e69f00", "#56b4e9", "#000000", "#f0e442");

  /** @param geometry the area's outline as a GeoJSON geometry */
  public record Area(String label, String beat, String agency, Map<String, Object> geometry) {}

  public record Shift(String start, String end, double hours) {}

  /**
   * How risk was measured.
   *
   * @param incidents incidents in the surface (within reach of the area)
   * @param hours local hours the incidents were taken from (empty: all)
   */
  public record Risk(String from, String to, Map<String, Double> weights, List<Integer> hours,
      double bandwidthMetres, int incidents, double separationMetres, double minRisk) {}

  /**
   * @param risk risk covered by all visits
   * @param areaRisk the surface's risk inside the whole area
   * @param riskShare risk / areaRisk
   */
  public record Totals(double risk, double areaRisk, double riskShare, int stops, int hotspots,
      double driveMinutes, double dwellMinutes, double waitMinutes, double km) {}

  /**
   * One unit's plan.
   *
   * @param back when the unit is back at its end point
   * @param route the way along streets from start through every stop to the end
   */
  public record UnitPlan(String name, String mode, String colour, double[] start, double[] end,
      List<Stop> stops, LineString route, double driveMinutes, double dwellMinutes,
      double waitMinutes, double km, double risk, String back) {}

  /**
   * A stop.
   *
   * @param seq 1, 2, … along the unit's route
   * @param hotspot the hotspot's id in {@link Hotspots}
   * @param visit 1 for the first visit to that hotspot in this plan, 2 for the next…
   * @param street the nearest named street, or null
   * @param arrive when the dwell starts (after any wait for the revisit interval)
   * @param waitMinutes time spent near the stop before it, waiting for the revisit interval
   */
  public record Stop(int seq, int hotspot, int visit, double[] position, String street,
      String arrive, String leave, double waitMinutes, double risk) {}

  /** A GeoJSON LineString. */
  public record LineString(String type, List<double[]> coordinates) {
    public static LineString of(List<double[]> coordinates) {
      return new LineString("LineString", coordinates);
    }
  }

  /** The candidates as a GeoJSON FeatureCollection. */
  public record Hotspots(String type, List<Hotspot> features) {
    public static Hotspots of(List<Hotspot> features) {
      return new Hotspots("FeatureCollection", features);
    }
  }

  public record Hotspot(String type, int id, Point geometry, HotspotProperties properties) {}

  public record Point(String type, double[] coordinates) {
    public static Point of(double[] lonLat) {
      return new Point("Point", lonLat);
    }
  }

  /**
   * @param risk the hotspot's risk (all its visits together cover it)
   * @param visits how many times the plan visits it
   * @param unit the unit that serves it, or null
   */
  public record HotspotProperties(double risk, int visits, String unit, String street) {}
}
