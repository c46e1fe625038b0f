package org.hotbeat.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.Response;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.hotbeat.access.Role;
import org.hotbeat.config.HotbeatConfig;
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

class IncidentAdminApiTest {
  @RegisterExtension static final PostgisExtension db = new PostgisExtension();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static WebApp.Services services;
  private static String admin;
  private static String analyst;

  @BeforeAll
  static void setUp() throws Exception {
    services = Api.services(db);
    admin = services.tokens().create("boss", Role.ADMIN).secret();
    analyst = services.tokens().create("ana", Role.ANALYST).secret();
    String csv = """
        id,occurred_at,lon,lat,offense,category
        d1,2017-06-01T10:00:00Z,-87.63,41.88,0820,theft
        c1,2017-06-01T10:00:00Z,-87.63,41.88,0820,theft
        """;
    try (RecordReader r = InputFormat.CSV.open(new ByteArrayInputStream(
        csv.getBytes(StandardCharsets.UTF_8)))) {
      services.ingest().ingest(r, Mappings.load("generic"), "adm", null,
          new IngestService.Source("test", "test"), new IngestService.Listener() { });
    }
  }

  private static Response send(HttpClient client, String method, String path, String token,
      String body) {
    return client.request(path, b -> {
      HttpRequest.BodyPublisher p = HttpRequest.BodyPublishers.ofString(body == null ? "" : body);
      if (method.equals("DELETE")) {
        b.delete(p);
      } else {
        b.patch(p);
      }
      b.header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
    });
  }

  private static String audit(String sourceId) throws Exception {
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT action || ' by ' || made_by || ': ' || "
            + "coalesce(before->>'offense', '-') || ' -> ' || coalesce(after->>'offense', '-') "
            + "FROM incident_audit WHERE source_id = '" + sourceId + "'")) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  @Test
  void anAdminDeletesARecordAndTheAuditKeepsIt() {
    Http.test(WebApp.create(HotbeatConfig.defaults(), services), (server, client) -> {
      assertEquals(403, send(client, "DELETE", "/api/incidents/adm/d1", analyst, null).code());
      assertEquals(204, send(client, "DELETE", "/api/incidents/adm/d1", admin, null).code());
      assertEquals(404, send(client, "DELETE", "/api/incidents/adm/d1", admin, null).code());
      assertEquals("delete by boss: 0820 -> -", audit("d1"));
    });
  }

  @Test
  void anAdminCorrectsFieldsAndTheAuditHasBeforeAndAfter() {
    Http.test(WebApp.create(HotbeatConfig.defaults(), services), (server, client) -> {
      Response r = send(client, "PATCH", "/api/incidents/adm/c1", admin,
          "{\"offense\": \"0610\", \"category\": \"burglary\", \"lon\": -87.62, \"lat\": 41.87}");
      assertEquals(200, r.code());
      JsonNode after = JSON.readTree(r.body().string()).get("incident");
      assertEquals("burglary", after.get("category").asText());
      assertEquals(-87.62, after.get("lon").asDouble(), 1e-9);
      assertEquals("correct by boss: 0820 -> 0610", audit("c1"));
    });
  }

  @Test
  void badCorrectionsAreNamedAndChangeNothing() {
    Http.test(WebApp.create(HotbeatConfig.defaults(), services), (server, client) -> {
      Response r = send(client, "PATCH", "/api/incidents/adm/c1", admin,
          "{\"category\": \"naughtiness\", \"lon\": 500}");
      assertEquals(400, r.code());
      String body = r.body().string();
      assertTrue(body.contains("\"field\":\"category\""), body);
      assertTrue(body.contains("\"field\":\"lat\""), body);
      assertEquals(400, send(client, "PATCH", "/api/incidents/adm/c1", admin, "{not json").code());
      assertEquals(400, send(client, "PATCH", "/api/incidents/adm/c1", admin,
          "{\"colour\": \"red\"}").code());
      assertEquals(404, send(client, "PATCH", "/api/incidents/adm/nope", admin, "{}").code());
    });
  }
}
