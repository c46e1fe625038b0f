package org.hotbeat.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.Statement;
import org.hotbeat.access.Role;
import org.hotbeat.config.HotbeatConfig;
import org.hotbeat.testing.Api;
import org.hotbeat.testing.Http;
import org.hotbeat.testing.PostgisExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Beats R (response), N (its neighbour) and C (control); 8 thefts in R before, 4 after. */
class AssessmentApiTest {
  @RegisterExtension static final PostgisExtension db = new PostgisExtension();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static WebApp.Services services;
  private static String analyst;
  private static String patrol;

  @BeforeAll
  static void setUp() throws Exception {
    services = Api.services(db);
    analyst = services.tokens().create("ana", Role.ANALYST).secret();
    patrol = services.tokens().create("sgt", Role.PATROL).secret();
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("""
          INSERT INTO beat (agency, code, name, geom) VALUES
            ('r', 'R', 'R', ST_Multi(ST_MakeEnvelope(0, 0, 0.01, 0.01, 4326))),
            ('r', 'N', 'N', ST_Multi(ST_MakeEnvelope(0.01, 0, 0.02, 0.01, 4326))),
            ('r', 'C', 'C', ST_Multi(ST_MakeEnvelope(0.05, 0, 0.06, 0.01, 4326)))""");
      s.execute("""
          INSERT INTO incident (agency, source_id, occurred_at, category, geom)
          SELECT 'r', 'i' || g, CASE WHEN g <= 8 OR g > 12 AND g <= 22 THEN '2017-02-01'
                 ELSE '2017-05-01' END::timestamptz, 'theft',
                 CASE WHEN g <= 12 THEN ST_SetSRID(ST_MakePoint(0.005, 0.005), 4326)
                 ELSE ST_SetSRID(ST_MakePoint(0.055, 0.005), 4326) END
          FROM generate_series(1, 32) g""");
    }
  }

  private static String body(String control, String before, String after) {
    return "{\"response\":{\"beat\":\"R\"},\"bufferMetres\":200,\"control\":" + control
        + ",\"before\":\"" + before + "\",\"after\":\"" + after + "\"}";
  }

  private static final String GOOD = body("{\"beat\":\"C\"}", "2017-01-01/2017-04-01",
      "2017-04-01/2017-06-30");

  private static io.javalin.testtools.Response post(io.javalin.testtools.HttpClient client,
      String path, String json, String token) {
    return client.post(path, json, r -> {
      if (token != null) {
        r.header("Authorization", "Bearer " + token);
      }
    });
  }

  @Test
  void anAnalystGetsEachAreasCountsTheWdqAndTheEffectSizeWithItsInterval() {
    Http.test(WebApp.create(HotbeatConfig.defaults(), services), (server, client) -> {
      var r = post(client, "/api/assessments", GOOD, analyst);
      String text = r.body().string();
      assertEquals(200, r.code(), text);
      JsonNode a = JSON.readTree(text);
      assertEquals(8, a.at("/areas/response/before").asLong());
      assertEquals(4, a.at("/areas/response/after").asLong());
      assertEquals(10, a.at("/areas/control/before").asLong());
      assertEquals(10, a.at("/areas/control/after").asLong());
      // RES = 8·10 / (4·10) = 2; var = 1/8 + 1/4 + 2/10 = 0.575
      assertEquals(2.0, a.at("/res/res/value").asDouble(), 1e-12);
      assertEquals(Math.exp(Math.log(2) - 1.959963984540054 * Math.sqrt(0.575)),
          a.at("/res/lower/value").asDouble(), 1e-9);
      // SM = 4/10 − 8/10; the buffer is empty: BDM = 0, WDQ = 0
      assertEquals(-0.4, a.at("/wdq/successMeasure/value").asDouble(), 1e-12);
      assertEquals(0.0, a.at("/wdq/wdq/value").asDouble(), 1e-12);
      assertFalse(text.contains("NaN") || text.contains("Infinity"));
    });
  }

  @Test
  void thePlotComesAsSvgWithTheResponseStartMarked() {
    Http.test(WebApp.create(HotbeatConfig.defaults(), services), (server, client) -> {
      var r = post(client, "/api/assessments?format=svg", GOOD, analyst);
      assertEquals(200, r.code());
      assertTrue(r.headers().get("Content-Type").get(0).startsWith("image/svg+xml"));
      assertTrue(r.body().string().contains("response starts 2017-04-01"));
    });
  }

  @Test
  void overlapsPeriodsUnknownBeatsAndRolesAreClearErrors() {
    Http.test(WebApp.create(HotbeatConfig.defaults(), services), (server, client) -> {
      var overlap = post(client, "/api/assessments", body("{\"beat\":\"N\"}",
          "2017-01-01/2017-04-01", "2017-04-01/2017-06-30"), analyst);
      String problem = overlap.body().string();
      assertEquals(400, overlap.code(), problem);
      assertTrue(problem.contains("\"field\":\"control\"") && problem.contains("beat N")
          && problem.contains("buffer"), problem);
      var lengths = post(client, "/api/assessments", body("{\"beat\":\"C\"}",
          "2017-01-01/2017-04-01", "2017-04-01/2017-07-01"), analyst);
      assertEquals(400, lengths.code());
      assertTrue(lengths.body().string().contains("91 days"));
      var noPeriod = post(client, "/api/assessments", body("{\"beat\":\"C\"}",
          "2017-01-01", "2017-04-01/2017-07-01"), analyst);
      assertTrue(noPeriod.body().string().contains("\"field\":\"before\""));
      assertEquals(404, post(client, "/api/assessments", body("{\"beat\":\"Q\"}",
          "2017-01-01/2017-04-01", "2017-04-01/2017-06-30"), analyst).code());
      var point = post(client, "/api/assessments", body("{\"polygon\":{\"type\":\"Point\","
          + "\"coordinates\":[0,0]}}", "2017-01-01/2017-04-01", "2017-04-01/2017-06-30"), analyst);
      assertEquals(400, point.code());
      assertTrue(point.body().string().contains("Polygon or MultiPolygon, not Point"));
      assertEquals(400, post(client, "/api/assessments", "{not json", analyst).code());
      assertEquals(401, post(client, "/api/assessments", GOOD, null).code());
      assertEquals(403, post(client, "/api/assessments", GOOD, patrol).code());
    });
  }

  @Test
  void controlCandidatesLeaveOutTheNeighbour() {
    Http.test(WebApp.create(HotbeatConfig.defaults(), services), (server, client) -> {
      JsonNode s = Api.getJson(client, "/api/assessments/control-candidates?response=R"
          + "&before=2017-01-01/2017-04-01", analyst, 200);
      assertEquals(1, s.get("candidates").size());
      assertEquals("C", s.at("/candidates/0/beat").asText());
      Api.getJson(client, "/api/assessments/control-candidates?response=R", analyst, 400);
      Api.getJson(client, "/api/assessments/control-candidates?response=Q"
          + "&before=2017-01-01/2017-04-01", analyst, 404);
    });
  }
}
