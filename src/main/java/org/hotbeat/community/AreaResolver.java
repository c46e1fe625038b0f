package org.hotbeat.community;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hotbeat.InvalidInputException;
import org.hotbeat.NotFoundException;
import org.hotbeat.geo.GeoJsonAreas;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;

/**
 * Turns beat codes and GeoJSON (read by {@link GeoJsonAreas}) into geometries, and checks how they
 * lie. Stateless.
 */
final class AreaResolver {
  /** A resolved area: its label, WKB (EPSG:4326) and size. */
  record Shape(String field, String label, byte[] wkb, double km2) {}

  /** The agency named, or the only one there is. */
  String agency(Connection c, String named) throws SQLException {
    List<String> all = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT code FROM agency UNION SELECT DISTINCT agency FROM beat ORDER BY 1");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        all.add(rs.getString(1));
      }
    }
    if (named != null && !named.isBlank()) {
      if (!all.contains(named)) {
        throw new NotFoundException("no agency " + named + " (known: " + String.join(", ", all)
            + ")");
      }
      return named;
    }
    if (all.size() != 1) {
      throw new InvalidInputException("agency", all.isEmpty() ? "no data is loaded yet"
          : "name one of " + String.join(", ", all));
    }
    return all.get(0);
  }

  /** Throws {@link NotFoundException} unless the agency has this beat. */
  void requireBeat(Connection c, String agency, String field, String code) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT 1 FROM beat WHERE agency = ? AND code = ?")) {
      ps.setString(1, agency);
      ps.setString(2, code);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new NotFoundException(field + ": no beat " + code + " in agency " + agency);
        }
      }
    }
  }

  /** The agency's local time zone (UTC until set). */
  ZoneId timeZone(Connection c, String agency) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT time_zone FROM agency WHERE code = ?")) {
      ps.setString(1, agency);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? ZoneId.of(rs.getString(1)) : ZoneId.of("UTC");
      }
    } catch (DateTimeException e) {
      return ZoneId.of("UTC");
    }
  }

  Shape resolve(Connection c, String agency, String field, AreaSpec spec) throws SQLException {
    if (spec.beat() != null) {
      try (PreparedStatement ps = c.prepareStatement("SELECT ST_AsBinary(geom), "
          + "ST_Area(geom::geography) / 1e6 FROM beat WHERE agency = ? AND code = ?")) {
        ps.setString(1, agency);
        ps.setString(2, spec.beat());
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            throw new NotFoundException(field + ": no beat " + spec.beat() + " in agency "
                + agency);
          }
          return new Shape(field, spec.label(), rs.getBytes(1), rs.getDouble(2));
        }
      }
    }
    Geometry polygon = GeoJsonAreas.read(field, spec.polygonGeoJson());
    try (PreparedStatement ps = c.prepareStatement("""
        SELECT ST_IsValid(g), ST_IsValidReason(g), ST_AsBinary(g), ST_Area(g::geography) / 1e6
        FROM (SELECT ST_GeomFromWKB(?, 4326) g) x""")) {
      ps.setBytes(1, new WKBWriter().write(polygon));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        if (!rs.getBoolean(1)) {
          throw new InvalidInputException(field, "is not a valid polygon: " + rs.getString(2));
        }
        if (!(rs.getDouble(4) > 0)) {
          throw new InvalidInputException(field, "has no area");
        }
        return new Shape(field, spec.label(), rs.getBytes(3), rs.getDouble(4));
      }
    }
  }

  /** The ring within {@code metres} of {@code inner}, minus {@code inner} itself. */
  Shape ring(Connection c, Shape inner, double metres) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("""
        SELECT ST_AsBinary(r), ST_Area(r::geography) / 1e6 FROM (
          SELECT ST_Difference(ST_Buffer(g::geography, ?)::geometry, g) r
          FROM (SELECT ST_GeomFromWKB(?, 4326) g) x) y""")) {
      ps.setDouble(1, metres);
      ps.setBytes(2, inner.wkb());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new Shape("buffer", String.format(Locale.ROOT, "%.0f m around the response area",
            metres), rs.getBytes(1), rs.getDouble(2));
      }
    }
  }

  /** Refuses, naming each pair, areas that share ground: the comparison would count it twice. */
  void refuseOverlaps(Connection c, Shape response, Shape buffer, Shape control)
      throws SQLException {
    List<String> overlaps = new ArrayList<>();
    Shape[][] pairs = {{response, control}, {buffer, control}};
    for (Shape[] p : pairs) {
      double m2 = overlapM2(c, p[0], p[1]);
      if (m2 > AssessmentService.OVERLAP_TOLERANCE_M2) {
        overlaps.add(String.format(Locale.ROOT, "the control area (%s) overlaps the %s (%s) by "
            + "%.0f m²", p[1].label(), p[0] == response ? "response area" : "buffer", p[0].label(),
            m2));
      }
    }
    if (!overlaps.isEmpty()) {
      throw new InvalidInputException("control", String.join("; ", overlaps) + ": choose a "
          + "control area apart from the response area and its buffer"
          + (overlaps.size() == 1 && overlaps.get(0).contains("buffer") ? ", or a narrower buffer"
              : ""));
    }
  }

  private static double overlapM2(Connection c, Shape a, Shape b) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("""
        SELECT CASE WHEN ST_Intersects(a, b) THEN ST_Area(ST_Intersection(a, b)::geography)
                    ELSE 0 END
        FROM (SELECT ST_GeomFromWKB(?, 4326) a, ST_GeomFromWKB(?, 4326) b) x""")) {
      ps.setBytes(1, a.wkb());
      ps.setBytes(2, b.wkb());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getDouble(1);
      }
    }
  }
}
