package org.hotbeat.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.hotbeat.density.Points;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** UTM against PROJ: the expected values come from PROJ 9.1's {@code cs2cs} (+proj=utm +datum=WGS84). */
class UtmProjectionTest {

  @ParameterizedTest(name = "({0}, {1}) → EPSG:{2} ({3}, {4})")
  @CsvSource({
      // lon,     lat,      epsg,  easting,     northing      place
      "-87.6298,  41.8781,  32616, 447741.9167, 4636433.6840", // Chicago, the Loop
      "-87.9,     42.02,    32616, 425487.1608, 4652388.5649", // O'Hare
      "-122.4194, 37.7749,  32610, 551130.7685, 4180998.8815", // San Francisco
      "151.2093,  -33.8688, 32756, 334368.6336, 6250948.3454", // Sydney
      "2.3522,    48.8566,  32631, 452482.5327, 5411717.1769", // Paris
      "-0.1276,   51.5072,  32630, 699330.9839, 5710142.0666", // London
      "13.4050,   52.52,    32633, 391779.2593, 5820072.1592", // Berlin
      "-70.6693,  -33.4489, 32719, 344846.7203, 6297700.1556", // Santiago
  })
  void matchesProjToAMillimetreAndInvertsBack(double lon, double lat, int epsg, double e, double n) {
    MetricProjection p = MetricProjection.utmFor(new double[] {lon}, new double[] {lat});
    assertEquals(epsg, p.epsg());
    double[] xy = p.forward(lon, lat);
    assertEquals(e, xy[0], 1e-3);
    assertEquals(n, xy[1], 1e-3);
    double[] back = p.inverse(xy[0], xy[1]);
    assertEquals(lon, back[0], 1e-9);
    assertEquals(lat, back[1], 1e-9);
    assertEquals(p, MetricProjection.forEpsg(epsg));
  }

  @Test
  void zoneComesFromTheCentroid() {
    // Two points either side of the 84°W meridian (zones 16 and 17); their centroid is in 16.
    MetricProjection p = MetricProjection.utmFor(new double[] {-87.6, -83.9}, new double[] {41.9, 42.0});
    assertEquals(32616, p.epsg());
  }

  @Test
  void projectedPointsAreInMetres() {
    // Two points 0.01° of latitude apart near Chicago: the meridian arc there is
    // a(1 − e²)/(1 − e² sin²φ)^1.5 · 0.01° = 1110.70 m; UTM scales it by 0.9996 (the 36 km to the
    // central meridian add 1.6e-5, 2 cm).
    MetricProjection p = MetricProjection.forEpsg(32616);
    Points pts = Points.projected(new double[] {-87.63, -87.63}, new double[] {41.87, 41.88}, null, p);
    assertEquals(1110.70 * 0.9996, Math.hypot(pts.x(1) - pts.x(0), pts.y(1) - pts.y(0)), 0.05);
  }

  @Test
  void unknownEpsgIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MetricProjection.forEpsg(3857));
    assertEquals("EPSG:3857 is not a metric projection hotbeat knows; use a WGS84 UTM zone "
        + "(EPSG:326zz north, 327zz south)", e.getMessage());
  }

  @Test
  void positionsThatAreNotLonLatAreRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> MetricProjection.utmFor(new double[] {447741.9}, new double[] {4636433.7}));
  }
}
