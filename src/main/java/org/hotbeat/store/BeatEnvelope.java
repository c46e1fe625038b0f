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
  private static final double EARTH_RADIUS_METRES = 6_371_008.8;

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

  /** Great-circle distance to the envelope's nearest point (its clamp), 0 inside. */
  private double metresOutside(double lon, double lat) {
    double nearLon = Math.max(west, Math.min(east, lon));
    double nearLat = Math.max(south, Math.min(north, lat));
    double dLat = Math.toRadians(lat - nearLat);
    double dLon = Math.toRadians(lon - nearLon);
    double h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(Math.toRadians(lat))
        * Math.cos(Math.toRadians(nearLat)) * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
  }
}
