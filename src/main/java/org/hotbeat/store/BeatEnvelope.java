package org.hotbeat.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * The bounding box of an agency's beats (WGS84 degrees): where its incidents can be. A point far
 * outside it is a data error (swapped or mistyped coordinates) that would stretch every map and
 * analysis of the agency, so imports and corrections refuse it. Immutable.
 */
public record BeatEnvelope(double west, double south, double east, double north) {
  /** How far outside its beats an incident may lie: a border road, a neighbouring town. */
  public static final double MARGIN_METRES = 50_000;
  private static final double METRES_PER_DEGREE = 111_320;

  /** The envelope of the agency's beats, or empty when it has none. */
  public static Optional<BeatEnvelope> of(Connection c, String agency) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("""
        SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)
        FROM (SELECT ST_Extent(geom) AS e FROM beat WHERE agency = ?) b WHERE e IS NOT NULL""")) {
      ps.setString(1, agency);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(new BeatEnvelope(rs.getDouble(1), rs.getDouble(2),
            rs.getDouble(3), rs.getDouble(4))) : Optional.empty();
      }
    }
  }

  /** Why (lon, lat) is too far from the beats to be the agency's, or null when it is near. */
  public String whyOutside(double lon, double lat) {
    double metres = metresOutside(lon, lat);
    if (metres <= MARGIN_METRES) {
      return null;
    }
    return String.format(Locale.ROOT, "point (%s, %s) is %.0f km outside the agency's beats "
        + "(more than %.0f km)%s", lon, lat, metres / 1000, MARGIN_METRES / 1000,
        metresOutside(lat, lon) <= MARGIN_METRES ? ": latitude and longitude look swapped" : "");
  }

  /** Distance from the envelope, 0 inside (equirectangular: ample for a 50 km margin). */
  private double metresOutside(double lon, double lat) {
    double dLon = Math.max(0, Math.max(west - lon, lon - east));
    double dLat = Math.max(0, Math.max(south - lat, lat - north));
    double nearestLat = Math.max(south, Math.min(north, lat));
    return METRES_PER_DEGREE * Math.hypot(dLon * Math.cos(Math.toRadians(nearestLat)), dLat);
  }
}
