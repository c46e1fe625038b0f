package org.hotbeat.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hotbeat.testing.TestDirs;
import org.junit.jupiter.api.Test;

class DemoCityTest {
  private static final long SEED = 42;
  private static final long ROWS = 200_000;

  @Test
  void theSameSeedWritesIdenticalFilesAndAnotherSeedOtherIncidents() throws Exception {
    Path a = TestDirs.fresh("demo-city-same-a");
    Path b = TestDirs.fresh("demo-city-same-b");
    Path c = TestDirs.fresh("demo-city-other-seed");
    DemoCity.generate(7, 20_000, a, done -> { });
    DemoCity.generate(7, 20_000, b, done -> { });
    DemoCity.generate(8, 20_000, c, done -> { });
    for (String f : List.of(DemoCity.STREETS_FILE, DemoCity.BEATS_FILE, DemoCity.INCIDENTS_FILE,
        DemoCity.TRUTH_FILE)) {
      assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
    }
    assertFalse(Files.mismatch(a.resolve(DemoCity.INCIDENTS_FILE),
        c.resolve(DemoCity.INCIDENTS_FILE)) < 0, "seed 8 gives other incidents");
    try (var files = Files.list(a)) {
      assertEquals(4, files.count(), "no temporary files are left behind");
    }
  }

  @Test
  void writesExactlyTheAskedNumberOfRowsWithinThePeriod() {
    GeneratedCity city = GeneratedCity.of(SEED, ROWS);
    long[] rows = {0};
    LocalDate[] range = {LocalDate.MAX, LocalDate.MIN};
    city.eachRow(r -> {
      rows[0]++;
      if (r.at() != null) {
        LocalDate d = r.at().atZoneSameInstant(DemoCity.ZONE).toLocalDate();
        range[0] = d.isBefore(range[0]) ? d : range[0];
        range[1] = d.isAfter(range[1]) ? d : range[1];
      }
    });
    assertEquals(ROWS, rows[0]);
    assertEquals(ROWS, city.truth.incidents());
    assertEquals(DemoCity.FIRST_DAY, range[0]);
    assertEquals(DemoCity.LAST_DAY, range[1]);
  }

  @Test
  void theBadRowsInTheCsvAreExactlyThoseListedInTruth() {
    GeneratedCity city = GeneratedCity.of(SEED, ROWS);
    double[] bbox = city.truth.town().bbox();
    Map<Long, String> found = new TreeMap<>();
    Set<String> ids = new HashSet<>();
    city.eachRow(r -> {
      String reason = null;
      if (!ids.add(r.id())) {
        reason = "duplicate-id";
      } else if (r.at() == null) {
        reason = "bad-date";
      } else if (r.lon() == null || r.lat() == null) {
        reason = "missing-coordinates";
      } else if (r.lon() < bbox[0] || r.lat() < bbox[1] || r.lon() > bbox[2]
          || r.lat() > bbox[3]) {
        reason = "out-of-area";
      }
      if (reason != null) {
        found.put(r.line(), reason);
      }
    });
    Map<Long, String> listed = new TreeMap<>();
    for (Truth.BadRow b : city.truth.badRows().rows()) {
      listed.put(b.line(), b.reason());
    }
    assertEquals(listed, found);
    assertEquals(city.truth.badRows().total(), listed.size());
    double share = listed.size() / (double) ROWS;
    assertTrue(share > 0.001 && share < 0.005, "a small share of bad rows: " + share);
    for (String reason : List.of("missing-coordinates", "out-of-area", "bad-date",
        "duplicate-id")) {
      assertTrue(city.truth.badRows().byReason().get(reason) >= 50, reason);
    }
  }

  @Test
  void plantedHotspotsAreMuchDenserThanTheStreetsAroundThem() {
    GeneratedCity city = GeneratedCity.of(SEED, ROWS);
    List<GeneratedCity.Row> rows = city.rows();
    assertEquals(11, city.truth.hotspots().size());
    for (Truth.HotspotTruth h : city.truth.hotspots()) {
      OffsetDateTime from = LocalDate.parse(h.from()).atStartOfDay(DemoCity.ZONE)
          .toOffsetDateTime();
      OffsetDateTime to = LocalDate.parse(h.to()).plusDays(1).atStartOfDay(DemoCity.ZONE)
          .toOffsetDateTime();
      double r = h.radiusMetres();
      long inside = 0;
      long ring = 0;
      for (GeneratedCity.Row row : rows) {
        if (row.at() == null || !row.located() || row.at().isBefore(from)
            || !row.at().isBefore(to)) {
          continue;
        }
        double d = metres(h.lon(), h.lat(), row.lon(), row.lat());
        if (d <= r) {
          inside++;
        } else if (d >= 2 * r && d <= 3 * r) {
          ring++;
        }
      }
      // The ring [2r, 3r] has five times the circle's area.
      double ratio = inside / Math.max(1.0, ring / 5.0);
      assertTrue(ratio >= 4, h.id() + ": " + inside + " inside, " + ring + " in the ring");
      assertTrue(inside >= 0.5 * h.incidents(), h.id() + ": " + inside + " of "
          + h.incidents() + " within the radius");
      assertTrue(h.incidents() >= 0.8 * h.expectedIncidents(), h.id());
    }
  }

  @Test
  void emergingHotspotsAreQuietBeforeTheirStartAndFadingOnesDieOut() {
    GeneratedCity city = GeneratedCity.of(SEED, ROWS);
    List<GeneratedCity.Row> rows = city.rows();
    OffsetDateTime lastSix = DemoCity.LAST_SIX_MONTHS.atStartOfDay(DemoCity.ZONE)
        .toOffsetDateTime();
    OffsetDateTime firstSixEnd = LocalDate.of(2023, 7, 1).atStartOfDay(DemoCity.ZONE)
        .toOffsetDateTime();
    for (Truth.HotspotTruth h : city.truth.hotspots()) {
      long early = 0;
      long late = 0;
      for (GeneratedCity.Row row : rows) {
        if (row.at() == null || !row.located()
            || metres(h.lon(), h.lat(), row.lon(), row.lat()) > h.radiusMetres()) {
          continue;
        }
        if (row.at().isBefore(firstSixEnd)) {
          early++;
        } else if (!row.at().isBefore(lastSix)) {
          late++;
        }
      }
      switch (h.kind()) {
        case "emerging" -> assertTrue(late > 4 * early, h.id() + ": " + early + " → " + late);
        case "fading" -> assertTrue(early > 4 * late, h.id() + ": " + early + " → " + late);
        default -> assertTrue(late > early / 2 && early > late / 2,
            h.id() + ": " + early + " → " + late);
      }
    }
  }

  @Test
  void hoursAndWeekdaysFollowEachCategorysProfile() {
    GeneratedCity city = GeneratedCity.of(SEED, ROWS);
    Map<String, long[]> hours = new HashMap<>();
    Map<String, long[]> weekdays = new HashMap<>();
    city.eachRow(r -> {
      if (r.at() != null) {
        var local = r.at().atZoneSameInstant(DemoCity.ZONE);
        hours.computeIfAbsent(r.category(), k -> new long[24])[local.getHour()]++;
        weekdays.computeIfAbsent(r.category(), k -> new long[7])
            [local.getDayOfWeek().getValue() - 1]++;
      }
    });
    double batteryNight = night(hours.get("battery"));
    double theftNight = night(hours.get("theft"));
    assertTrue(batteryNight > 1.5 * theftNight, batteryNight + " vs " + theftNight);
    long[] burglary = weekdays.get("burglary");
    assertTrue(burglary[0] > 1.3 * burglary[6], "burglaries: Mondays over Sundays");
    long[] battery = weekdays.get("battery");
    assertTrue(battery[5] > 1.3 * battery[1], "battery: Saturdays over Tuesdays");
  }

  @Test
  void followUpBurglariesClusterNearEarlierOnesInSpaceAndTime() {
    GeneratedCity city = GeneratedCity.of(SEED, ROWS);
    assertTrue(city.truth.nearRepeat().incidents() > 1000, "near repeats written");
    List<GeneratedCity.Row> burglaries = city.rows().stream()
        .filter(r -> r.category().equals("burglary") && r.at() != null && r.located())
        .filter(r -> city.truth.hotspots().stream().allMatch(
            h -> metres(h.lon(), h.lat(), r.lon(), r.lat()) > 3 * h.radiusMetres()))
        .toList();
    // Knox-style count away from the hotspots: pairs within 100 m that are within 7 days, against pairs 60–67 days apart.
    long close = 0;
    long far = 0;
    for (int i = 0; i < burglaries.size(); i++) {
      GeneratedCity.Row a = burglaries.get(i);
      long ta = a.at().toEpochSecond();
      for (int j = i + 1; j < burglaries.size(); j++) {
        GeneratedCity.Row b = burglaries.get(j);
        long days = (b.at().toEpochSecond() - ta) / 86_400;
        if (days > 67) {
          break; // rows are in time order
        }
        if ((days <= 7 || days >= 60) && metres(a.lon(), a.lat(), b.lon(), b.lat()) <= 100) {
          if (days <= 7) {
            close++;
          } else {
            far++;
          }
        }
      }
    }
    assertTrue(close > 3 * far, close + " close pairs vs " + far + " control pairs");
  }

  private static double night(long[] byHour) {
    long all = 0;
    long night = 0;
    for (int h = 0; h < 24; h++) {
      all += byHour[h];
      night += h >= 22 || h < 4 ? byHour[h] : 0;
    }
    return night / (double) all;
  }

  static double metres(double lon1, double lat1, double lon2, double lat2) {
    LocalProjection p = TownPlan.PROJECTION;
    return Math.hypot(p.x(lon1) - p.x(lon2), p.y(lat1) - p.y(lat2));
  }
}
