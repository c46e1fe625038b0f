package org.hotbeat.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Reads beats. Thread-safe. */
public final class BeatRepository {
  /** A beat with its outline as GeoJSON (WGS84), simplified to {@code tolerance} degrees. */
  public record Beat(String agency, String code, String name, String district,
      String geometryJson) {}

  private final DataSource dataSource;

  public BeatRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Beats from rows of (agency, code, name, district, GeoJSON). */
  private static List<Beat> read(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      List<Beat> out = new ArrayList<>();
      while (rs.next()) {
        out.add(new Beat(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5)));
      }
      return out;
    }
  }

  /** The agencies that have a beat with this code. */
  public List<String> agenciesWith(String code) throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
        "SELECT agency FROM beat WHERE code = ? ORDER BY agency")) {
      ps.setString(1, code);
      try (ResultSet rs = ps.executeQuery()) {
        List<String> out = new ArrayList<>();
        while (rs.next()) {
          out.add(rs.getString(1));
        }
        return out;
      }
    }
  }

  /** {west, south, east, north} of all beats in WGS84, or null when there are none. */
  public double[] extent() throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
        "SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM "
            + "(SELECT ST_Extent(geom) e FROM beat) x"); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getObject(1) == null ? null
          : new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)};
    }
  }

  /** Beats whose outline meets a WGS84 box, by (agency, code), from {@code offset} on. */
  public List<Beat> page(double[] bbox, String agencyCode, int offset, int limit)
      throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
        SELECT agency, code, name, district, ST_AsGeoJSON(geom, 7) FROM beat
        WHERE (?::float8 IS NULL OR geom && ST_MakeEnvelope(?, ?, ?, ?, 4326))
          AND (?::text IS NULL OR agency || ':' || code = ?)
        ORDER BY agency, code OFFSET ? LIMIT ?""")) {
      ps.setObject(1, bbox == null ? null : bbox[0]);
      for (int i = 0; i < 4; i++) {
        ps.setObject(2 + i, bbox == null ? null : bbox[i]);
      }
      ps.setString(6, agencyCode);
      ps.setString(7, agencyCode);
      ps.setInt(8, offset);
      ps.setInt(9, limit);
      return read(ps);
    }
  }

  /**
   * @param agency only this agency's beats, or null for all
   * @param tolerance simplification in degrees (0 keeps every vertex)
   */
  public List<Beat> list(String agency, double tolerance) throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
        SELECT agency, code, name, district,
               ST_AsGeoJSON(CASE WHEN ? > 0 THEN ST_SimplifyPreserveTopology(geom, ?) ELSE geom END, 7)
        FROM beat WHERE (?::text IS NULL OR agency = ?) ORDER BY agency, code""")) {
      ps.setDouble(1, tolerance);
      ps.setDouble(2, tolerance);
      ps.setString(3, agency);
      ps.setString(4, agency);
      return read(ps);
    }
  }

  /** A beat's outline as GeoJSON (WGS84, every vertex) with its agency. */
  public record Outline(String agency, String code, String geometryJson) {}

  /**
   * The outlines of beats with this code: of {@code agency} only, or of every agency that has one
   * when it is null (several means the caller must say which).
   */
  public List<Outline> outlines(String code, String agency) throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
        SELECT agency, code, ST_AsGeoJSON(geom) FROM beat
        WHERE code = ? AND (?::text IS NULL OR agency = ?) ORDER BY agency""")) {
      ps.setString(1, code);
      ps.setString(2, agency);
      ps.setString(3, agency);
      try (ResultSet rs = ps.executeQuery()) {
        List<Outline> out = new ArrayList<>();
        while (rs.next()) {
          out.add(new Outline(rs.getString(1), rs.getString(2), rs.getString(3)));
        }
        return out;
      }
    }
  }
}
