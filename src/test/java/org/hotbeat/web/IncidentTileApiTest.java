package org.hotbeat.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.hotbeat.access.Role;
import org.hotbeat.config.HotbeatConfig;
import org.hotbeat.demo.DemoLoader;
import org.hotbeat.testing.Api;
import org.hotbeat.testing.Http;
import org.hotbeat.testing.PostgisExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Incident vector tiles and counts around a spot, for analysts, on the Chicago Loop demo. */
class IncidentTileApiTest {
  @RegisterExtension static final PostgisExtension db = new PostgisExtension();
  // Tiles over the Loop (around -87.629, 41.881) at zooms 15 and 12.
  private static final String Z15 = "/tiles/incidents/15/8407/12178.mvt";
  private static final String Z12 = "/tiles/incidents/12/1050/1522.mvt";
  private static WebApp.Services services;
  private static String analyst;
  private static String patrol;

  @BeforeAll
  static void load() throws Exception {
    services = Api.services(db);
    analyst = services.tokens().create("ana", Role.ANALYST).secret();
    patrol = services.tokens().create("pat", Role.PATROL).secret();
    DemoLoader.load(db.dataSource(),
        DemoLoader.DataSet.chicagoLoop(Path.of("data/demo/chicago-loop")), null);
  }

  private static HttpResponse<byte[]> get(int port, String path, String token) throws Exception {
    HttpRequest.Builder req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (token != null) {
      req.header("Authorization", "Bearer " + token);
    }
    return HttpClient.newHttpClient().send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String text(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.ISO_8859_1);
  }

  @Test
  void onlyAnalystsGetIncidentTiles() {
    Http.test(WebApp.create(HotbeatConfig.defaults(), services), (server, client) -> {
      assertEquals(401, get(server.port(), Z15, null).statusCode());
      assertEquals(403, get(server.port(), Z15, patrol).statusCode());
      assertEquals(401, get(server.port(), "/tiles/incidents.json", null).statusCode());
      var r = get(server.port(), Z15, analyst);
      assertEquals(200, r.statusCode());
      assertEquals(TileResponses.MVT, r.headers().firstValue("Content-Type").orElse(""));
      assertTrue(r.headers().firstValue("Cache-Control").orElse("").startsWith("private"),
          "point-level tiles must not sit in shared caches");
    });
  }

  @Test
  void highZoomTilesCarryEachIncidentAndLowZoomTilesCarryClusterCounts() {
    Http.test(WebApp.create(HotbeatConfig.defaults(), services), (server, client) -> {
      String detailed = text(get(server.port(), Z15, analyst));
      assertTrue(detailed.contains("occurred_at") && detailed.contains("category"), detailed);
      String clustered = text(get(server.port(), Z12, analyst));
      assertTrue(clustered.contains("count"));
      assertFalse(clustered.contains("occurred_at"), "clusters must not carry single incidents");
    });
  }

  @Test
  void theFilterChangesTheTileAndItsEtag() {
    Http.test(WebApp.create(HotbeatConfig.defaults(), services), (server, client) -> {
      var all = get(server.port(), Z15, analyst);
      var theft = get(server.port(), Z15 + "?category=theft", analyst);
      assertEquals(200, theft.statusCode());
      assertFalse(java.util.Arrays.equals(all.body(), theft.body()));
      assertFalse(all.headers().firstValue("ETag").equals(theft.headers().firstValue("ETag")));
      assertEquals(204, get(server.port(), Z15 + "?from=1999-01-01&to=1999-02-01", analyst)
          .statusCode());
      assertEquals(400, get(server.port(), Z15 + "?hours=25", analyst).statusCode());
      assertEquals(400, get(server.port(), "/tiles/incidents/15/x/1.mvt", analyst).statusCode());
      assertEquals(404, get(server.port(), "/tiles/incidents/1/5/5.mvt", analyst).statusCode());
    });
  }

  @Test
  void tileJsonCarriesTheFilterAndCreditsThePublisherFromTheData() {
    Http.test(WebApp.create(HotbeatConfig.defaults(), services), (server, client) -> {
      JsonNode tj = Api.getJson(client, "/tiles/incidents.json?category=theft", analyst, 200);
      assertTrue(tj.get("tiles").get(0).asText().endsWith("/tiles/incidents/{z}/{x}/{y}.mvt"
          + "?category=theft"), tj.toString());
      assertEquals("crime and beat data: City of Chicago Data Portal",
          tj.get("attribution").asText());
      JsonNode heat = Api.getJson(client, "/tiles/heat.json", null, 200);
      assertEquals(tj.get("attribution"), heat.get("attribution"));
    });
  }

  @Test
  void nearCountsTheIncidentsWithinTheRadius() {
    double lon = -87.6278;
    double lat = 41.8819;
    double radius = 200;
    Http.test(WebApp.create(HotbeatConfig.defaults(), services), (server, client) -> {
      JsonNode near = Api.getJson(client, "/api/incidents/near?lon=" + lon + "&lat=" + lat
          + "&radius=" + radius + "&from=2017-01-01&to=2018-01-01", analyst, 200);
      // The points themselves, measured on a sphere: those clearly inside must be counted, those
      // clearly outside must not (within 2 m of the circle, sphere and spheroid may disagree).
      JsonNode points = Api.getJson(client, "/api/incidents?limit=10000&from=2017-01-01"
          + "&to=2018-01-01&bbox=-87.6328,41.8779,-87.6228,41.8859", analyst, 200);
      int inside = 0;
      int edge = 0;
      for (JsonNode f : points.get("features")) {
        double d = metres(lon, lat, f.get("geometry").get("coordinates").get(0).asDouble(),
            f.get("geometry").get("coordinates").get(1).asDouble());
        if (d < radius - 2) {
          inside++;
        } else if (d <= radius + 2) {
          edge++;
        }
      }
      long total = near.get("total").asLong();
      assertTrue(inside > 0 && total >= inside && total <= inside + edge,
          total + " counted, " + inside + " inside, " + edge + " on the edge");
      long sum = 0;
      for (JsonNode c : near.get("byCategory")) {
        sum += c.get("count").asLong();
      }
      assertEquals(total, sum);
      assertEquals(400, client.get("/api/incidents/near?lon=1&lat=2&radius=0",
          req -> req.header("Authorization", "Bearer " + analyst)).code());
      assertEquals(400, client.get("/api/incidents/near?lon=1&radius=100",
          req -> req.header("Authorization", "Bearer " + analyst)).code());
      assertEquals(401, client.get("/api/incidents/near?lon=1&lat=2&radius=100").code());
    });
  }

  private static double metres(double lon1, double lat1, double lon2, double lat2) {
    double r = 6_371_008.8;
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double a = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(Math.toRadians(lat1))
        * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * r * Math.asin(Math.sqrt(a));
  }
}
