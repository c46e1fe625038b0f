package org.hotbeat.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.Response;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.hotbeat.access.Role;
import org.hotbeat.config.HotbeatConfig;
import org.hotbeat.ingest.BeatImporter;
import org.hotbeat.ingest.IngestService;
import org.hotbeat.ingest.InputFormat;
import org.hotbeat.ingest.Mappings;
import org.hotbeat.ingest.RecordReader;
import org.hotbeat.testing.Api;
import org.hotbeat.testing.Http;
import org.hotbeat.testing.PostgisExtension;
import org.hotbeat.testing.TestDirs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** OGC API Features Part 1 Core at /ogc, checked requirement by requirement, and by GDAL. */
class OgcFeaturesApiTest {
  @RegisterExtension static final PostgisExtension db = new PostgisExtension();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static WebApp.Services services;
  private static String analyst;

  @BeforeAll
  static void setUp() throws Exception {
    services = Api.services(db);
    analyst = services.tokens().create("ana", Role.ANALYST).secret();
    StringBuilder csv = new StringBuilder("id,occurred_at,lon,lat,offense\n");
    for (int i = 0; i < 25; i++) {
      csv.append("o").append(i).append(",2017-06-").append(String.format("%02d", i + 1))
          .append("T12:00:00Z,").append(-87.64 + i * 0.001).append(",41.88,0820\n");
    }
    try (RecordReader r = InputFormat.CSV.open(new ByteArrayInputStream(
        csv.toString().getBytes(StandardCharsets.UTF_8)))) {
      services.ingest().ingest(r, Mappings.load("generic"), "ogc", null,
          new IngestService.Source("test", "test"), new IngestService.Listener() { });
    }
    Path beats = TestDirs.fresh("ogc-beats").resolve("beats.geojson");
    Files.writeString(beats, """
        {"type": "FeatureCollection", "features": [
          {"type": "Feature", "properties": {"code": "A"}, "geometry": {"type": "Polygon",
           "coordinates": [[[-87.65, 41.87], [-87.63, 41.87], [-87.63, 41.89], [-87.65, 41.87]]]}},
          {"type": "Feature", "properties": {"code": "B"}, "geometry": {"type": "Polygon",
           "coordinates": [[[-87.63, 41.87], [-87.61, 41.87], [-87.61, 41.89], [-87.63, 41.87]]]}}]}""");
    new BeatImporter(db.dataSource()).load(beats, null, new BeatImporter.Fields("code", "code",
        null), "ogc");
  }

  private static Javalin app() {
    return WebApp.create(HotbeatConfig.defaults(), services);
  }

  private static JsonNode get(HttpClient client, String path, String token, int status,
      String type) throws Exception {
    Response r = client.get(path, req -> {
      if (token != null) {
        req.header("Authorization", "Bearer " + token);
      }
    });
    String body = r.body().string();
    assertEquals(status, r.code(), body);
    if (type != null) {
      assertTrue(r.headers().get("Content-Type").get(0).startsWith(type),
          r.headers().get("Content-Type").toString());
    }
    return JSON.readTree(body);
  }

  private static Set<String> rels(JsonNode links) {
    Set<String> out = new HashSet<>();
    links.forEach(l -> {
      assertTrue(l.hasNonNull("type"), "every link has a type: " + l);
      out.add(l.get("rel").asText());
    });
    return out;
  }

  @Test
  void theLandingPageLinksTheApiConformanceAndData() {
    Http.test(app(), (server, client) -> {
      JsonNode landing = get(client, "/ogc", null, 200, "application/json");
      assertTrue(rels(landing.get("links")).containsAll(
          Set.of("self", "service-desc", "conformance", "data")));
      JsonNode api = get(client, "/ogc/api", null, 200, OgcFeaturesResource.OPENAPI);
      assertEquals("3.0.3", api.get("openapi").asText());
      assertTrue(api.get("paths").has("/collections/{collectionId}/items"));
      JsonNode conf = get(client, "/ogc/conformance", null, 200, "application/json");
      assertTrue(conf.get("conformsTo").toString().contains("conf/core"));
      assertTrue(conf.get("conformsTo").toString().contains("conf/geojson"));
    });
  }

  @Test
  void thePublicSeesBeatsOnlyAndAnalystsSeeIncidentsToo() {
    Http.test(app(), (server, client) -> {
      JsonNode pub = get(client, "/ogc/collections", null, 200, "application/json");
      assertEquals(1, pub.get("collections").size());
      assertEquals("beats", pub.get("collections").get(0).get("id").asText());
      JsonNode ana = get(client, "/ogc/collections", analyst, 200, null);
      assertEquals(2, ana.get("collections").size());
      get(client, "/ogc/collections/incidents/items", null, 401, "application/problem+json");
      JsonNode inc = get(client, "/ogc/collections/incidents", analyst, 200, null);
      assertEquals("2017-06-01T12:00:00Z",
          inc.get("extent").get("temporal").get("interval").get(0).get(0).asText());
    });
  }

  @Test
  void itemsPageThroughNextLinksWithBboxAndDatetime() {
    Http.test(app(), (server, client) -> {
      String path = "/ogc/collections/incidents/items?limit=10&datetime=2017-06-03T00:00:00Z/..";
      List<String> ids = new ArrayList<>();
      while (path != null) {
        JsonNode page = get(client, path, analyst, 200, OgcFeaturesResource.GEOJSON);
        assertEquals(page.get("features").size(), page.get("numberReturned").asInt());
        assertTrue(page.hasNonNull("timeStamp"));
        page.get("features").forEach(f -> ids.add(f.get("id").asText()));
        path = null;
        for (JsonNode l : page.get("links")) {
          if (l.get("rel").asText().equals("next")) {
            path = l.get("href").asText().replaceFirst("^http://[^/]+", "");
          }
        }
      }
      assertEquals(23, ids.size(), "June 3rd to 25th");
      assertEquals(23, new HashSet<>(ids).size(), "no feature twice");
      JsonNode boxed = get(client, "/ogc/collections/incidents/items?bbox=-87.6405,41.87,"
          + "-87.6375,41.89", analyst, 200, null);
      assertEquals(3, boxed.get("numberReturned").asInt());
      JsonNode one = get(client, "/ogc/collections/incidents/items/"
          + boxed.get("features").get(0).get("id").asText(), analyst, 200,
          OgcFeaturesResource.GEOJSON);
      assertEquals("Point", one.get("geometry").get("type").asText());
    });
  }

  @Test
  void badRequestsAreRefusedAsTheStandardSays() {
    Http.test(app(), (server, client) -> {
      get(client, "/ogc/collections/beats/items?colour=red", null, 400, null);
      get(client, "/ogc/collections/beats/items?bbox=1,2,3", null, 400, null);
      get(client, "/ogc/collections/beats/items?datetime=yesterday", null, 400, null);
      get(client, "/ogc/collections/beats/items?datetime=2017-06-03/2017-06-02", null, 400, null);
      get(client, "/ogc/collections/beats/items?limit=0", null, 400, null);
      get(client, "/ogc/collections/beats/items/ogc:Z", null, 404, null);
      get(client, "/ogc/collections/lakes", null, 404, null);
      JsonNode capped = get(client, "/ogc/collections/beats/items?limit=999999", null, 200, null);
      assertEquals(2, capped.get("numberReturned").asInt(), "a large limit is capped, not refused");
    });
  }

  @Test
  void gdalListsAndReadsTheCollections() {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/ogrinfo")),
        "skipped: ogrinfo (Debian gdal-bin) is not installed");
    Http.test(app(), (server, client) -> {
      String url = "OAPIF:http://127.0.0.1:" + server.port() + "/ogc";
      String pub = run("ogrinfo", "-ro", "-so", url, "beats");
      assertTrue(pub.contains("Feature Count: 2"), pub);
      String all = run("ogrinfo", "-ro", url, "--config", "GDAL_HTTP_HEADERS",
          "Authorization: Bearer " + analyst);
      assertTrue(all.contains("incidents"), all);
      String features = run("ogrinfo", "-ro", "-al", "-so", url, "incidents", "--config",
          "GDAL_HTTP_HEADERS", "Authorization: Bearer " + analyst);
      assertTrue(features.contains("Feature Count: 25"), features);
    });
  }

  private static String run(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    return out;
  }
}
