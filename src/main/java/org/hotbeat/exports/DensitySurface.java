package org.hotbeat.exports;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hotbeat.InvalidInputException;
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
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * The density surface of an incident filter for export: computed in the UTM zone of the
 * incidents, over their extent grown by the kernel's reach, in incidents per km² (per period when
 * asked). Also the hotspot areas: the polygons of the densest cells that together cover 1, 5 or
 * 10 % of the study area (the incidents' convex hull). Thread-safe.
 */
public final class DensitySurface {
  /** How to smooth; {@code cellSize} ≤ 0 means a quarter of the bandwidth. */
  public record Settings(Kernel kernel, double bandwidth, double cellSize, double periods,
      long maxCells) {}

  /**
   * The densest cells covering a share of the study area, merged and simplified.
   *
   * @param thresholdPerKm2 the lowest density among them
   * @param coordinates GeoJSON MultiPolygon coordinates in WGS84
   */
  public record HotspotArea(double share, double thresholdPerKm2, double areaKm2,
      List<List<List<double[]>>> coordinates) {}

  /** A computed surface, its plane, and the study area (in that plane). */
  public record Surface(DensityGrid grid, MetricProjection projection, Geometry studyArea,
      int incidents) {}

  private final IncidentRepository incidents;
  private final int maxIncidents;

  /** @param maxIncidents most incidents one surface reads ({@link Limits#maxIncidents()}) */
  public DensitySurface(IncidentRepository incidents, int maxIncidents) {
    this.incidents = incidents;
    this.maxIncidents = maxIncidents;
  }

  /**
   * @throws InvalidInputException for fewer than 3 incidents
   * @throws org.hotbeat.LimitExceededException for too many incidents or cells
   *     ({@link Limits#MAX_GRID_CELLS})
   */
  public Surface compute(IncidentQuery filter, Settings s) throws SQLException {
    double[][] pos = incidents.positions(filter, maxIncidents);
    if (pos[0].length < 3) {
      throw new InvalidInputException("filter", "the filter matches " + pos[0].length
          + " incidents; a surface needs at least 3");
    }
    MetricProjection proj = MetricProjection.utmFor(pos[0], pos[1]);
    Points pts = Points.projected(pos[0], pos[1], null, proj);
    Envelope env = new Envelope();
    Coordinate[] coords = new Coordinate[pts.size()];
    for (int i = 0; i < pts.size(); i++) {
      env.expandToInclude(pts.x(i), pts.y(i));
      coords[i] = new Coordinate(pts.x(i), pts.y(i));
    }
    double reach = s.kernel().reach(s.bandwidth());
    env.expandBy(reach);
    double cell = s.cellSize() > 0 ? s.cellSize() : s.bandwidth() / 4;
    long w = (long) Math.ceil(env.getWidth() / cell);
    long h = (long) Math.ceil(env.getHeight() / cell);
    if (w * h > s.maxCells()) {
      throw Limits.tooManyCells(Limits.MAX_GRID_CELLS, w * h, s.maxCells());
    }
    GridSpec grid = new GridSpec(env.getMinX(), env.getMinY(), cell, (int) w, (int) h);
    DensityGrid g = new DensityEngine(s.maxCells()).compute(
        DensityRequest.of(pts, grid, s.kernel(), s.bandwidth()).perPeriods(s.periods()));
    Geometry hull = new GeometryFactory().createMultiPointFromCoords(coords).convexHull();
    return new Surface(g, proj, hull, pts.size());
  }

  /** Polygons (WGS84 rings) of the densest cells covering each share of the study area. */
  public static List<HotspotArea> hotspotAreas(Surface surface, double[] shares) {
    GridSpec s = surface.grid().spec();
    GeometryFactory gf = new GeometryFactory();
    PreparedGeometry area = PreparedGeometryFactory.prepare(surface.studyArea());
    List<Integer> inside = new ArrayList<>();
    for (int row = 0; row < s.height(); row++) {
      for (int col = 0; col < s.width(); col++) {
        if (area.contains(gf.createPoint(new Coordinate(s.centreX(col), s.centreY(row))))) {
          inside.add(row * s.width() + col);
        }
      }
    }
    float[] v = surface.grid().values();
    float[] sorted = new float[inside.size()];
    for (int i = 0; i < sorted.length; i++) {
      sorted[i] = v[inside.get(i)];
    }
    Arrays.sort(sorted);
    List<HotspotArea> out = new ArrayList<>();
    for (double share : shares) {
      int k = Math.max(1, (int) Math.round(share * sorted.length));
      float threshold = sorted[sorted.length - k];
      List<Geometry> cells = new ArrayList<>();
      for (int idx : inside) {
        if (v[idx] >= threshold && v[idx] > 0) {
          int col = idx % s.width();
          int row = idx / s.width();
          double x0 = s.minX() + col * s.cellSize();
          double y0 = s.centreY(row) - s.cellSize() / 2;
          cells.add(gf.toGeometry(new Envelope(x0, x0 + s.cellSize(), y0, y0 + s.cellSize())));
        }
      }
      Geometry union = gf.buildGeometry(cells).union();
      Geometry smooth = TopologyPreservingSimplifier.simplify(union, s.cellSize() / 2);
      out.add(new HotspotArea(share, threshold, union.getArea() / 1e6,
          toLonLat(smooth, surface.projection())));
    }
    return out;
  }

  /** GeoJSON MultiPolygon coordinates in WGS84. */
  private static List<List<List<double[]>>> toLonLat(Geometry g, MetricProjection proj) {
    List<List<List<double[]>>> polys = new ArrayList<>();
    for (int i = 0; i < g.getNumGeometries(); i++) {
      org.locationtech.jts.geom.Polygon p = (org.locationtech.jts.geom.Polygon) g.getGeometryN(i);
      List<List<double[]>> rings = new ArrayList<>();
      rings.add(ring(p.getExteriorRing().getCoordinates(), proj));
      for (int k = 0; k < p.getNumInteriorRing(); k++) {
        rings.add(ring(p.getInteriorRingN(k).getCoordinates(), proj));
      }
      polys.add(rings);
    }
    return polys;
  }

  private static List<double[]> ring(Coordinate[] cs, MetricProjection proj) {
    List<double[]> out = new ArrayList<>(cs.length);
    for (Coordinate c : cs) {
      double[] ll = proj.inverse(c.x, c.y);
      out.add(new double[] {Math.round(ll[0] * 1e7) / 1e7, Math.round(ll[1] * 1e7) / 1e7});
    }
    return out;
  }
}
