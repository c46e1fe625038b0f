package org.hotbeat.demo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hotbeat.density.DensityEngine;
import org.hotbeat.density.DensityGrid;
import org.hotbeat.density.DensityRequest;
import org.hotbeat.density.GridSpec;
import org.hotbeat.density.Kernel;
import org.hotbeat.density.Points;
import org.hotbeat.geo.MetricProjection;
import org.hotbeat.geo.UtmProjection;
import org.hotbeat.ingest.InputFormat;
import org.hotbeat.ingest.RawRecord;
import org.hotbeat.ingest.RecordMapper;
import org.hotbeat.ingest.RecordReader;
import org.hotbeat.testing.TestDirs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The point of the generated city: the KDE engine with the heat layer's default settings (quartic,
 * 300 m) finds the planted hotspots. The town's 10 × 8 km are gridded in 50 m cells in its UTM
 * zone; "top 5 %" is the densest 5 % of the town's cells.
 */
class HotspotRecoveryTest {
  private static final double CELL = 50;
  private static final double BANDWIDTH = 300;
  private static JsonNode truth;
  private static double[] lons;
  private static double[] lats;
  private static long[] days;
  private static MetricProjection utm;

  @BeforeAll
  static void generate() throws Exception {
    Path dir = TestDirs.fresh("recovery-city");
    DemoCity.generate(1, 200_000, dir, done -> { });
    truth = new ObjectMapper().readTree(dir.resolve(DemoCity.TRUTH_FILE).toFile());
    List<double[]> rows = new ArrayList<>();
    RecordMapper mapper = new RecordMapper(DemoLoader.generatedCityMapping(), null,
        Clock.systemUTC());
    try (InputStream in = new BufferedInputStream(Files.newInputStream(
        dir.resolve(DemoCity.INCIDENTS_FILE))); RecordReader r = InputFormat.CSV.open(in)) {
      for (RawRecord rec; (rec = r.next()) != null; ) {
        RecordMapper.Result m = mapper.map(rec);
        if (m.incident() != null) {
          rows.add(new double[] {m.incident().lon(), m.incident().lat(),
              m.incident().occurredAt().getEpochSecond() / 86_400});
        }
      }
    }
    lons = rows.stream().mapToDouble(x -> x[0]).toArray();
    lats = rows.stream().mapToDouble(x -> x[1]).toArray();
    days = rows.stream().mapToLong(x -> (long) x[2]).toArray();
    utm = UtmProjection.containing(lons[0], lats[0]);
  }

  /** Density over the town of the incidents whose day is in [fromDay, toDay). */
  private static DensityGrid density(long fromDay, long toDay) {
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (int i = 0; i < lons.length; i++) {
      if (days[i] >= fromDay && days[i] < toDay) {
        double[] xy = utm.forward(lons[i], lats[i]);
        xs.add(xy[0]);
        ys.add(xy[1]);
      }
    }
    double[] sw = utm.forward(DemoCity.EXTENT.get(0), DemoCity.EXTENT.get(1));
    double[] ne = utm.forward(DemoCity.EXTENT.get(2), DemoCity.EXTENT.get(3));
    GridSpec grid = new GridSpec(sw[0], sw[1], CELL, (int) Math.ceil((ne[0] - sw[0]) / CELL),
        (int) Math.ceil((ne[1] - sw[1]) / CELL));
    return new DensityEngine().compute(DensityRequest.of(Points.of(
        xs.stream().mapToDouble(Double::doubleValue).toArray(),
        ys.stream().mapToDouble(Double::doubleValue).toArray()), grid, Kernel.QUARTIC, BANDWIDTH));
  }

  /** Share of the grid's cells less dense than the cell at (lon, lat): 0.95 = top 5 %. */
  private static double percentile(DensityGrid g, double lon, double lat) {
    double[] xy = utm.forward(lon, lat);
    GridSpec s = g.spec();
    int col = (int) ((xy[0] - s.minX()) / s.cellSize());
    int row = s.height() - 1 - (int) ((xy[1] - s.minY()) / s.cellSize());
    float v = g.get(col, row);
    float[] all = g.values();
    long below = 0;
    for (float x : all) {
      below += x < v ? 1 : 0;
    }
    return below / (double) all.length;
  }

  private static long day(String date) {
    return LocalDate.parse(date).toEpochDay();
  }

  @Test
  void atLeastNinetyPercentOfThePersistentHotspotsLieInTheTopFivePercent() {
    DensityGrid g = density(day("2023-01-01"), day("2025-01-01"));
    int persistent = 0;
    int found = 0;
    List<String> missed = new ArrayList<>();
    for (JsonNode h : truth.get("hotspots")) {
      if (h.get("kind").asText().equals("persistent")) {
        persistent++;
        double p = percentile(g, h.get("lon").asDouble(), h.get("lat").asDouble());
        if (p >= 0.95) {
          found++;
        } else {
          missed.add(h.get("id").asText() + " at " + p);
        }
      }
    }
    System.out.printf("persistent hotspots in the top 5 %%: %d of %d%s%n", found, persistent,
        missed.isEmpty() ? "" : "; missed " + missed);
    assertTrue(persistent >= 5, "the city plants persistent hotspots");
    assertTrue(found >= 0.9 * persistent, found + " of " + persistent + "; missed " + missed);
  }

  @Test
  void emergingHotspotsRankHigherInTheLastSixMonthsThanInTheFirstYear() {
    DensityGrid firstYear = density(day("2023-01-01"), day("2024-01-01"));
    DensityGrid lastSix = density(day("2024-07-01"), day("2025-01-01"));
    int emerging = 0;
    for (JsonNode h : truth.get("hotspots")) {
      if (h.get("kind").asText().equals("emerging")) {
        emerging++;
        double before = percentile(firstYear, h.get("lon").asDouble(), h.get("lat").asDouble());
        double after = percentile(lastSix, h.get("lon").asDouble(), h.get("lat").asDouble());
        assertTrue(after > before, h.get("id").asText() + ": " + before + " then " + after);
      }
    }
    assertTrue(emerging >= 1, "the city plants emerging hotspots: " + Arrays.toString(
        new int[] {emerging}));
  }
}
