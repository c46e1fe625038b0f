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
        v1,2017-06-01T10:00:00Z,-87.63,41.88,0820,theft
        """;
    try (RecordReader r = InputFormat.CSV.open(new ByteArrayInputStream(
        csv.getBytes(StandardCharsets.UTF_8)))) {
      services.ingest().ingest(r, Mappings.load("generic"), "adm", null,
          new IngestService.Source("test", "test"), new IngestService.Listener() { });
    }
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO beat (agency, code, geom) VALUES ('adm', '0111', "
          + "ST_Multi(ST_MakeEnvelope(-87.64, 41.87, -87.62, 41.89, 4326)))");
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

  @Test
  void aCorrectionIsHeldToTheImportRulesAndTheFieldIsNamed() throws Exception {
    String[][] cases = {
        {"{\"lon\": 0, \"lat\": 0}", "lon", "placeholder point (0, 0)"},
        {"{\"lon\": -87.63, \"lat\": 95}", "lon", "out of range"},
        {"{\"lon\": 41.88, \"lat\": -87.63}", "lon", "outside the agency's beats"},
        {"{\"lon\": 2.35, \"lat\": 48.86}", "lon", "km outside the agency's beats"},
        {"{\"offense\": \"08\\u000020\"}", "offense", "NUL byte"},
        {"{\"offense\": \"" + "X".repeat(9000) + "\"}", "offense", "longer than 200"},
        {"{\"occurred_at\": \"+294277-01-01T00:00:00Z\"}", "occurred_at", "between the years"},
        {"{\"occurred_at\": \"-99999-01-01T00:00:00Z\"}", "occurred_at", "between the years"},
        {"{\"occurred_at\": \"2150-01-01T00:00:00Z\"}", "occurred_at", "in the future"},
        {"{\"occurred_at\": \"1850-01-01T00:00:00Z\"}", "occurred_at", "before 1900"},
        {"{\"lon\": \"west\", \"lat\": 41.88}", "lon", "must be a number"},
    };
    Http.test(WebApp.create(HotbeatConfig.defaults(), services), (server, client) -> {
      for (String[] c : cases) {
        JsonNode error = IncidentIngestApiTest.problemBody(
            send(client, "PATCH", "/api/incidents/adm/v1", admin, c[0]), 400).get("errors").get(0);
        assertEquals(c[1], error.get("field").asText(), c[0]);
        assertTrue(error.get("message").asText().contains(c[2]), error.toString());
      }
      for (String body : new String[] {"null", "[1]", "\"text\"", ""}) {
        IncidentIngestApiTest.problem(send(client, "PATCH", "/api/incidents/adm/v1", admin,
            body), 400);
      }
      assertEquals(null, audit("v1"), "no refused correction reached the record");
    });
  }
}
