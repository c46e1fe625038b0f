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
      try (ResultSet rs = ps.executeQuery()) {
        List<Beat> out = new ArrayList<>();
        while (rs.next()) {
          out.add(new Beat(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
              rs.getString(5)));
        }
        return out;
      }
    }
  }
}
