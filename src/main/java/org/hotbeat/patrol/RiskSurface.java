package org.hotbeat.patrol;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotbeat.LimitExceededException;
import org.hotbeat.config.Limits;
import org.hotbeat.density.DensityEngine;
import org.hotbeat.density.DensityGrid;
import org.hotbeat.density.DensityRequest;
import org.hotbeat.density.GridSpec;
import org.hotbeat.density.Kernel;
import org.hotbeat.density.Points;
import org.hotbeat.geo.MetricProjection;
import org.hotbeat.store.IncidentQuery;
import org.hotbeat.store.IncidentRepository;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The risk surface of a patrol area: the incidents of the risk period within reach of the area,
 * weighted by category, smoothed with a quartic kernel in the area's UTM zone. Computed over the
 * area grown by the kernel's reach and the candidate separation, so that hotspots on the
 * boundary see their incidents on both sides. Thread-safe.
 */
final class RiskSurface {
  /** Hour filters with fewer incidents than this fall back to all hours (said in the notes). */
  static final int MIN_INCIDENTS_FOR_HOURS = 20;

  /**
   * A computed surface.
   *
   * @param areaPlane the area in the surface's plane
   * @param hours the hours actually used (empty: all)
   */
  record Surface(DensityGrid grid, MetricProjection projection, Geometry areaPlane, int incidents,
      Set<Integer> hours) {}

  private final IncidentRepository incidents;
  private final Limits limits;

  /** @param limits {@code maxGridCells} bounds the surface, {@code maxIncidents} its incidents */
  RiskSurface(IncidentRepository incidents, Limits limits) {
    this.incidents = incidents;
    this.limits = limits;
  }

  /**
   * @param area the patrol area in EPSG:4326
   * @param agency only this agency's incidents, or null
   * @param notes where fallbacks are reported in plain words
   * @return the surface, or null when the risk period has no incidents near the area
   */
  Surface compute(Geometry area, String agency, PlanRequest.Risk risk, double separation,
      List<String> notes) throws SQLException {
    Coordinate centre = area.getCentroid().getCoordinate();
    MetricProjection proj = MetricProjection.utmFor(new double[] {centre.x},
        new double[] {centre.y});
    Geometry plane = proj.forward(area);
    Envelope env = plane.getEnvelopeInternal();
    env.expandBy(Kernel.QUARTIC.reach(risk.bandwidthMetres()) + separation);
    double[] bbox = lonLatBox(env, proj);

    Set<Integer> hours = risk.hours();
    List<double[]> xyw = positions(agency, bbox, risk, hours, proj);
    if (!hours.isEmpty() && xyw.size() < MIN_INCIDENTS_FOR_HOURS) {
      notes.add("only " + xyw.size() + " incidents near the area at hours " + hours
          + " in the risk period; risk uses all hours of the day instead");
      hours = Set.of();
      xyw = positions(agency, bbox, risk, hours, proj);
    }
    if (xyw.isEmpty()) {
      return null;
    }
    double[] xs = new double[xyw.size()];
    double[] ys = new double[xyw.size()];
    double[] ws = new double[xyw.size()];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = xyw.get(i)[0];
      ys[i] = xyw.get(i)[1];
      ws[i] = xyw.get(i)[2];
    }
    // Cells fine enough for street-level hotspots, coarse enough to stay cheap on large areas.
    double cell = Math.max(10, Math.min(50, risk.bandwidthMetres() / 5));
    long w = (long) Math.ceil(env.getWidth() / cell);
    long h = (long) Math.ceil(env.getHeight() / cell);
    if (w * h > limits.maxGridCells()) {
      throw new LimitExceededException(Limits.MAX_GRID_CELLS, "the area is too large for a "
          + "patrol plan (" + Math.round(env.getArea() / 1e6) + " km² with its margin, "
          + w * h + " cells of " + Math.round(cell) + " m); draw a smaller one");
    }
    GridSpec grid = new GridSpec(env.getMinX(), env.getMinY(), cell, (int) w, (int) h);
    DensityGrid g = new DensityEngine(limits.maxGridCells()).compute(DensityRequest.of(
        Points.weighted(xs, ys, ws), grid, Kernel.QUARTIC, risk.bandwidthMetres()));
    return new Surface(g, proj, plane, xs.length, hours);
  }

  /** Projected positions and weights {x, y, w} of the incidents of each weighted category. */
  private List<double[]> positions(String agency, double[] bbox, PlanRequest.Risk risk,
      Set<Integer> hours, MetricProjection proj) throws SQLException {
    List<double[]> out = new ArrayList<>();
    Map<String, Double> weights = risk.weights().isEmpty() ? Map.of("", 1.0) : risk.weights();
    for (Map.Entry<String, Double> e : weights.entrySet()) {
      if (e.getValue() <= 0) {
        continue;
      }
      Set<String> categories = e.getKey().isEmpty() ? Set.of() : Set.of(e.getKey());
      double[][] pos = incidents.positions(new IncidentQuery(agency, bbox, risk.from(), risk.to(),
          categories, null, hours, null, null, null, 1), limits.maxIncidents());
      for (int i = 0; i < pos[0].length; i++) {
        double[] xy = proj.forward(pos[0][i], pos[1][i]);
        out.add(new double[] {xy[0], xy[1], e.getValue()});
      }
    }
    return out;
  }

  /** {west, south, east, north} in degrees of a box in the plane (corners and edge midpoints). */
  private static double[] lonLatBox(Envelope env, MetricProjection proj) {
    double[] box = {180, 90, -180, -90};
    double[] xs = {env.getMinX(), (env.getMinX() + env.getMaxX()) / 2, env.getMaxX()};
    double[] ys = {env.getMinY(), (env.getMinY() + env.getMaxY()) / 2, env.getMaxY()};
    for (double x : xs) {
      for (double y : ys) {
        double[] ll = proj.inverse(x, y);
        box[0] = Math.min(box[0], ll[0]);
        box[1] = Math.min(box[1], ll[1]);
        box[2] = Math.max(box[2], ll[0]);
        box[3] = Math.max(box[3], ll[1]);
      }
    }
    return box;
  }
}
