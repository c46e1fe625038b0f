package org.hotbeat.geo;

import java.util.ArrayList;
import java.util.List;
import org.hotbeat.InvalidInputException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/**
 * The one reader of areas given as GeoJSON, for every request, command and stored outline: a
 * Polygon or MultiPolygon geometry, a Feature holding one, or a FeatureCollection (or
 * GeometryCollection) whose polygons are taken together. Coordinates are [lon, lat] in WGS84
 * (EPSG:4326) and are checked to lie in range, so a projected outline is refused rather than
 * drawn somewhere off Africa. Errors name the field. Stateless and thread-safe.
 */
public final class GeoJsonAreas {
  private static final GeometryFactory GF = new GeometryFactory();

  private GeoJsonAreas() {}

  /**
   * The polygons of one GeoJSON text as one Polygon or MultiPolygon (several parts are joined,
   * not dissolved; see {@link #union}).
   *
   * @throws InvalidInputException naming {@code field} for text that is not GeoJSON, holds no
   *     polygon, or has coordinates outside [-180, 180] × [-90, 90]
   */
  public static Geometry read(String field, String geoJson) {
    List<Geometry> parts = new ArrayList<>();
    collect(field, parse(field, geoJson), parts, true);
    if (parts.isEmpty()) {
      throw new InvalidInputException(field, "holds no polygon (GeoJSON Polygon or MultiPolygon)");
    }
    return parts.size() == 1 ? parts.get(0) : GF.buildGeometry(parts);
  }

  /**
   * {@link #read} that also refuses an empty or invalid polygon (rings that do not close or
   * that cross themselves), for callers that compute with it at once.
   */
  public static Geometry readValid(String field, String geoJson) {
    Geometry g = read(field, geoJson);
    if (g.isEmpty() || !g.isValid()) {
      throw new InvalidInputException(field, "the polygon is empty or not valid (rings must "
          + "close and must not cross themselves)");
    }
    return g;
  }

  /**
   * The union of the polygons of several GeoJSON texts (district, ward or beat outlines),
   * dissolved and repaired with a zero buffer so touching or overlapping parts count once.
   */
  public static Geometry union(String field, List<String> geoJsons) {
    List<Geometry> parts = new ArrayList<>();
    for (String text : geoJsons) {
      collect(field, parse(field, text), parts, false);
    }
    if (parts.isEmpty()) {
      throw new InvalidInputException(field, "holds no polygon (GeoJSON Polygon or MultiPolygon)");
    }
    return GF.buildGeometry(parts).buffer(0);
  }

  /** GeoJSON text of a geometry, without the {@code crs} member (WGS84 is GeoJSON's default). */
  public static String write(Geometry g) {
    GeoJsonWriter w = new GeoJsonWriter();
    w.setEncodeCRS(false);
    return w.write(g);
  }

  private static Geometry parse(String field, String text) {
    try {
      return new GeoJsonReader(GF).read(text);
    } catch (ParseException | RuntimeException e) {
      throw new InvalidInputException(field, "is not GeoJSON: " + e.getMessage());
    }
  }

  /**
   * Adds the non-empty polygons of {@code g} to {@code out}; with {@code strict}, a geometry that
   * is not polygonal (a Point given as the area) is an error rather than skipped.
   */
  private static void collect(String field, Geometry g, List<Geometry> out, boolean strict) {
    if (g instanceof GeometryCollection gc && !(g instanceof Polygonal)) {
      for (int i = 0; i < gc.getNumGeometries(); i++) {
        collect(field, gc.getGeometryN(i), out, false);
      }
    } else if (g instanceof Polygonal) {
      checkRange(field, g);
      if (!g.isEmpty()) {
        out.add(g);
      }
    } else if (strict) {
      throw new InvalidInputException(field, "must be a GeoJSON Polygon or MultiPolygon, not "
          + g.getGeometryType());
    }
  }

  private static void checkRange(String field, Geometry g) {
    for (Coordinate c : g.getCoordinates()) {
      if (!(Math.abs(c.x) <= 180 && Math.abs(c.y) <= 90)) {
        throw new InvalidInputException(field, "coordinates must be [lon, lat] in degrees "
            + "(EPSG:4326), got [" + c.x + ", " + c.y + "]");
      }
    }
  }
}
