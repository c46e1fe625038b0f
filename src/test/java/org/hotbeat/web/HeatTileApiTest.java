package org.hotbeat.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.hotbeat.access.Role;
import org.hotbeat.config.HotbeatConfig;
import org.hotbeat.config.Limits;
import org.hotbeat.demo.DemoLoader;
import org.hotbeat.ingest.IngestService;
import org.hotbeat.ingest.InputFormat;
import org.hotbeat.ingest.Mappings;
import org.hotbeat.ingest.RecordReader;
import org.hotbeat.testing.Api;
import org.hotbeat.testing.Http;
import org.hotbeat.testing.PostgisExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HeatTileApiTest {
  @RegisterExtension static final PostgisExtension db = new PostgisExtension();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TILE = "/tiles/heat/15/8407/12178.png";
  private static WebApp.Services services;
  private static String analyst;

  @BeforeAll
  static void setUp() throws Exception {
    services = Api.services(db);
    analyst = services.tokens().create("ana", Role.ANALYST).secret();
    DemoLoader.load(db.dataSource(), DemoLoader.DataSet.chicagoLoop(Path.of("data/demo/chicago-loop")), null);
  }

  private static BufferedImage png(byte[] bytes) throws Exception {
    return ImageIO.read(new ByteArrayInputStream(bytes));
  }

  /** The test client reads bodies as text; PNGs need the bytes. */
  private static java.net.http.HttpResponse<byte[]> fetch(int port, String path) throws Exception {
    return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create("http://127.0.0.1:" + port + path)).build(),
        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void aTileIsAPngWithAnEtagAndA304WhenUnchanged() {
    Http.test(WebApp.create(HotbeatConfig.defaults(), services), (server, client) -> {
      var r = client.get(TILE);
      assertEquals(200, r.code());
      assertEquals("image/png", r.headers().get("Content-Type").get(0));
      BufferedImage img = png(fetch(server.port(), TILE).body());
      assertEquals(256, img.getWidth());
      String etag = r.headers().get("ETag").get(0);
      assertEquals(304, client.get(TILE, req -> req.header("If-None-Match", etag)).code());
      // New data changes the version, so the old ETag no longer matches.
      try (RecordReader in = InputFormat.CSV.open(new ByteArrayInputStream(
          "id,occurred_at,lon,lat,offense\nnew1,2017-06-01T10:00:00Z,-87.6278,41.8819,0820\n"
              .getBytes(StandardCharsets.UTF_8)))) {
        services.ingest().ingest(in, Mappings.load("generic"), "chicago", null,
            new IngestService.Source("test", "test"), new IngestService.Listener() { });
      }
      Thread.sleep(1100);   // the server reads the data version at most once a second
      var after = client.get(TILE, req -> req.header("If-None-Match", etag));
      assertEquals(200, after.code());
      assertNotEquals(etag, after.headers().get("ETag").get(0));
    });
  }

  @Test
  void aFilterThatMatchesNothingGivesATransparentTile() {
    Http.test(WebApp.create(HotbeatConfig.defaults(), services), (server, client) -> {
      var r = fetch(server.port(), TILE + "?category=homicide&from=1999-01-01&to=1999-02-01");
      assertEquals(200, r.statusCode());
      BufferedImage img = png(r.body());
      for (int y = 0; y < 256; y += 15) {
        for (int x = 0; x < 256; x += 15) {
          assertEquals(0, img.getRGB(x, y) >>> 24, "transparent at " + x + "," + y);
        }
      }
    });
  }

  @Test
  void theLegendIsInAbsoluteUnitsAndTheTileJsonCarriesTheFilter() {
    Http.test(WebApp.create(HotbeatConfig.defaults(), services), (server, client) -> {
      JsonNode legend = JSON.readTree(client.get("/api/heat/legend?from=2017-01-01&to=2018-01-01"
          + "&per=month").body().string());
      assertEquals("incidents per km² per month", legend.get("units").asText());
      assertEquals(7, legend.get("classes").size());
      assertTrue(legend.get("peak").asDouble() > 0);
      JsonNode tj = JSON.readTree(client.get("/tiles/heat.json?category=theft").body().string());
      assertEquals("3.0.0", tj.get("tilejson").asText());
      assertTrue(tj.get("tiles").get(0).asText().endsWith("/tiles/heat/{z}/{x}/{y}.png"
          + "?category=theft"), tj.toString());
    });
  }

  @Test
  void thePublicCannotGoBelowTheMinimumBandwidthButAnalystsCan() {
    Http.test(WebApp.create(HotbeatConfig.defaults(), services), (server, client) -> {
      var pub = client.get(TILE + "?bandwidth=100");
      assertEquals(400, pub.code());
      assertTrue(pub.body().string().contains("at least 250 m"));
      assertEquals(200, client.get(TILE + "?bandwidth=100",
          req -> req.header("Authorization", "Bearer " + analyst)).code());
    });
  }

  @Test
  void analystsGetTheBacktestsBlendByDefaultThePublicASmoothMap() {
    Http.test(WebApp.create(HotbeatConfig.defaults(), services), (server, client) -> {
      JsonNode pub = Api.getJson(client, "/api/heat/legend", null, 200);
      assertEquals(400.0, pub.get("bandwidthMetres").asDouble());
      assertEquals(0.0, pub.get("countShare").asDouble());
      JsonNode ana = Api.getJson(client, "/api/heat/legend", analyst, 200);
      assertEquals(400.0, ana.get("bandwidthMetres").asDouble());
      assertEquals(0.8, ana.get("countShare").asDouble());
      assertEquals(150.0, ana.get("countCellMetres").asDouble());
      assertTrue(ana.get("peak").asDouble() > pub.get("peak").asDouble(),
          "cell counts peak higher than a 400 m kernel");
      JsonNode none = Api.getJson(client, "/api/heat/legend?countShare=0", analyst, 200);
      // Issue 22: the public surface is smoothed from suppressed cell counts and its peak rounded
      // to two figures, so it no longer equals the analyst's plain KDE from points.
      double publicPeak = pub.get("peak").asDouble();
      assertTrue(none.get("peak").asDouble() > 0 && publicPeak > 0);
      assertEquals(publicPeak, new java.math.BigDecimal(publicPeak)
          .round(new java.math.MathContext(2)).doubleValue(), 0.0);
      JsonNode refused = Api.getJson(client, "/api/heat/legend?countShare=0.5", null, 400);
      assertEquals("countShare", refused.get("errors").get(0).get("field").asText());
      Api.getJson(client, "/api/heat/legend?countShare=2", analyst, 400);
      Api.getJson(client, "/api/heat/legend?countCell=0", analyst, 400);
    });
  }

  /**
   * Bad input kept from issue 14: at Chicago's latitude 40 km is 53,724 Web Mercator units. The
   * web check (true metres) once passed it and the engine (map units) then refused it: a 500.
   * The bandwidth is now checked once, in true metres, against the configured limit.
   */
  private static final String FORTY_KM = TILE + "?bandwidth=40000";

  @Test
  void aBandwidthOverTheLimitIsRefusedNamingTheLimit() {
    Http.test(WebApp.create(HotbeatConfig.defaults(), services), (server, client) -> {
      for (String path : new String[] {FORTY_KM, "/api/heat/legend?bandwidth=40000"}) {
        var r = client.get(path, req -> req.header("Authorization", "Bearer " + analyst));
        assertEquals(400, r.code(), path);
        String body = r.body().string();
        assertTrue(body.contains("max-bandwidth") && body.contains("20000 m"), body);
      }
    });
  }

  @Test
  void aBandwidthWithinARaisedLimitIsDrawnNotAServerError() {
    Limits wide = Limits.defaults().withMaxBandwidthMetres(50_000);
    Http.test(WebApp.create(HotbeatConfig.defaults().withLimits(wide), services),
        (server, client) -> {
          var r = fetch(server.port(), FORTY_KM);
          assertEquals(200, r.statusCode());
          assertEquals(256, png(r.body()).getWidth());
        });
  }

  @Test
  void badTileRequestsAreClearErrors() {
    Http.test(WebApp.create(HotbeatConfig.defaults(), services), (server, client) -> {
      assertEquals(400, client.get("/tiles/heat/23/0/0.png").code());
      assertEquals(404, client.get("/tiles/heat/2/4/0.png").code());
      assertEquals(400, client.get("/tiles/heat/a/0/0.png").code());
      assertEquals(400, client.get(TILE + "?bandwidth=0").code());
      assertEquals(400, client.get(TILE + "?bandwidth=60000").code());
      assertEquals(400, client.get(TILE + "?kernel=triangle").code());
      assertEquals(400, client.get(TILE + "?from=2017-02-01&to=2017-01-01").code());
      assertEquals(400, client.get(TILE + "?per=fortnight").code());
      assertEquals(400, client.get(TILE + "?per=month").code());
    });
  }
}
