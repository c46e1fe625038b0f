package org.hotbeat.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.Response;
import java.net.ServerSocket;
import org.hotbeat.HotbeatException;
import org.hotbeat.access.Role;
import org.hotbeat.access.TokenRepository;
import org.hotbeat.config.HotbeatConfig;
import org.hotbeat.demo.BuiltInSample;
import org.hotbeat.testing.Api;
import org.hotbeat.testing.Http;
import org.hotbeat.testing.PostgisExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WebAppTest {
  @RegisterExtension static final PostgisExtension db = new PostgisExtension();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static WebApp.Services services;
  private static String analyst;
  private static String patrol;
  private static String revoked;

  @BeforeAll
  static void setUp() throws Exception {
    services = Api.services(db);
    BuiltInSample.load(db.dataSource());
    TokenRepository tokens = services.tokens();
    analyst = tokens.create("ana", Role.ANALYST).secret();
    patrol = tokens.create("pat", Role.PATROL).secret();
    revoked = tokens.create("gone", Role.ANALYST).secret();
    tokens.revoke("gone");
  }

  private static Javalin app() {
    return WebApp.create(HotbeatConfig.defaults(), services);
  }

  private static Response get(HttpClient client, String path, String token) {
    return client.get(path, req -> {
      if (token != null) {
        req.header("Authorization", "Bearer " + token);
      }
    });
  }

  private static JsonNode problem(Response r, int status) throws Exception {
    assertEquals(status, r.code());
    assertTrue(r.headers().get("Content-Type").get(0).startsWith("application/problem+json"),
        r.headers().toString());
    JsonNode body = JSON.readTree(r.body().string());
    assertEquals(status, body.get("status").asInt());
    assertFalse(body.toString().contains("at org."), "no stack trace: " + body);
    return body;
  }

  @Test
  void aRequestWithoutATokenCannotReachAnAnalystRoute() {
    Http.test(app(), (server, client) -> {
      Response r = get(client, "/api/incidents", null);
      JsonNode body = problem(r, 401);
      assertTrue(body.get("detail").asText().contains("role analyst"), body.toString());
      assertEquals("Bearer", r.headers().get("WWW-Authenticate").get(0));
    });
  }

  @Test
  void aPatrolTokenIsForbiddenPointLevelIncidents() {
    Http.test(app(), (server, client) -> {
      JsonNode body = problem(get(client, "/api/incidents", patrol), 403);
      assertTrue(body.get("detail").asText().contains("has role patrol"), body.toString());
    });
  }

  @Test
  void anAnalystTokenGetsIncidentsAsGeoJson() {
    Http.test(app(), (server, client) -> {
      Response r = get(client, "/api/incidents?limit=5&category=theft,robbery", analyst);
      assertEquals(200, r.code());
      JsonNode fc = JSON.readTree(r.body().string());
      assertEquals("FeatureCollection", fc.get("type").asText());
      assertEquals(5, fc.get("features").size());
      for (JsonNode f : fc.get("features")) {
        String category = f.get("properties").get("category").asText();
        assertTrue(category.equals("theft") || category.equals("robbery"), category);
        assertEquals(2, f.get("geometry").get("coordinates").size());
      }
    });
  }

  @Test
  void aRevokedTokenIsRefused() {
    Http.test(app(), (server, client) -> {
      JsonNode body = problem(get(client, "/api/incidents", revoked), 401);
      assertTrue(body.get("detail").asText().contains("revoked"), body.toString());
      problem(get(client, "/api/session", revoked), 401);
    });
  }

  @Test
  void theSessionSaysWhoTheCallerIs() {
    Http.test(app(), (server, client) -> {
      JsonNode anonymous = JSON.readTree(get(client, "/api/session", null).body().string());
      assertEquals("public", anonymous.get("role").asText());
      JsonNode ana = JSON.readTree(get(client, "/api/session", analyst).body().string());
      assertEquals("analyst", ana.get("role").asText());
      assertEquals("ana", ana.get("name").asText());
    });
  }

  @Test
  void badParametersGetOneProblemWithAnErrorPerField() {
    Http.test(app(), (server, client) -> {
      JsonNode body = problem(get(client, "/api/incidents?bbox=1,2,3&from=yesterday", analyst), 400);
      String errors = body.get("errors").toString();
      assertTrue(errors.contains("\"field\":\"bbox\""), errors);
      assertTrue(errors.contains("\"field\":\"from\""), errors);
      assertTrue(errors.contains("not a date"), errors);
      problem(get(client, "/api/incidents?limit=0", analyst), 400);
      problem(get(client, "/api/incidents?limit=many", analyst), 400);
      problem(get(client, "/api/incidents?from=2017-02-01&to=2017-01-01", analyst), 400);
      problem(get(client, "/api/incidents?bbox=10,10,5,20", analyst), 400);
    });
  }

  @Test
  void unknownPathsAndMethodsGetProblems() {
    Http.test(app(), (server, client) -> {
      problem(get(client, "/api/nothing-here", null), 404);
      problem(client.post("/health", "{}"), 405);
      problem(get(client, "/api/session", "not-a-bearer-token-format"), 401);
      Response basic = client.get("/api/session", req -> req.header("Authorization", "Basic eDp5"));
      problem(basic, 401);
    });
  }

  @Test
  void healthAndMetricsArePublic() {
    Http.test(app(), (server, client) -> {
      Response health = get(client, "/health", null);
      assertEquals(200, health.code());
      assertEquals("up", JSON.readTree(health.body().string()).get("database").asText());
      get(client, "/api/session", null);
      Response metrics = get(client, "/metrics", null);
      assertEquals(200, metrics.code());
      String text = metrics.body().string();
      assertTrue(text.contains("http_server_requests_seconds_count{method=\"GET\","
          + "route=\"/api/session\",status=\"200\"}"), text);
    });
  }

  @Test
  void largeResponsesAreCompressed() {
    Http.test(app(), (server, client) -> {
      Response r = client.get("/api/incidents?limit=500", req -> req
          .header("Authorization", "Bearer " + analyst).header("Accept-Encoding", "gzip"));
      assertEquals(200, r.code());
      assertEquals("gzip", r.headers().get("Content-Encoding").get(0));
    });
  }

  @Test
  void aRouteWithoutARoleFailsAtStartNotInProduction() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Javalin.create(c -> {
      new AccessControl(services.accounts(), new SessionCookie(false,
          java.time.Clock.systemUTC())).register(c);
      c.routes.get("/forgotten", ctx -> ctx.result("open to all?"));
    }));
    assertTrue(e.getMessage().contains("/forgotten"), e.getMessage());
  }

  @Test
  void aBusyPortGetsAClearMessage() throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      HotbeatConfig config = HotbeatConfig.defaults().withPort(busy.getLocalPort());
      Javalin app = app();
      HotbeatException e = assertThrows(HotbeatException.class, () -> WebApp.start(app, config));
      assertTrue(e.getMessage().contains("already in use"), e.getMessage());
      assertTrue(e.getMessage().contains("--port"), e.getMessage());
    }
  }
}
