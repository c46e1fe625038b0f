package org.hotbeat.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.Response;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.hotbeat.access.Role;
import org.hotbeat.config.HotbeatConfig;
import org.hotbeat.config.IngestLimits;
import org.hotbeat.testing.Api;
import org.hotbeat.testing.GzipBomb;
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
    try (var c = db.dataSource().getConnection(); var st = c.createStatement()) {
      st.execute("INSERT INTO beat (agency, code, geom) VALUES ('api-each', '0111', "
          + "ST_Multi(ST_MakeEnvelope(-87.64, 41.87, -87.62, 41.89, 4326)))");
    }
  }

  /** No error body may show internals: a Java class or package name, an exception's name. */
  private static final Pattern JAVA_NAME = Pattern.compile(
      "\\b(java|javax|org|com|io)\\.[a-z]+\\.|Exception\\b");

  /** Asserts a problem+json answer with this status that names no Java class; returns its detail. */
  static String problem(Response r, int status) throws Exception {
    return problemBody(r, status).get("detail").asText();
  }

  static JsonNode problemBody(Response r, int status) throws Exception {
    String body = r.body().string();
    assertEquals(status, r.code(), body);
    assertTrue(r.headers().get("Content-Type").get(0)
        .startsWith("application/problem+json"), body);
    assertFalse(JAVA_NAME.matcher(body).find(), body);
    return JSON.readTree(body);
  }

  private static byte[] resource(String name) throws Exception {
    try (var in = IncidentIngestApiTest.class.getResourceAsStream("/ingest/" + name)) {
      return in.readAllBytes();
    }
  }

  private static Map<Integer, String> rejects(JsonNode body) {
    Map<Integer, String> out = new TreeMap<>();
    body.get("rejects").forEach(r -> out.put(r.get("row").asInt(), r.get("reason").asText()));
    return out;
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

  @Test
  void aBodyWithOneBadRowOfEachKindStoresEveryGoodRowAndListsEveryBadOne() throws Exception {
    Http.test(WebApp.create(HotbeatConfig.defaults(), services), (server, client) -> {
      Response r = post(client, "/api/incidents?agency=api-each", analyst, "text/csv",
          resource("bad-values.csv"), null);
      String text = r.body().string();
      assertEquals(200, r.code(), text);
      JsonNode body = JSON.readTree(text);
      assertEquals(14, body.get("rows").asInt());
      assertEquals(3, body.get("inserted").asInt());
      Map<Integer, String> rejects = rejects(body);
      assertEquals(java.util.Set.of(2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13), rejects.keySet(),
          rejects.toString());
      assertTrue(rejects.get(2).contains("NUL byte"), rejects.get(2));
      assertTrue(rejects.get(4).contains("in the future"), rejects.get(4));
      assertTrue(rejects.get(5).contains("before 1900"), rejects.get(5));
      assertTrue(rejects.get(8).contains("offence code longer than 200"), rejects.get(8));
      assertTrue(rejects.get(12).contains("outside the agency's beats")
          && rejects.get(12).contains("look swapped"), rejects.get(12));
      assertTrue(rejects.get(13).contains("km outside the agency's beats"), rejects.get(13));

      Response nd = post(client, "/api/incidents?agency=api-each", analyst,
          "application/x-ndjson", resource("bad-values.ndjson"), null);
      JsonNode ndBody = JSON.readTree(nd.body().string());
      assertEquals(2, ndBody.get("inserted").asInt());
      assertEquals(java.util.Set.of(2, 3, 4, 5), rejects(ndBody).keySet(), ndBody.toString());
    });
  }

  @Test
  void aGzipBombIsRefusedWith413WhileTheHeapStaysBounded() throws Exception {
    // 2 GiB without a line break, about 2 MB on the wire: first as the whole body (the header
    // line is over the line limit), then after a good header (the row is skipped until the
    // decompressed byte limit).
    byte[] headless = GzipBomb.of("", 2048, (byte) 'a');
    byte[] afterHeader = GzipBomb.of("id,occurred_at,lon,lat,offense\n", 2048, (byte) 'a');
    assertTrue(headless.length < 3 << 20, "the bomb is small: " + headless.length);
    HotbeatConfig config = HotbeatConfig.defaults().withIngestLimits(
        IngestLimits.DEFAULTS.withMaxBytes(256L << 20));
    Http.test(WebApp.create(config, services), (server, client) -> {
      long before = GzipBomb.heapUsed();
      long[] peak = new long[2];
      String[] detail = new String[2];
      peak[0] = GzipBomb.peakHeapDuring(() -> detail[0] = problemOf(post(client,
          "/api/incidents?agency=api-bomb", analyst, "text/csv", headless, "gzip"), 413));
      peak[1] = GzipBomb.peakHeapDuring(() -> detail[1] = problemOf(post(client,
          "/api/incidents?agency=api-bomb", analyst, "text/csv", afterHeader, "gzip"), 413));
      assertTrue(detail[0].contains("header row is longer"), detail[0]);
      assertTrue(detail[1].contains("after decompression"), detail[1]);
      for (long p : peak) {
        assertTrue(p - before < 256L << 20, "heap grew by " + ((p - before) >> 20) + " MiB");
      }
      System.out.printf("gzip bomb: heap before %d MiB, peak %d / %d MiB%n", before >> 20,
          peak[0] >> 20, peak[1] >> 20);
    });
  }

  private static String problemOf(Response r, int status) {
    try {
      return problem(r, status);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aBodyLabelledGzipThatIsNotGzipIs400() throws Exception {
    Http.test(WebApp.create(HotbeatConfig.defaults(), services), (server, client) -> {
      String detail = problem(post(client, "/api/incidents?agency=api-notgz", analyst, "text/csv",
          CSV.getBytes(StandardCharsets.UTF_8), "gzip"), 400);
      assertTrue(detail.contains("not gzip"), detail);
      problem(post(client, "/api/incidents?agency=api-notgz", analyst, "text/csv",
          new byte[0], "gzip"), 400);
      problem(post(client, "/api/incidents?agency=api-notgz", analyst, "text/csv",
          CSV.getBytes(StandardCharsets.UTF_8), "br"), 415);
    });
  }

  @Test
  void aJsonBodyThatIsNotAnArrayOrObjectIs400WithAReason() throws Exception {
    Http.test(WebApp.create(HotbeatConfig.defaults(), services), (server, client) -> {
      for (String body : new String[] {"null", "42", "\"text\"", "true"}) {
        String detail = problem(post(client, "/api/incidents?agency=api-null", analyst,
            "application/json", body), 400);
        assertTrue(detail.contains("expected a JSON array of records or a GeoJSON "
            + "FeatureCollection"), detail);
      }
    });
  }

  @Test
  void moreRowsThanTheLimitIs413AndStoresNothing() throws Exception {
    HotbeatConfig two = HotbeatConfig.defaults().withIngestLimits(
        IngestLimits.DEFAULTS.withMaxRows(2));
    Http.test(WebApp.create(two, services), (server, client) -> {
      String detail = problem(post(client, "/api/incidents?agency=api-rows", analyst, "text/csv",
          CSV + "c3,2017-06-01T10:00:00-05:00,-87.63,41.88,0820,theft\n"), 413);
      assertTrue(detail.contains("more than 2 rows"), detail);
      assertEquals(200, post(client, "/api/incidents?agency=api-rows", analyst, "text/csv", CSV)
          .code(), "two rows are fine");
    });
  }

  @Test
  void aLineOrFieldOverTheLimitIsARejectedRow() throws Exception {
    HotbeatConfig small = HotbeatConfig.defaults().withIngestLimits(
        new IngestLimits(1L << 20, 2000, 500, 1000));
    String csv = "id,occurred_at,lon,lat,offense,category\n"
        + "l1,2017-06-01T10:00:00-05:00,-87.63,41.88,0820," + "x".repeat(600) + "\n"
        + "l2,2017-06-01T10:00:00-05:00,-87.63,41.88,0820," + "y".repeat(3000) + "\n"
        + "l3,2017-06-01T10:00:00-05:00,-87.63,41.88,0820,theft\n";
    Http.test(WebApp.create(small, services), (server, client) -> {
      JsonNode body = JSON.readTree(post(client, "/api/incidents?agency=api-long", analyst,
          "text/csv", csv).body().string());
      assertEquals(1, body.get("inserted").asInt());
      Map<Integer, String> rejects = rejects(body);
      assertTrue(rejects.get(1).contains("field 'category' is longer than 500"), rejects.get(1));
      assertTrue(rejects.get(2).contains("line is longer than 2000"), rejects.get(2));
    });
  }
}
