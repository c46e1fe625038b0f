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

/** Beat B holds 7 thefts and 2 robberies in June 2017. */
class BeatReportApiTest {
  /** The suppression's fixture was drawn for k = 5, the default before issue 22 raised it. */
  private static final HotbeatConfig K5 = HotbeatConfig.defaults().withLimits(
      org.hotbeat.config.Limits.defaults().withPublicMinCount(5));
  @RegisterExtension static final PostgisExtension db = new PostgisExtension();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static WebApp.Services services;
  private static String patrol;

  @BeforeAll
  static void setUp() throws Exception {
    services = Api.services(db);
    patrol = services.tokens().create("sgt", Role.PATROL).secret();
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO beat (agency, code, name, geom) VALUES ('r', 'B', 'Beat B', "
          + "ST_Multi(ST_MakeEnvelope(0, 0, 0.01, 0.01, 4326)))");
      s.execute("INSERT INTO incident (agency, source_id, occurred_at, category, geom) "
          + "SELECT 'r', 'i' || g, '2017-06-10T00:00:00Z', CASE WHEN g <= 7 THEN 'theft' "
          + "ELSE 'robbery' END, ST_SetSRID(ST_MakePoint(0.005, 0.005), 4326) "
          + "FROM generate_series(1, 9) g");
    }
  }

  private static final String PATH = "/api/beats/B/report?from=2017-06-01&to=2017-07-01";

  @Test
  void thePublicSeesNoCountBelowFiveAndPatrolSeesAll() {
    Http.test(WebApp.create(K5, services), (server, client) -> {
      var pub = client.get(PATH);
      assertEquals(200, pub.code());
      JsonNode p = JSON.readTree(pub.body().string());
      assertTrue(p.get("suppressed").asBoolean());
      for (JsonNode line : p.get("lines")) {
        assertTrue(line.get("count").isNull() || line.get("count").asLong() >= 5, line.toString());
      }
      assertFalse(p.toString().contains("robbery"), "a category of 2 is not named");
      JsonNode full = JSON.readTree(client.get(PATH, r -> r.header("Authorization",
          "Bearer " + patrol)).body().string());
      assertFalse(full.get("suppressed").asBoolean());
      assertTrue(full.toString().contains("\"category\":\"robbery\",\"count\":2"), full.toString());
    });
  }

  @Test
  void thePrintablePageShowsTheSameSuppressedFigures() {
    Http.test(WebApp.create(K5, services), (server, client) -> {
      var pub = client.get("/api/beats/B/report.html?from=2017-06-01&to=2017-07-01");
      assertEquals(200, pub.code());
      assertTrue(pub.headers().get("Content-Type").get(0).startsWith("text/html"));
      String html = pub.body().string();
      assertTrue(html.contains("<h1>Beat B (Beat B)</h1>") && html.contains("public version"),
          html);
      assertFalse(html.contains("robbery"), "a category of 2 is not named");
      assertTrue(html.contains("Top hotspots") && html.contains("<td>9</td>"), html);
      String full = client.get("/api/beats/B/report.html?from=2017-06-01&to=2017-07-01",
          r -> r.header("Authorization", "Bearer " + patrol)).body().string();
      assertTrue(full.contains("<td>robbery</td><td>2</td>"), full);
      assertEquals(404, client.get("/api/beats/Q/report.html?from=2017-06-01&to=2017-07-01")
          .code());
    });
  }

  @Test
  void missingPeriodsAndUnknownBeatsAreClearErrors() {
    Http.test(WebApp.create(K5, services), (server, client) -> {
      assertEquals(400, client.get("/api/beats/B/report").code());
      assertEquals(400, client.get("/api/beats/B/report?from=2017-07-01&to=2017-06-01").code());
      assertEquals(404, client.get("/api/beats/Q/report?from=2017-06-01&to=2017-07-01").code());
    });
  }
}
