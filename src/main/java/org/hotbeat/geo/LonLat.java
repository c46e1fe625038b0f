package org.hotbeat.geo;

/**
 * A point in WGS84 (EPSG:4326), in GeoJSON order.
 *
 * @param lon longitude in degrees, -180 to 180 (east positive)
 * @param lat latitude in degrees, -90 to 90 (north positive)
 */
public record LonLat(double lon, double lat) {
  public LonLat {
    if (!(lon >= -180 && lon <= 180) || !(lat >= -90 && lat <= 90)) {
      throw new IllegalArgumentException("not a WGS84 longitude/latitude: [" + lon + ", " + lat
          + "] (expected [lon, lat] with -180 <= lon <= 180, -90 <= lat <= 90)");
    }
  }

  public static LonLat of(double lon, double lat) {
    return new LonLat(lon, lat);
  }

  @Override
  public String toString() {
    return "[" + lon + ", " + lat + "]";
  }
}
