package org.hotbeat.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.Response;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.Statement;
import org.hotbeat.access.Role;
import org.hotbeat.config.HotbeatConfig;
import org.hotbeat.testing.Api;
import org.hotbeat.testing.Http;
import org.hotbeat.testing.PostgisExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The problem log on one agency with beats R and N. */
class CommunityApiTest {
  @RegisterExtension static final PostgisExtension db = new PostgisExtension();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static WebApp.Services services;
  private static String patrol;
  private static String admin;

  @BeforeAll
  static void setUp() throws Exception {
    services = Api.services(db);
    patrol = services.tokens().create("sgt-lee", Role.PATROL).secret();
    admin = services.tokens().create("chief", Role.ADMIN).secret();
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("""
          INSERT INTO beat (agency, code, name, geom) VALUES
            ('r', 'R', 'R', ST_Multi(ST_MakeEnvelope(0, 0, 0.01, 0.01, 4326))),
            ('r', 'N', 'N', ST_Multi(ST_MakeEnvelope(0.01, 0, 0.02, 0.01, 4326)))""");
    }
  }

  private static Response send(HttpClient client, String method, String path, String body,
      String token) {
    return client.request(path, r -> {
      HttpRequest.BodyPublisher p = HttpRequest.BodyPublishers.ofString(body == null ? "" : body);
      switch (method) {
        case "GET" -> r.get();
        case "POST" -> r.post(p);
        case "PATCH" -> r.patch(p);
        default -> r.delete(p);
      }
      r.header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
    });
  }

  private static JsonNode json(Response r, int status) throws Exception {
    String body = r.body().string();
    assertEquals(status, r.code(), body);
    return body.isEmpty() ? null : JSON.readTree(body);
  }

  private static final String PROBLEM = """
      {"title": "Car break-ins by the station", "area": {"beat": "R"},
       "categories": ["theft"], "raisedOn": "2017-03-02", "raisedBeat": "R",
       "raisedBy": "community"}""";

  @Test
  void meetingsProblemsNotesAndResponsesAreCreatedChangedDeletedAndAudited() throws Exception {
    Http.test(WebApp.create(HotbeatConfig.defaults(), services), (server, client) -> {
      JsonNode m = json(send(client, "POST", "/api/community/meetings", """
          {"beat": "R", "heldOn": "2017-03-02", "attendance": 23,
           "concerns": ["car break-ins", "speeding"], "satisfaction": 61.5}""", patrol), 201);
      long meeting = m.get("id").asLong();
      assertEquals("sgt-lee", m.get("createdBy").asText());
      JsonNode p = json(send(client, "POST", "/api/community/problems",
          PROBLEM.replace("\"raisedBy\"", "\"meetingId\": " + meeting + ", \"raisedBy\""),
          patrol), 201);
      long problem = p.get("id").asLong();
      assertEquals("scanning", p.get("status").asText());
      assertEquals("MultiPolygon", p.at("/area/type").asText());
      json(send(client, "PATCH", "/api/community/problems/" + problem,
          "{\"status\": \"response\"}", patrol), 200);
      json(send(client, "POST", "/api/community/problems/" + problem + "/notes",
          "{\"date\": \"2017-03-10\", \"text\": \"Lighting out on two blocks\"}", patrol), 201);
      JsonNode r = json(send(client, "POST", "/api/community/problems/" + problem + "/responses",
          """
          {"kind": "hotspot patrol", "description": "12-minute stops, evenings",
           "startedOn": "2017-04-01", "endedOn": "2017-06-30", "planId": "plan-7"}""", patrol),
          201);
      JsonNode full = json(send(client, "GET", "/api/community/problems/" + problem, null,
          patrol), 200);
      assertEquals("response", full.get("status").asText());
      assertEquals(1, full.get("notes").size());
      assertEquals("plan-7", full.at("/responses/0/planId").asText());
      JsonNode map = json(send(client, "GET", "/api/community/problems?beat=R", null, patrol),
          200);
      assertEquals("FeatureCollection", map.get("type").asText());
      assertEquals("Car break-ins by the station", map.at("/features/0/properties/title")
          .asText());
      // Months and dates are read as every route reads them; to is exclusive.
      assertEquals(1, json(send(client, "GET", "/api/community/meetings?from=2017-03&to=2017-04",
          null, patrol), 200).size());
      assertEquals(0, json(send(client, "GET", "/api/community/meetings?from=2017-03-03",
          null, patrol), 200).size());
      // deletions are for admins only
      json(send(client, "DELETE", "/api/community/responses/" + r.get("id").asLong(), null,
          patrol), 403);
      json(send(client, "DELETE", "/api/community/responses/" + r.get("id").asLong(), null,
          admin), 204);
      json(send(client, "DELETE", "/api/community/problems/" + problem, null, admin), 204);
      json(send(client, "GET", "/api/community/problems/" + problem, null, patrol), 404);
      JsonNode audit = json(send(client, "GET", "/api/community/audit?entity=problem&id="
          + problem, null, admin), 200);
      assertEquals(3, audit.size(), audit.toString());
      assertEquals("create", audit.at("/0/action").asText());
      assertEquals("update", audit.at("/1/action").asText());
      assertEquals("scanning", audit.at("/1/before/status").asText());
      assertEquals("response", audit.at("/1/after/status").asText());
      assertEquals("delete", audit.at("/2/action").asText());
      assertEquals("chief", audit.at("/2/madeBy").asText());
      assertTrue(audit.at("/2/after").isNull() || audit.at("/2/after").isMissingNode());
      JsonNode responseAudit = json(send(client, "GET", "/api/community/audit?entity=response",
          null, admin), 200);
      assertEquals(2, responseAudit.size());
      json(send(client, "GET", "/api/community/audit", null, patrol), 403);
    });
  }

  @Test
  void badFieldsAreNamedAndUnknownBeatsProblemsAndMeetingsAre404() throws Exception {
    Http.test(WebApp.create(HotbeatConfig.defaults(), services), (server, client) -> {
      JsonNode e = json(send(client, "POST", "/api/community/problems",
          PROBLEM.replace("community", "the press"), patrol), 400);
      assertEquals("raisedBy", e.at("/errors/0/field").asText());
      e = json(send(client, "POST", "/api/community/problems",
          PROBLEM.replace("\"raisedOn\": \"2017-03-02\",", ""), patrol), 400);
      assertEquals("raisedOn", e.at("/errors/0/field").asText());
      json(send(client, "POST", "/api/community/problems",
          PROBLEM.replace("2017-03-02", "2017-02-30"), patrol), 400);
      e = json(send(client, "POST", "/api/community/problems",
          PROBLEM.replace("{\"beat\": \"R\"}", "{\"polygon\": {\"type\": \"Point\", "
              + "\"coordinates\": [0, 0]}}"), patrol), 400);
      assertTrue(e.get("detail").asText().contains("area.polygon"), e.toString());
      json(send(client, "POST", "/api/community/problems",
          PROBLEM.replace("\"raisedBeat\": \"R\"", "\"raisedBeat\": \"Q\""), patrol), 404);
      json(send(client, "POST", "/api/community/problems",
          PROBLEM.replace("\"raisedBy\"", "\"meetingId\": 999, \"raisedBy\""), patrol), 404);
      json(send(client, "PATCH", "/api/community/problems/999", "{\"status\": \"analysis\"}",
          patrol), 404);
      json(send(client, "PATCH", "/api/community/problems/abc", "{}", patrol), 400);
      json(send(client, "POST", "/api/community/problems/999/notes",
          "{\"date\": \"2017-03-10\", \"text\": \"x\"}", patrol), 404);
      JsonNode p = json(send(client, "POST", "/api/community/problems",
          PROBLEM.replace("{\"beat\": \"R\"}", "{\"hotspot\": {\"type\": \"Polygon\", "
              + "\"coordinates\": [[[0,0],[0.002,0],[0.002,0.002],[0,0.002],[0,0]]]}}"), patrol),
          201);
      assertEquals("hotspot", p.get("areaKind").asText());
      long id = p.get("id").asLong();
      e = json(send(client, "PATCH", "/api/community/problems/" + id, "{\"status\": \"done\"}",
          patrol), 400);
      assertEquals("status", e.at("/errors/0/field").asText());
      e = json(send(client, "POST", "/api/community/problems/" + id + "/responses",
          "{\"kind\": \"lighting\", \"description\": \"new lamps\", \"startedOn\": \"2017-05-01\","
              + " \"endedOn\": \"2017-04-01\"}", patrol), 400);
      assertEquals("endedOn", e.at("/errors/0/field").asText());
      json(send(client, "POST", "/api/community/meetings", "{\"beat\": \"R\", \"heldOn\": "
          + "\"2017-03-02\", \"satisfaction\": 140}", patrol), 400);
      json(send(client, "POST", "/api/community/meetings", "{\"beat\": \"Q\", \"heldOn\": "
          + "\"2017-03-02\"}", patrol), 404);
      json(send(client, "POST", "/api/community/meetings", "{\"beat\": \"R\", \"when\": 1}",
          patrol), 400);
      json(send(client, "GET", "/api/community/problems?status=finished", null, patrol), 400);
      json(send(client, "GET", "/api/community/meetings?from=March", null, patrol), 400);
    });
  }
}
