package org.hotbeat.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.hotbeat.geo.MetricProjection;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Synthetic tracks drawn in the UTM metres of the Loop (zone 16N) around a hotspot at the origin
 * O, so the minutes inside are known exactly:
 * <pre>
 *   ──A───────(  O  )───────B──►   walking east at 1 m/s through a 100 m circle: 200 s inside
 * </pre>
 */
class DosageTest {
  private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
  private static final MetricProjection UTM = MetricProjection.forEpsg(32616);
  private static final double[] O = UTM.forward(-87.6298, 41.8781);
  private static final Instant T0 = Instant.parse("2017-06-02T20:00:00-05:00");
  private static final Dosage.Area CIRCLE = Dosage.Area.circle("h1", "station", lonLat(0, 0)[0],
      lonLat(0, 0)[1], 100);

  private static double[] lonLat(double x, double y) {
    return UTM.inverse(O[0] + x, O[1] + y);
  }

  /** A fix every {@code step} seconds along (x0, y0) → (x1, y1) metres, from second {@code t}. */
  private static void walk(List<TrackPoint> track, double x0, double y0, double x1, double y1,
      long t, long seconds, long step) {
    for (long s = 0; s <= seconds; s += step) {
      double f = s / (double) seconds;
      double[] p = lonLat(x0 + f * (x1 - x0), y0 + f * (y1 - y0));
      track.add(new TrackPoint(p[0], p[1], T0.plusSeconds(t + s), false));
    }
  }

  private static Dosage.HotspotDosage one(List<TrackPoint> track, Dosage.Area area) {
    return Dosage.compute(track, List.of(area), Dosage.Settings.defaults(CHICAGO)).hotspots()
        .get(0);
  }

  @Test
  void walkingThroughACircleCountsTheTimeInsideIt() {
    List<TrackPoint> t = new ArrayList<>();
    walk(t, -500, 0, 500, 0, 0, 1000, 10);
    Dosage.HotspotDosage d = one(t, CIRCLE);
    assertEquals(200 / 60.0, d.minutes(), 1e-3);
    assertEquals(1, d.visits());
    assertEquals(0, d.longVisits());
    // a chord 60 m off centre: 2·√(100² − 60²) = 160 m at 1 m/s
    List<TrackPoint> chord = new ArrayList<>();
    walk(chord, -500, 60, 500, 60, 0, 1000, 7);
    assertEquals(160 / 60.0, one(chord, CIRCLE).minutes(), 1e-3);
  }

  @Test
  void aFifteenMinuteStopIsOneLongVisit() {
    List<TrackPoint> t = new ArrayList<>();
    walk(t, -300, 0, 0, 0, 0, 300, 10);          // arrive at O after 5 min (last 100 s inside)
    walk(t, 0, 0, 0, 0, 310, 890, 30);           // stay 15 min (fixes every 30 s)
    walk(t, 0, 0, 300, 0, 1200, 300, 10);        // leave east (first 100 s inside)
    Dosage.HotspotDosage d = one(t, CIRCLE);
    assertEquals((100 + 10 + 890 + 100) / 60.0, d.minutes(), 1e-3);
    assertEquals(1, d.visits());
    assertEquals(1, d.longVisits());
  }

  @Test
  void shortAbsencesMergeIntoOneVisitAndLongerOnesDoNot() {
    List<TrackPoint> t = new ArrayList<>();
    walk(t, 0, 0, 160, 0, 0, 160, 10);      // out at 100 s
    walk(t, 160, 0, 0, 0, 170, 160, 10);    // back in at 230 s: out for 130 s (over 2 min)
    walk(t, 0, 0, 120, 0, 340, 60, 5);      // out at 340 + 50 s
    walk(t, 120, 0, 0, 0, 405, 60, 5);      // back in at 405 + 10 s: out for 25 s
    Dosage.HotspotDosage d = one(t, CIRCLE);
    assertEquals(2, d.visits());
    // inside: 0–100, 230–(405 + 10 … 465) plus 330–390 → 100 + 160 + 50 = 100 + (390 − 230) + 50
    assertEquals((100 + 160 + 50) / 60.0, d.minutes(), 1e-3);
  }

  @Test
  void aPolygonHotspotCountsTheShareOfEachLegInside() {
    double[][] corners = {{-100, -100}, {100, -100}, {100, 100}, {-100, 100}, {-100, -100}};
    Coordinate[] ring = new Coordinate[corners.length];
    for (int i = 0; i < corners.length; i++) {
      double[] p = lonLat(corners[i][0], corners[i][1]);
      ring[i] = new Coordinate(p[0], p[1]);
    }
    Dosage.Area square = Dosage.Area.polygon("p", "square",
        new GeometryFactory().createPolygon(ring));
    List<TrackPoint> t = new ArrayList<>();
    walk(t, -400, 0, 400, 0, 0, 400, 20);  // 2 m/s: 200 m inside = 100 s
    assertEquals(100 / 60.0, one(t, square).minutes(), 2e-3);
  }

  @Test
  void aTrackFarFromEveryHotspotGivesZeroDosageNotAnError() {
    List<TrackPoint> t = new ArrayList<>();
    walk(t, 5000, 5000, 6000, 5000, 0, 1000, 10);
    Dosage.HotspotDosage d = one(t, CIRCLE);
    assertEquals(0.0, d.minutes());
    assertEquals(0, d.visits());
    assertTrue(d.days().isEmpty());
  }

  @Test
  void aVisitAcrossMidnightSplitsItsMinutesByLocalDayAndCountsOnTheFirst() {
    List<TrackPoint> t = new ArrayList<>();
    // 23:55 to 00:05 Chicago time, standing at O
    Instant start = Instant.parse("2017-06-02T23:55:00-05:00");
    for (int s = 0; s <= 600; s += 30) {
      double[] p = lonLat(0, 0);
      t.add(new TrackPoint(p[0], p[1], start.plusSeconds(s), false));
    }
    Dosage.HotspotDosage d = one(t, CIRCLE);
    assertEquals(List.of(new Dosage.Day(LocalDate.of(2017, 6, 2), 5.0, 1),
        new Dosage.Day(LocalDate.of(2017, 6, 3), 5.0, 0)), d.days());
  }

  @Test
  void recordingGapsAreNotCountedAsPresence() {
    List<TrackPoint> t = new ArrayList<>();
    double[] p = lonLat(0, 0);
    t.add(new TrackPoint(p[0], p[1], T0, false));
    t.add(new TrackPoint(p[0], p[1], T0.plusSeconds(60), false));
    t.add(new TrackPoint(p[0], p[1], T0.plusSeconds(60 + 3600), false));  // an hour without fixes
    t.add(new TrackPoint(p[0], p[1], T0.plusSeconds(3720), true));        // new segment
    t.add(new TrackPoint(p[0], p[1], T0.plusSeconds(3780), false));
    var r = Dosage.compute(t, List.of(CIRCLE), Dosage.Settings.defaults(CHICAGO));
    assertEquals(2.0, r.hotspots().get(0).minutes(), 1e-9);
    assertTrue(r.notes().get(0).startsWith("2 gaps"), r.notes().toString());
  }
}
