package org.hotbeat.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.Statement;
import org.hotbeat.testing.Api;
import org.hotbeat.testing.WebFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** 400 incidents spread over ~2 × 2 km of the Loop, plus 200 piled into one 60 m spot. */
class HotspotApiTest {
  @RegisterExtension static final WebFixture web = new WebFixture();

  @BeforeAll
  static void setUp() throws Exception {
    try (Connection c = web.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("SELECT setseed(0.42)");
      s.execute("""
          INSERT INTO incident (agency, source_id, occurred_at, category, geom)
          SELECT 'h', 'u' || g, timestamptz '2017-06-01T00:00:00Z', 'theft',
                 ST_SetSRID(ST_MakePoint(-87.64 + random() * 0.024, 41.87 + random() * 0.018), 4326)
          FROM generate_series(1, 400) g
          UNION ALL
          SELECT 'h', 'c' || g, timestamptz '2017-06-01T00:00:00Z', 'theft',
                 ST_SetSRID(ST_MakePoint(-87.6295 + random() * 0.0007, 41.8795 + random() * 0.0005), 4326)
          FROM generate_series(1, 200) g""");
    }
  }

  @Test
  void thePlantedPileIsAHotSpotAtNinetyNinePercent() {
    web.test((server, client) -> {
      JsonNode fc = Api.getJson(client, "/api/hotspots/gistar?agency=h&cell=100",
          web.analyst(), 200);
      assertEquals(100.0, fc.get("analysis").get("cellSize").asDouble());
      assertEquals("EPSG:32616", fc.get("analysis").get("projection").asText());
      JsonNode hottest = null;   // the cell holding most of the pile
      for (JsonNode f : fc.get("features")) {
        if (hottest == null || f.get("properties").get("count").asInt()
            > hottest.get("properties").get("count").asInt()) {
          hottest = f;
        }
        JsonNode ring = f.get("geometry").get("coordinates").get(0);
        assertEquals(ring.get(0).toString(), ring.get(4).toString(), "closed ring");
      }
      assertEquals(3, hottest.get("properties").get("giBin").asInt());
      // The 200-incident pile may straddle up to four 100 m cells.
      assertTrue(hottest.get("properties").get("count").asInt() >= 50);
    });
  }

  @Test
  void thePublicGetsClassesOnlyAndNoSmallCells() {
    web.test((server, client) -> {
      JsonNode fc = Api.getJson(client, "/api/hotspots/gistar?agency=h&cell=100", null, 200);
      assertFalse(fc.toString().contains("\"count\""), "no counts in public output");
      assertFalse(fc.toString().contains("\"z\""));
      assertFalse(fc.get("analysis").has("incidents"));
      JsonNode full = Api.getJson(client, "/api/hotspots/gistar?agency=h&cell=100",
          web.analyst(), 200);
      assertTrue(fc.get("features").size() < full.get("features").size(),
          "cells under 5 incidents are left out");
      Api.getJson(client, "/api/hotspots/gistar?agency=h&cell=20", null, 400);
    });
  }

  @Test
  void badSettingsAreClearErrors() {
    web.test((server, client) -> {
      Api.getJson(client, "/api/hotspots/gistar?agency=h&weights=rook", web.analyst(), 400);
      Api.getJson(client, "/api/hotspots/gistar?agency=h&cell=-5", web.analyst(), 400);
      JsonNode tooMany = Api.getJson(client, "/api/hotspots/gistar?agency=h&cell=0.5",
          web.analyst(), 413);
      assertTrue(tooMany.get("detail").asText().contains("max-analysis-cells"), "names the limit");
      JsonNode none = Api.getJson(client, "/api/hotspots/gistar?agency=nobody", web.analyst(), 400);
      assertTrue(none.get("detail").asText().contains("at least 3 incidents"));
    });
  }

  @Test
  void gistarVectorTilesCarryClassesAndCountsOnlyForAnalysts() throws Exception {
    web.test((server, client) -> {
      String tile = "/tiles/gistar/14/4203/6089.mvt?agency=h&cell=100";
      var ana = mvt(server.port(), tile, web.analyst());
      assertEquals(200, ana.statusCode());
      assertEquals("application/vnd.mapbox-vector-tile",
          ana.headers().firstValue("Content-Type").orElse(""));
      String a = new String(ana.body(), java.nio.charset.StandardCharsets.ISO_8859_1);
      assertTrue(a.contains("gistar") && a.contains("hot spot, 99% confidence"));
      assertTrue(a.contains("count") && a.contains("giBin"));
      var pub = mvt(server.port(), tile, null);
      assertEquals(200, pub.statusCode());
      String p = new String(pub.body(), java.nio.charset.StandardCharsets.ISO_8859_1);
      assertTrue(p.contains("hot spot, 99% confidence"));
      assertFalse(p.contains("count"), "no counts in public tiles");
      String etag = pub.headers().firstValue("ETag").orElseThrow();
      assertEquals(304, client.get(tile, r -> r.header("If-None-Match", etag)).code());
      // Far from every incident: no content.
      assertEquals(204, client.get("/tiles/gistar/14/0/0.mvt?agency=h&cell=100").code());
      assertEquals(400, client.get("/tiles/gistar/23/0/0.mvt?agency=h").code());
      assertEquals(400, client.get("/tiles/gistar/14/4203/6089.mvt?agency=h&cell=20").code());
      JsonNode tj = Api.getJson(client, "/tiles/gistar.json?agency=h&cell=100", null, 200);
      assertTrue(tj.get("tiles").get(0).asText().endsWith("/tiles/gistar/{z}/{x}/{y}.mvt"
          + "?agency=h&cell=100"), tj.toString());
    });
  }

  private static java.net.http.HttpResponse<byte[]> mvt(int port, String path, String token)
      throws Exception {
    var b = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
        + path));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return java.net.http.HttpClient.newHttpClient().send(b.build(),
        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
  }
}
