package org.hotbeat.evaluation;

import java.util.List;
import org.hotbeat.geo.GeoJsonAreas;
import org.hotbeat.geo.MetricProjection;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Where a backtest counts: the convex hull of the incidents, or given polygons (districts, wards,
 * beats). A convex hull includes far-away strays (police.uk data has crimes recorded hundreds of
 * km away), so a real boundary is the better choice when one exists. Stateless.
 */
public final class StudyArea {
  private static final GeometryFactory GF = new GeometryFactory();

  private StudyArea() {}

  /** The convex hull of points in a metric plane. */
  public static Geometry convexHull(double[] xs, double[] ys) {
    Coordinate[] c = new Coordinate[xs.length];
    for (int i = 0; i < c.length; i++) {
      c[i] = new Coordinate(xs[i], ys[i]);
    }
    return GF.createMultiPointFromCoords(c).convexHull();
  }

  /**
   * The union of the polygons in GeoJSON texts (geometries, features or feature collections in
   * WGS84 lon/lat).
   *
   * @throws org.hotbeat.InvalidInputException naming {@code boundary} when a text is not GeoJSON
   *     or none holds a polygon
   */
  public static Geometry fromGeoJson(List<String> texts) {
    return GeoJsonAreas.union("boundary", texts);
  }

  /** A WGS84 area in a metric plane (vertex by vertex; boundaries are dense enough at city scale). */
  public static Geometry project(Geometry lonLat, MetricProjection projection) {
    return projection.forward(lonLat).buffer(0);
  }
}
