package org.hotbeat.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.hotbeat.InvalidInputException;
import org.hotbeat.geo.MetricProjection;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

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
   * @throws InvalidInputException (field {@code boundary}) when a text is not GeoJSON or holds
   *     no polygon
   */
  public static Geometry fromGeoJson(List<String> texts) {
    List<Geometry> polys = new ArrayList<>();
    GeoJsonReader reader = new GeoJsonReader(GF);
    for (String t : texts) {
      try {
        collect(reader.read(t), polys);
      } catch (ParseException | RuntimeException e) {
        throw new InvalidInputException("boundary", "not valid GeoJSON: " + e.getMessage());
      }
    }
    if (polys.isEmpty()) {
      throw new InvalidInputException("boundary", "holds no polygon");
    }
    return GF.buildGeometry(polys).buffer(0);
  }

  private static void collect(Geometry g, List<Geometry> out) {
    if (g instanceof GeometryCollection gc && !(g instanceof Polygonal)) {
      for (int i = 0; i < gc.getNumGeometries(); i++) {
        collect(gc.getGeometryN(i), out);
      }
    } else if (g instanceof Polygonal && !g.isEmpty()) {
      out.add(g);
    }
  }

  /** A WGS84 area in a metric plane (vertex by vertex; boundaries are dense enough at city scale). */
  public static Geometry project(Geometry lonLat, MetricProjection projection) {
    return projection.forward(lonLat).buffer(0);
  }
}
