package org.hotbeat.patrol;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotbeat.config.Limits;
import org.hotbeat.demo.DemoCity;
import org.hotbeat.demo.DemoLoader;
import org.hotbeat.geo.LonLat;
import org.hotbeat.store.BeatRepository;
import org.hotbeat.store.IncidentRepository;
import org.hotbeat.streets.StreetNetwork;
import org.hotbeat.streets.StreetRepository;
import org.hotbeat.streets.TravelMode;
import org.hotbeat.testing.PostgisExtension;
import org.hotbeat.testing.TestDirs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * On the generated city, where the truth is known: in a plan for a beat that holds a persistent
 * planted hotspot, that hotspot is among the three riskiest candidates and is visited more than
 * once, and the riskiest candidate is a planted hotspot.
 */
class PatrolPlannerCityTest {
  @RegisterExtension static final PostgisExtension db = new PostgisExtension();
  private static JsonNode truth;
  private static PatrolPlanner planner;

  @BeforeAll
  static void load() throws Exception {
    Path dir = TestDirs.fresh("patrol-city");
    DemoCity.generate(3, 20_000, dir.resolve("city"), done -> { });
    DemoLoader.load(db.dataSource(), DemoLoader.DataSet.generatedCity(dir.resolve("city")),
        dir.resolve("graphs"));
    truth = new ObjectMapper().readTree(dir.resolve("city").resolve(DemoCity.TRUTH_FILE).toFile());
    StreetRepository streets = new StreetRepository(db.dataSource());
    planner = new PatrolPlanner(new BeatRepository(db.dataSource()),
        new IncidentRepository(db.dataSource()),
        new StreetNetwork(streets, dir.resolve("graphs")), streets,
        new PlanRepository(db.dataSource()), Limits.defaults(), Clock.systemUTC());
  }

  @Test
  void plannedStopsFindThePlantedHotspots() throws Exception {
    LocalDate end = LocalDate.parse(truth.get("period").get("to").asText());
    OffsetDateTime start = end.atTime(20, 0).atOffset(ZoneOffset.ofHours(-6));
    int checked = 0;
    for (JsonNode h : truth.get("hotspots")) {
      if (!h.get("kind").asText().equals("persistent")) {
        continue;
      }
      String[] beat = beatHolding(h.get("lon").asDouble(), h.get("lat").asDouble());
      if (beat == null) {
        continue;
      }
      LonLat station = LonLat.of(Double.parseDouble(beat[1]), Double.parseDouble(beat[2]));
      PlanRequest req = new PlanRequest(new PlanRequest.Area(beat[0], null, null), start,
          start.plusHours(8), List.of(new PlanRequest.Unit("A", TravelMode.CAR, station, station)),
          Duration.ofMinutes(12), 0, Duration.ofMinutes(120), 1, new PlanRequest.Risk(
              start.toInstant().minus(365, ChronoUnit.DAYS), start.toInstant(), Map.of(),
              Set.of(), false, 150), new PlanRequest.Candidates(200, 50, 1));
      PlanDocument plan = planner.plan(req, "test", "{}");
      PlanDocument.Hotspot found = plan.hotspots().features().stream()
          .filter(x -> metres(x.geometry().coordinates(), h.get("lon").asDouble(),
              h.get("lat").asDouble()) < h.get("radiusMetres").asDouble())
          .findFirst().orElse(null);
      assertTrue(found != null, "beat " + beat[0] + ": no candidate within "
          + h.get("radiusMetres").asInt() + " m of planted hotspot " + h.get("id").asText());
      assertTrue(found.id() <= 3, "planted hotspot " + h.get("id").asText()
          + " is among the beat's three riskiest candidates, not #" + found.id());
      assertTrue(found.properties().visits() >= 2, "and is visited, and revisited: "
          + found.properties().visits());
      PlanDocument.Hotspot top = plan.hotspots().features().get(0);
      boolean planted = false;
      for (JsonNode any : truth.get("hotspots")) {
        planted |= metres(top.geometry().coordinates(), any.get("lon").asDouble(),
            any.get("lat").asDouble()) < any.get("radiusMetres").asDouble();
      }
      assertTrue(planted, "the riskiest candidate of beat " + beat[0] + " is a planted hotspot");
      checked++;
    }
    assertTrue(checked >= 3, "persistent hotspots inside beats: " + checked);
  }

  /** {code, lon, lat of a point inside} of the beat holding the point, or null. */
  private static String[] beatHolding(double lon, double lat) throws Exception {
    try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
        "SELECT code, ST_X(ST_PointOnSurface(geom)), ST_Y(ST_PointOnSurface(geom)) FROM beat "
            + "WHERE ST_Contains(geom, ST_SetSRID(ST_MakePoint(?, ?), 4326))")) {
      ps.setDouble(1, lon);
      ps.setDouble(2, lat);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? new String[] {rs.getString(1), rs.getString(2), rs.getString(3)} : null;
      }
    }
  }

  private static double metres(double[] a, double lon, double lat) {
    double k = Math.cos(Math.toRadians(lat)) * 111_320;
    return Math.hypot((a[0] - lon) * k, (a[1] - lat) * 110_540);
  }
}
