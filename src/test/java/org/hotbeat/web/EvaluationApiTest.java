package org.hotbeat.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import org.hotbeat.testing.Api;
import org.hotbeat.testing.WebFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 2016 and 2017 Q1 in ~2 × 2 km of the Loop: each period half spread at random, half piled into
 * one 60 m spot that persists, so every method finds it. Beat W covers the western half.
 */
class EvaluationApiTest {
  @RegisterExtension static final WebFixture web = new WebFixture();
  private static final String PERIODS =
      "trainFrom=2016-01-01&trainTo=2017-01-01&testFrom=2017-01-01&testTo=2017-04-01";

  @BeforeAll
  static void setUp() throws Exception {
    try (Connection c = web.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("SELECT setseed(0.17)");
      s.execute("""
          INSERT INTO incident (agency, source_id, occurred_at, category, geom)
          SELECT 'e', 'p' || g || '-' || k, t, 'theft',
                 CASE WHEN g % 2 = 0
                   THEN ST_SetSRID(ST_MakePoint(-87.64 + random() * 0.024,
                                                41.87 + random() * 0.018), 4326)
                   ELSE ST_SetSRID(ST_MakePoint(-87.6345 + random() * 0.0007,
                                                41.8795 + random() * 0.0005), 4326) END
          FROM generate_series(1, 400) g,
               (VALUES (1, timestamptz '2016-06-01T00:00:00Z'),
                       (2, timestamptz '2017-02-01T00:00:00Z')) AS p(k, t)""");
      s.execute("INSERT INTO incident (agency, source_id, occurred_at, category, geom) "
          + "SELECT 'e', 'r' || g, timestamptz '2016-05-01T00:00:00Z', 'robbery', "
          + "ST_SetSRID(ST_MakePoint(-87.63, 41.88), 4326) FROM generate_series(1, 3) g");
      s.execute("INSERT INTO beat (agency, code, name, geom) VALUES ('e', 'W', 'West', "
          + "ST_Multi(ST_MakeEnvelope(-87.641, 41.869, -87.628, 41.889, 4326)))");
    }
  }

  @Test
  void everyMethodFindsThePersistentPileAndTheTableAddsUp() {
    web.test((server, client) -> {
      JsonNode r = Api.getJson(client, "/api/evaluate?agency=e&category=theft&" + PERIODS,
          web.analyst(), 200);
      // Cells count when their centre is inside the hull, so a few incidents on its rim drop out.
      assertTrue(r.get("trainIncidents").asInt() > 370 && r.get("trainIncidents").asInt() <= 400);
      assertTrue(r.get("testIncidents").asInt() > 370 && r.get("testIncidents").asInt() <= 400);
      assertEquals("convex hull of the incidents", r.get("studyArea").asText());
      String[] names = new String[r.get("methods").size()];
      for (int i = 0; i < names.length; i++) {
        JsonNode m = r.get("methods").get(i);
        names[i] = m.get("method").asText();
        JsonNode at5 = m.get("scores").get(1);
        assertEquals(0.05, at5.get("coverage").asDouble(), 1e-12);
        assertTrue(at5.get("hitRate").asDouble() > 0.5, names[i] + ": " + at5);
        assertEquals(at5.get("hitRate").asDouble() / 0.05, at5.get("pai").asDouble(), 1e-9);
        assertEquals(101, m.get("hitRateCurve").size());
        assertEquals(1.0, m.get("hitRateCurve").get(100).asDouble(), 1e-9);
      }
      assertArrayEquals(new String[] {"naive", "default", "kde", "prospective", "kde-wide"}, names);
    });
  }

  @Test
  void aBeatBoundaryLimitsTheStudyArea() {
    web.test((server, client) -> {
      JsonNode all = Api.getJson(client, "/api/evaluate?agency=e&method=naive&" + PERIODS,
          web.analyst(), 200);
      JsonNode west = Api.getJson(client, "/api/evaluate?agency=e&method=naive&boundary=W&"
          + PERIODS, web.analyst(), 200);
      assertEquals("boundary", west.get("studyArea").asText());
      assertTrue(west.get("areaKm2").asDouble() < all.get("areaKm2").asDouble());
      assertTrue(west.get("trainIncidents").asInt() < all.get("trainIncidents").asInt());
      // The pile lies inside W, so it holds more than half of W's incidents.
      assertTrue(west.get("trainIncidents").asInt() > 200);
    });
  }

  @Test
  void theHitRateCurvesComeAsSvgOrPng() {
    web.test((server, client) -> {
      var svg = client.get("/api/evaluate?agency=e&format=svg&" + PERIODS,
          req -> req.header("Authorization", "Bearer " + web.analyst()));
      assertEquals(200, svg.code());
      assertTrue(svg.headers().get("Content-Type").get(0).startsWith("image/svg+xml"));
      String body = svg.body().string();
      assertTrue(body.startsWith("<svg") && body.contains("kde-wide"), body);
      var png = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
          .newBuilder(java.net.URI.create("http://localhost:" + server.port()
              + "/api/evaluate?agency=e&format=png&method=naive&" + PERIODS))
          .header("Authorization", "Bearer " + web.analyst()).build(),
          java.net.http.HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, png.statusCode());
      assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
      byte[] bytes = png.body();
      assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(bytes, 4));
    });
  }

  @Test
  void badInputIsAClearErrorNamingTheField() {
    web.test((server, client) -> {
      String base = "/api/evaluate?agency=e&";
      JsonNode empty = Api.getJson(client, base + "trainFrom=2016-01-01&trainTo=2016-01-01"
          + "&testFrom=2017-01-01&testTo=2017-04-01", web.analyst(), 400);
      assertEquals("trainTo", empty.get("errors").get(0).get("field").asText());
      assertTrue(empty.get("detail").asText().contains("empty"));
      JsonNode overlap = Api.getJson(client, base + "trainFrom=2016-01-01&trainTo=2017-02-01"
          + "&testFrom=2017-01-01&testTo=2017-04-01", web.analyst(), 400);
      assertEquals("testFrom", overlap.get("errors").get(0).get("field").asText());
      assertTrue(overlap.get("detail").asText().contains("overlaps"));
      JsonNode method = Api.getJson(client, base + "method=tea-leaves&" + PERIODS,
          web.analyst(), 400);
      assertEquals("method", method.get("errors").get(0).get("field").asText());
      assertTrue(method.get("detail").asText().contains("naive"), "lists the known methods");
      JsonNode few = Api.getJson(client, base + "category=robbery&" + PERIODS, web.analyst(), 400);
      assertTrue(few.get("detail").asText().contains("at least 30 training and 10 test"),
          few.toString());
      JsonNode beat = Api.getJson(client, base + "boundary=Q9&" + PERIODS, web.analyst(), 400);
      assertEquals("boundary", beat.get("errors").get(0).get("field").asText());
      JsonNode tooMany = Api.getJson(client, base + "cell=0.2&" + PERIODS, web.analyst(), 413);
      assertTrue(tooMany.get("detail").asText().contains("max-grid-cells"), "names the limit");
      Api.getJson(client, base + "cell=0&" + PERIODS, web.analyst(), 400);
      Api.getJson(client, base + "from=2016-01-01&" + PERIODS, web.analyst(), 400);
      Api.getJson(client, base + "trainFrom=2016-01-01", web.analyst(), 400);
      Api.getJson(client, base + PERIODS, null, 401);
    });
  }
}
