package org.hotbeat.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.Response;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.hotbeat.access.Role;
import org.hotbeat.config.HotbeatConfig;
import org.hotbeat.ingest.IngestLimits;
import org.hotbeat.testing.Api;
import org.hotbeat.testing.Http;
import org.hotbeat.testing.PostgisExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class IncidentIngestApiTest {
  @RegisterExtension static final PostgisExtension db = new PostgisExtension();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static WebApp.Services services;
  private static String analyst;
  private static String patrol;

  @BeforeAll
  static void setUp() throws Exception {
    services = Api.services(db);
    analyst = services.tokens().create("ana", Role.ANALYST).secret();
    patrol = services.tokens().create("pat", Role.PATROL).secret();
  }

  private static Response post(HttpClient client, String path, String token, String type,
      byte[] body, String encoding) {
    return client.request(path, b -> {
      b.post(HttpRequest.BodyPublishers.ofByteArray(body)).header("Authorization", "Bearer " + token)
          .header("Content-Type", type);
      if (encoding != null) {
        b.header("Content-Encoding", encoding);
      }
    });
  }

  private static Response post(HttpClient client, String path, String token, String type,
      String body) {
    return post(client, path, token, type, body.getBytes(StandardCharsets.UTF_8), null);
  }

  private static final String CSV = """
      id,occurred_at,lon,lat,offense,category
      c1,2017-06-01T10:00:00-05:00,-87.63,41.88,0820,theft
      c2,2017-06-01T11:00:00-05:00,,,0820,theft
      """;

  @Test
  void aCsvBodyIsUpsertedAndBadRowsAreListed() {
    Http.test(WebApp.create(HotbeatConfig.defaults(), services), (server, client) -> {
      Response r = post(client, "/api/incidents?agency=api-csv", analyst, "text/csv", CSV);
      assertEquals(200, r.code());
      JsonNode body = JSON.readTree(r.body().string());
      assertEquals(1, body.get("inserted").asInt());
      assertEquals(1, body.get("rejected").asInt());
      assertEquals(2, body.get("rejects").get(0).get("row").asInt());
      assertEquals("no coordinates", body.get("rejects").get(0).get("reason").asText());
      JsonNode again = JSON.readTree(post(client, "/api/incidents?agency=api-csv", analyst,
          "text/csv", CSV).body().string());
      assertEquals(1, again.get("unchanged").asInt());
    });
  }

  @Test
  void jsonGeoJsonNdjsonAndGzipBodiesAreAccepted() throws Exception {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(CSV.getBytes(StandardCharsets.UTF_8));
    }
    Http.test(WebApp.create(HotbeatConfig.defaults(), services), (server, client) -> {
      assertEquals(1, JSON.readTree(post(client, "/api/incidents?agency=api-json", analyst,
          "application/json", "[{\"id\":\"j1\",\"occurred_at\":\"2017-06-01T10:00:00Z\","
              + "\"lon\":-87.63,\"lat\":41.88}]").body().string()).get("inserted").asInt());
      assertEquals(1, JSON.readTree(post(client, "/api/incidents?agency=api-geo", analyst,
          "application/geo+json", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":"
              + "\"Feature\",\"id\":\"g1\",\"geometry\":{\"type\":\"Point\",\"coordinates\":"
              + "[-87.63,41.88]},\"properties\":{\"occurred_at\":\"2017-06-01T10:00:00Z\"}}]}")
          .body().string()).get("inserted").asInt());
      assertEquals(2, JSON.readTree(post(client, "/api/incidents?agency=api-nd", analyst,
          "application/x-ndjson", "{\"id\":\"n1\",\"occurred_at\":\"2017-06-01T10:00:00Z\","
              + "\"lon\":-87.63,\"lat\":41.88}\n{\"id\":\"n2\",\"occurred_at\":"
              + "\"2017-06-01T10:00:00Z\",\"lon\":-87.62,\"lat\":41.88}\n").body().string())
          .get("inserted").asInt());
      assertEquals(1, JSON.readTree(post(client, "/api/incidents?agency=api-gz", analyst,
          "text/csv", gz.toByteArray(), "gzip").body().string()).get("inserted").asInt());
    });
  }

  @Test
  void anUnknownContentTypeIs415() {
    Http.test(WebApp.create(HotbeatConfig.defaults(), services), (server, client) -> {
      Response r = post(client, "/api/incidents", analyst, "application/xml", "<x/>");
      assertEquals(415, r.code());
      assertTrue(r.body().string().contains("text/csv"));
    });
  }

  @Test
  void aBodyOverTheLimitIs413AndStoresNothing() {
    HotbeatConfig small = HotbeatConfig.defaults().withIngestLimits(
        IngestLimits.DEFAULTS.withMaxBytes(2048));
    StringBuilder big = new StringBuilder("id,occurred_at,lon,lat,offense\n");
    for (int i = 0; i < 200; i++) {
      big.append("big").append(i).append(",2017-06-01T10:00:00Z,-87.63,41.88,0820\n");
    }
    Http.test(WebApp.create(small, services), (server, client) -> {
      Response r = post(client, "/api/incidents?agency=api-big", analyst, "text/csv",
          big.toString());
      assertEquals(413, r.code());
      Response chunkedless = client.request("/api/incidents?agency=api-big", b -> b
          .post(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
              big.toString().getBytes(StandardCharsets.UTF_8))))
          .header("Authorization", "Bearer " + analyst).header("Content-Type", "text/csv"));
      assertEquals(413, chunkedless.code(), "a chunked body is counted as it streams");
      assertEquals(0, services.incidents().count() - countOtherAgencies());
    });
  }

  private static long countOtherAgencies() throws Exception {
    try (var c = db.dataSource().getConnection(); var s = c.createStatement();
        var rs = s.executeQuery("SELECT count(*) FROM incident WHERE agency <> 'api-big'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void malformedJsonIs400AndStoresNothing() {
    Http.test(WebApp.create(HotbeatConfig.defaults(), services), (server, client) -> {
      Response r = post(client, "/api/incidents?agency=api-bad", analyst, "application/json",
          "[{\"id\":\"ok\",\"occurred_at\":\"2017-06-01T10:00:00Z\",\"lon\":-87.63,\"lat\":41.88},"
              + "{\"id\": ");
      assertEquals(400, r.code());
      assertTrue(r.body().string().contains("nothing was stored"));
    });
  }

  @Test
  void onlyAnalystsAndAdminsMayIngest() {
    Http.test(WebApp.create(HotbeatConfig.defaults(), services), (server, client) -> {
      assertEquals(403, post(client, "/api/incidents", patrol, "text/csv", CSV).code());
      assertEquals(401, client.request("/api/incidents", b -> b
          .post(HttpRequest.BodyPublishers.ofString(CSV)).header("Content-Type", "text/csv"))
          .code());
    });
  }
}
