package org.hotbeat.geo;

/**
 * A bounding box query parameter {@code west,south,east,north} in WGS84 degrees (OGC API order).
 * Boxes across the antimeridian are refused rather than silently misread.
 */
public record Bbox(double west, double south, double east, double north) {
  public Bbox {
    if (!(west >= -180 && east <= 180 && south >= -90 && north <= 90)) {
      throw new IllegalArgumentException("bbox must lie within -180,-90,180,90");
    }
    if (!(west < east && south < north)) {
      throw new IllegalArgumentException("bbox must be west,south,east,north with west < east and "
          + "south < north");
    }
  }

  /** Parses {@code "w,s,e,n"}; the message of a failure is shown to the client. */
  public static Bbox parse(String s) {
    String[] parts = s.split(",", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException("bbox needs 4 comma-separated numbers: west,south,east,north");
    }
    double[] v = new double[4];
    for (int i = 0; i < 4; i++) {
      try {
        v[i] = Double.parseDouble(parts[i].strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bbox value '" + parts[i] + "' is not a number");
      }
    }
    return new Bbox(v[0], v[1], v[2], v[3]);
  }

  public double[] toArray() {
    return new double[] {west, south, east, north};
  }
}
