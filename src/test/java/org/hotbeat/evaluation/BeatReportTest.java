package org.hotbeat.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.hotbeat.testing.PostgisExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A small known table: beat B (a 1 km × 1 km square near the equator, ≈ 1 km²) with, in June 2017,
 * 30 thefts, 6 burglaries, 2 robberies, 1 assault; in May 2017 15 thefts; in June 2016 10 thefts.
 */
class BeatReportTest {
  /** The suppression's rules at the old default k = 5, which this fixture was drawn for. */
  private static final int MIN_COUNT = 5;
  @RegisterExtension static final PostgisExtension db = new PostgisExtension();
  private static final Instant JUNE = Instant.parse("2017-06-01T00:00:00Z");
  private static final Instant JULY = Instant.parse("2017-07-01T00:00:00Z");

  @BeforeAll
  static void load() throws Exception {
    try (Connection c = db.dataSource().getConnection()) {
      try (Statement s = c.createStatement()) {
        // 0.009 degrees ≈ 1 km at the equator
        s.execute("INSERT INTO beat (agency, code, name, geom) VALUES ('r', 'B', 'Beat B', "
            + "ST_Multi(ST_MakeEnvelope(0, 0, 0.009, 0.009, 4326)))");
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO incident (agency, source_id, "
          + "occurred_at, category, geom) VALUES ('r', ?, ?, ?, ST_SetSRID(ST_MakePoint(0.004, "
          + "0.004), 4326))")) {
        int id = 0;
        Object[][] rows = {{"2017-06-10T00:00:00Z", "theft", 30}, {"2017-06-11T00:00:00Z",
            "burglary", 6}, {"2017-06-12T00:00:00Z", "robbery", 2}, {"2017-06-13T00:00:00Z",
            "assault", 1}, {"2017-05-10T00:00:00Z", "theft", 15}, {"2016-06-10T00:00:00Z",
            "theft", 10}};
        for (Object[] r : rows) {
          for (int k = 0; k < (int) r[2]; k++) {
            ps.setString(1, "x" + id++);
            ps.setTimestamp(2, Timestamp.from(Instant.parse((String) r[0])));
            ps.setString(3, (String) r[1]);
            ps.addBatch();
          }
        }
        ps.executeBatch();
      }
    }
  }

  private static BeatReport.Line line(List<BeatReport.Line> lines, String category) {
    return lines.stream().filter(l -> l.category().equals(category)).findFirst().orElseThrow();
  }

  @Test
  void everyFigureOfTheFullReport() throws Exception {
    BeatReport.Report r = new BeatReport(db.dataSource()).build("r", "B", JUNE, JULY)
        .orElseThrow();
    assertEquals(1.0, r.areaKm2(), 0.01);
    BeatReport.Line all = line(r.lines(), "all");
    assertEquals(39, all.count());
    assertEquals(39 / r.areaKm2(), all.perKm2(), 1e-9);
    BeatReport.Line theft = line(r.lines(), "theft");
    assertEquals(30, theft.count());
    // May has 31 days, June 30: the previous period is the 30 days before June 1st.
    assertEquals(15, theft.vsPrevious().previous());
    assertEquals(1.0, theft.vsPrevious().change(), 1e-12);
    assertEquals(0.03569780356, theft.vsPrevious().p(), 1e-9);
    assertEquals(10, theft.vsLastYear().previous());
    assertEquals(1, line(r.lines(), "assault").count());
    // Every June incident lies at one point: one hotspot cell holding all 39.
    assertEquals(1, r.hotspots().size());
    BeatReport.Hotspot h = r.hotspots().get(0);
    assertEquals(1, h.rank());
    assertEquals(39, h.count());
    assertEquals(1.0, h.share(), 1e-12);
    assertTrue(h.ring()[0][0] <= 0.004 && h.ring()[2][0] >= 0.004, "the cell holds the point");
    assertEquals(0.004, h.lon(), 0.0014);
  }

  @Test
  void publicHotspotsKeepOnlyCellsOfFiveOrMore() {
    CountComparison.Result c = CountComparison.compare(12, 10, 30, 30);
    BeatReport.Line all = new BeatReport.Line("all", 12L, 12.0, c, c, null);
    BeatReport.Report full = new BeatReport.Report("r", "B", "Beat B", 1, JUNE, JULY,
        List.of(all, new BeatReport.Line("theft", 12L, 12.0, c, c, null)),
        List.of(new BeatReport.Hotspot(1, 0, 0, new double[0][], 9, 0.75),
            new BeatReport.Hotspot(2, 0, 0, new double[0][], 3, 0.25)), false);
    List<BeatReport.Hotspot> shown = BeatReport.suppressed(full, MIN_COUNT).hotspots();
    assertEquals(1, shown.size());
    assertEquals(9, shown.get(0).count());
  }

  @Test
  void thePublicVersionHidesEverySmallCountEvenByDifference() throws Exception {
    BeatReport.Report r = BeatReport.suppressed(new BeatReport(db.dataSource())
        .build("r", "B", JUNE, JULY).orElseThrow(), MIN_COUNT);
    assertTrue(r.suppressed());
    assertEquals(39, line(r.lines(), "all").count());
    assertEquals(30, line(r.lines(), "theft").count());
    // robbery 2 + assault 1 = 3 would be derivable from the total, so burglary (6) joins them.
    BeatReport.Line other = line(r.lines(), "other categories");
    assertEquals(9, other.count());
    assertTrue(r.lines().stream().noneMatch(l -> l.category().equals("robbery")
        || l.category().equals("assault") || l.category().equals("burglary")));
    for (BeatReport.Line l : r.lines()) {
      assertTrue(l.count() == null || l.count() >= 5, l.toString());
    }
    assertEquals(15, line(r.lines(), "theft").vsPrevious().previous(), "both counts publishable");
    assertNull(line(r.lines(), "other categories").vsPrevious());
  }

  @Test
  void anUnknownBeatIsEmpty() throws Exception {
    assertTrue(new BeatReport(db.dataSource()).build("r", "NOPE", JUNE, JULY).isEmpty());
  }
}
