package org.hotbeat.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.testtools.Response;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.hotbeat.Progress;
import org.hotbeat.config.HotbeatConfig;
import org.hotbeat.streets.StreetImporter;
import org.hotbeat.testing.Http;
import org.hotbeat.testing.PostgisExtension;
import org.hotbeat.testing.TestDirs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The street basemap over HTTP, on the hand-drawn town of {@code streets/little-town.osm}. */
class StreetTileTest {
  @RegisterExtension static final PostgisExtension db = new PostgisExtension();
  private static final ObjectMapper JSON = new ObjectMapper();
  // Tiles over the town (around -87.629, 41.881) at zooms 15 and 12.
  private static final String TOWN_Z15 = "/tiles/streets/15/8407/12178.mvt";
  private static final String TOWN_Z12 = "/tiles/streets/12/1050/1522.mvt";
  private static WebApp.Services services;
  private static HotbeatConfig config;

  @BeforeAll
  static void importTown() {
    Path graphDir = TestDirs.fresh("street-tiles").resolve("graph");
    config = HotbeatConfig.defaults().withGraphDir(graphDir);
    services = WebApp.Services.of(config, db.database(),
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    new StreetImporter(db.dataSource(), graphDir)
        .importFile(Path.of("src/test/resources/streets/little-town.osm"), Progress.NONE);
  }

  private static Javalin app() {
    return WebApp.create(config, services);
  }

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** A GET whose body stays bytes (the test client's Response decodes bodies as text). */
  private static HttpResponse<byte[]> get(Javalin server, String path, String... headers)
      throws Exception {
    HttpRequest.Builder req = HttpRequest.newBuilder(
        URI.create("http://localhost:" + server.port() + path));
    if (headers.length > 0) {
      req.headers(headers);
    }
    return HTTP.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String text(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.ISO_8859_1);
  }

  private static String header(HttpResponse<byte[]> r, String name) {
    return r.headers().firstValue(name).orElse("");
  }

  @Test
  void aDetailedTileHasEveryStreetWithClassNameAndOneWay() {
    Http.test(app(), (server, client) -> {
      HttpResponse<byte[]> r = get(server, TOWN_Z15);
      assertEquals(200, r.statusCode());
      assertEquals("application/vnd.mapbox-vector-tile", header(r, "Content-Type"));
      String tile = text(r);
      for (String s : new String[] {"streets", "class", "name", "Lake Street", "Main Street",
          "primary", "residential", "footway", "oneway"}) {
        assertTrue(tile.contains(s), s + " in the tile");
      }
      assertFalse(tile.contains("Stray Path"), "stray fragments are not drawn");
    });
  }

  @Test
  void aLowZoomTileLeavesOutMinorStreets() {
    Http.test(app(), (server, client) -> {
      HttpResponse<byte[]> r = get(server, TOWN_Z12);
      assertEquals(200, r.statusCode());
      String tile = text(r);
      assertTrue(tile.contains("Main Street") && tile.contains("Market Street"), "primary, secondary");
      assertFalse(tile.contains("Lake Street"), "residential streets start at zoom 13");
      assertFalse(tile.contains("footway"), "footways start at zoom 15");
      assertFalse(tile.contains("oneway"), "one-way flags only at detailed zooms");
    });
  }

  @Test
  void aTileWithoutStreetsIsEmpty() {
    Http.test(app(), (server, client) -> {
      assertEquals(204, get(server, "/tiles/streets/15/0/0.mvt").statusCode());
    });
  }

  @Test
  void anUnchangedTileIsNotSentAgain() {
    Http.test(app(), (server, client) -> {
      String etag = header(get(server, TOWN_Z15), "ETag");
      assertTrue(etag.startsWith("\"streets-"), etag);
      assertEquals(304, get(server, TOWN_Z15, "If-None-Match", etag).statusCode());
    });
  }

  // A zoom past 22 is bad input on every tile route (one parser, web.TileRequests); it was 404
  // here alone.
  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({"/tiles/streets/a/1/1.mvt,400", "/tiles/streets/1/1.5/1.mvt,400",
      "/tiles/streets/1/1/-1.mvt,404", "/tiles/streets/1/2/0.mvt,404",
      "/tiles/streets/23/0/0.mvt,400", "/tiles/streets/99999999999/0/0.mvt,400",
      "/tiles/streets/1/1/1.png,404"})
  void badTileCoordinatesGetAProblemNotAServerError(String path, int status) {
    Http.test(app(), (server, client) -> {
      HttpResponse<byte[]> r = get(server, path);
      assertEquals(status, r.statusCode(), path);
      assertTrue(header(r, "Content-Type").startsWith("application/problem+json"), path);
    });
  }

  @Test
  void tileJsonDescribesTheLayerAndTheImportedArea() {
    Http.test(app(), (server, client) -> {
      Response r = client.get("/tiles/streets.json");
      assertEquals(200, r.code());
      JsonNode tj = JSON.readTree(r.body().string());
      assertEquals("3.0.0", tj.get("tilejson").asText());
      String url = tj.get("tiles").get(0).asText();
      assertTrue(url.matches("http://[^/]+:" + server.port() + "/tiles/streets/\\{z}/\\{x}/\\{y}\\.mvt"),
          "an absolute URL on the host the client asked: " + url);
      double[] bounds = JSON.convertValue(tj.get("bounds"), double[].class);
      assertArrayEquals(new double[] {-87.630, 41.880, -87.628, 41.882}, bounds, 1e-6);
      JsonNode layer = tj.get("vector_layers").get(0);
      assertEquals("streets", layer.get("id").asText());
      assertTrue(layer.get("fields").has("class") && layer.get("fields").has("name"));
      assertTrue(tj.get("attribution").asText().contains("OpenStreetMap"));
    });
  }

  @Test
  void theBasemapIsPublic() {
    Http.test(app(), (server, client) -> {
      assertEquals(200, client.get("/tiles/streets.json").code());
      assertEquals(200, client.get(TOWN_Z15).code());
    });
  }
}
