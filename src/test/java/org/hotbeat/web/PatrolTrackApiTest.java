package org.hotbeat.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.Response;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.hotbeat.access.Role;
import org.hotbeat.community.CommunityProblem;
import org.hotbeat.community.CommunityProblemRepository;
import org.hotbeat.config.HotbeatConfig;
import org.hotbeat.testing.Api;
import org.hotbeat.testing.Http;
import org.hotbeat.testing.PostgisExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A problem area: the square 0.004–0.006° around (0.005, 0.005). A patrol walks along
 * latitude 0.005 from longitude 0 to 0.01 in 1000 s: a fifth of the way, 200 s, is inside.
 */
class PatrolTrackApiTest {
  @RegisterExtension static final PostgisExtension db = new PostgisExtension();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static WebApp.Services services;
  private static String patrol;
  private static long problem;

  @BeforeAll
  static void setUp() throws Exception {
    services = Api.services(db);
    patrol = services.tokens().create("unit-1a", Role.PATROL).secret();
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO beat (agency, code, name, geom) VALUES ('r', 'R', 'R', "
          + "ST_Multi(ST_MakeEnvelope(0, 0, 0.01, 0.01, 4326)))");
      s.execute("INSERT INTO agency (code, time_zone) VALUES ('r', 'America/Chicago')");
    }
    problem = new CommunityProblemRepository(db.dataSource()).create(new CommunityProblem.Input(null, "Corner",
        new CommunityProblem.Area("polygon", null, "{\"type\":\"Polygon\",\"coordinates\":[[[0.004,0.004],"
            + "[0.006,0.004],[0.006,0.006],[0.004,0.006],[0.004,0.004]]]}"), List.of("theft"),
        java.time.LocalDate.of(2017, 3, 2), "R", "community", null, null), "test").id();
  }

  private static String gpx(double lat, Instant start) {
    StringBuilder s = new StringBuilder("<?xml version='1.0'?><gpx version='1.1'><trk><trkseg>");
    for (int t = 0; t <= 1000; t += 20) {
      s.append("<trkpt lat='").append(lat).append("' lon='").append(0.01 * t / 1000.0)
          .append("'><time>").append(start.plusSeconds(t)).append("</time></trkpt>");
    }
    return s.append("</trkseg></trk></gpx>").toString();
  }

  private static Response post(HttpClient client, String query, String body) {
    return client.request("/api/patrol-tracks" + query, r -> r.post(
        HttpRequest.BodyPublishers.ofString(body)).header("Authorization", "Bearer " + patrol)
        .header("Content-Type", body.startsWith("<") ? "application/gpx+xml" : "text/csv"));
  }

  /** The same walk as CSV pings, columns in another order. */
  private static String csv(double lat, Instant start) {
    StringBuilder s = new StringBuilder("unit,timestamp,latitude,longitude\n");
    for (int t = 0; t <= 1000; t += 20) {
      s.append("1A,").append(start.plusSeconds(t)).append(',').append(lat).append(',')
          .append(0.01 * t / 1000.0).append('\n');
    }
    return s.toString();
  }

  @Test
  void csvPingsMeasureLikeTheGpxTrackAndBadLinesAreNamed() {
    Http.test(WebApp.create(HotbeatConfig.defaults(), services), (server, client) -> {
      String good = csv(0.005, Instant.parse("2017-06-03T03:00:00Z"));
      JsonNode r = json(post(client, "?problem=" + problem, good), 201);
      assertEquals(200 / 60.0, r.at("/dosage/hotspots/0/minutes").asDouble(), 0.01);
      JsonNode e = json(post(client, "?problem=" + problem, good.replace("timestamp", "when")),
          400);
      assertEquals("csv", e.at("/errors/0/field").asText());
      e = json(post(client, "?problem=" + problem, good.replace("2017-06-03T03:00:20Z",
          "2017-06-03T02:00:20Z")), 400);
      assertTrue(e.get("detail").asText().contains("line 3"), e.toString());
    });
  }

  private static JsonNode json(Response r, int status) throws Exception {
    String body = r.body().string();
    assertEquals(status, r.code(), body);
    return JSON.readTree(body);
  }

  @Test
  void anUploadedTrackGivesEachProblemAreaItsMinutesPerLocalDayAndIsStored() {
    Http.test(WebApp.create(HotbeatConfig.defaults(), services), (server, client) -> {
      // 03:00 UTC on 3 June is 22:00 on 2 June in Chicago
      JsonNode r = json(post(client, "?problem=" + problem + "&hotspot=0.005,0.005,50,3&unit=1A",
          gpx(0.005, Instant.parse("2017-06-03T03:00:00Z"))), 201);
      assertEquals("America/Chicago", r.at("/dosage/timeZone").asText());
      JsonNode area = r.at("/dosage/hotspots/0");
      assertEquals(200 / 60.0, area.get("minutes").asDouble(), 0.01);
      assertEquals(1, area.get("visits").asInt());
      assertEquals("2017-06-02", area.at("/days/0/day").asText());
      // the 50 m circle: 100 m of the walk at 1113.2 m per 1000 s (0.01° of the equator)
      assertEquals(100 / 1.1132 / 60, r.at("/dosage/hotspots/1/minutes").asDouble(), 0.01);
      // the plan asked for 3 minutes there: half of it was done
      assertEquals(100 / 1.1132 / 60 / 3, r.at("/dosage/hotspots/1/shareOfPlan").asDouble(), 0.01);
      assertTrue(r.at("/dosage/hotspots/0/shareOfPlan").isMissingNode());
      try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT day, minutes, visits FROM patrol_dosage "
              + "WHERE track_id = " + r.get("trackId").asLong())) {
        rs.next();
        assertEquals("2017-06-02", rs.getString(1));
        assertEquals(200 / 60.0, rs.getDouble(2), 0.01);
      }
    });
  }

  @Test
  void aTrackFarFromTheHotspotsGivesZeroDosage() {
    Http.test(WebApp.create(HotbeatConfig.defaults(), services), (server, client) -> {
      JsonNode r = json(post(client, "?problem=" + problem,
          gpx(0.5, Instant.parse("2017-06-03T03:00:00Z"))), 201);
      assertEquals(0.0, r.at("/dosage/hotspots/0/minutes").asDouble());
      assertEquals(0, r.at("/dosage/hotspots/0/visits").asInt());
    });
  }

  @Test
  void brokenTracksAndBadParametersAreClearErrors() {
    Http.test(WebApp.create(HotbeatConfig.defaults(), services), (server, client) -> {
      String good = gpx(0.005, Instant.parse("2017-06-03T03:00:00Z"));
      JsonNode e = json(post(client, "?problem=" + problem, good.substring(0, 300)), 400);
      assertEquals("gpx", e.at("/errors/0/field").asText());
      e = json(post(client, "?problem=" + problem, good.replaceFirst("<time>[^<]*</time>", "")),
          400);
      assertTrue(e.get("detail").asText().contains("no timestamp"), e.toString());
      e = json(post(client, "", good), 400);
      assertEquals("problem", e.at("/errors/0/field").asText());
      json(post(client, "?problem=99999", good), 404);
      json(post(client, "?hotspot=0.005,0.005", good), 400);
      json(post(client, "?hotspot=0.005,0.005,-3", good), 400);
      json(post(client, "?problem=" + problem + "&timeZone=Mars/Olympus", good), 400);
      json(post(client, "?problem=" + problem + "&mergeGapMinutes=-1", good), 400);
    });
  }
}
