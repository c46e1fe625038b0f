package org.hotbeat.community;

import org.hotbeat.InvalidInputException;

/**
 * An area as a caller names it: a beat code, or a GeoJSON Polygon or MultiPolygon in EPSG:4326.
 * Exactly one of the two is set.
 */
public record AreaSpec(String beat, String polygonGeoJson) {
  public static AreaSpec beat(String code) {
    return new AreaSpec(code, null);
  }

  public static AreaSpec polygon(String geoJson) {
    return new AreaSpec(null, geoJson);
  }

  /** Checks that exactly one of beat and polygon is given, naming {@code field}. */
  public AreaSpec checked(String field) {
    boolean hasBeat = beat != null && !beat.isBlank();
    boolean hasPolygon = polygonGeoJson != null && !polygonGeoJson.isBlank();
    if (hasBeat == hasPolygon) {
      throw new InvalidInputException(field, "give either a beat or a polygon");
    }
    return this;
  }

  /** How reports name it: "beat 0111" or "polygon". */
  public String label() {
    return beat != null ? "beat " + beat : "polygon";
  }
}
