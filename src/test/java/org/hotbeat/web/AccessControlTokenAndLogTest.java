package org.hotbeat.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.Response;
import java.time.Duration;
import org.hotbeat.access.Role;
import org.hotbeat.access.TokenRepository;
import org.hotbeat.testing.SessionClient;
import org.hotbeat.testing.MovableClock;
import org.hotbeat.testing.WebFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * API tokens expire, can be revoked and scoped read-only; every read of point-level data (routes
 * of the analyst role) is in the access log, public aggregates are not.
 */
class AccessControlTokenAndLogTest {
  private static final MovableClock clock = new MovableClock();
  @RegisterExtension static final WebFixture web = new WebFixture(clock);

  @BeforeAll
  static void data() throws Exception {
    web.loadChicagoLoop();
    web.services().accounts().users().create("reader", Role.ANALYST, "a long enough password");
  }

  private static TokenRepository tokens() {
    return web.services().tokens();
  }

  @Test
  void aTokenExpiresAfterItsLifetime() throws Exception {
    String t = tokens().create("short-lived", Role.ANALYST, TokenRepository.Scope.FULL,
        Duration.ofDays(2)).secret();
    web.test((server, client) -> {
      web.getJson(client, "/api/incidents?limit=1", t, 200);
      clock.advance(Duration.ofDays(2));
      JsonNode p = web.getJson(client, "/api/incidents?limit=1", t, 401);
      assertTrue(p.get("detail").asText().contains("expired"), p.toString());
      // Refused on a public route too: a script should learn that its token is dead.
      web.getJson(client, "/api/sources", t, 401);
    });
  }

  @Test
  void newTokensExpireAfterNinetyDaysByDefault() throws Exception {
    TokenRepository.NewToken t = tokens().create("default-life", Role.PATROL);
    assertEquals(Duration.ofDays(90),
        Duration.between(t.info().createdAt(), t.info().expiresAt()));
  }

  @Test
  void aRevokedTokenIsRefusedAtOnce() throws Exception {
    String t = tokens().create("revoked-soon", Role.ANALYST).secret();
    web.test((server, client) -> {
      web.getJson(client, "/api/incidents?limit=1", t, 200);
      tokens().revoke("revoked-soon");
      web.getJson(client, "/api/incidents?limit=1", t, 401);
    });
  }

  @Test
  void aReadOnlyTokenReadsButIsRefusedEveryChangeNamingItsScope() throws Exception {
    String t = tokens().create("gis-client", Role.ADMIN, TokenRepository.Scope.READ_ONLY, null)
        .secret();
    web.test((server, client) -> {
      web.getJson(client, "/api/admin/users", t, 200);
      for (String method : new String[] {"POST", "PATCH", "DELETE"}) {
        Response r = client.request("/api/incidents/chicago/x", b -> {
          var body = java.net.http.HttpRequest.BodyPublishers.ofString("{}");
          switch (method) {
            case "POST" -> b.post(body);
            case "PATCH" -> b.patch(body);
            default -> b.delete(body);
          }
          b.header("Authorization", "Bearer " + t).header("Content-Type", "application/json");
        });
        String body = r.body().string();
        assertTrue(r.code() == 403 || r.code() == 405, method + " " + r.code());
        if (r.code() == 403) {
          assertTrue(body.contains("read-only"), body);
        }
      }
      Response create = client.post("/api/admin/users", "{\"name\":\"ro\",\"role\":\"patrol\"}",
          r -> r.header("Authorization", "Bearer " + t));
      assertEquals(403, create.code());
      assertTrue(create.body().string().contains("scope read-only"));
    });
  }

  @Test
  void readsOfSingleIncidentsAreLoggedWithTheirFilterAndPublicAggregatesAreNot()
      throws Exception {
    String t = tokens().create("logged-script", Role.ANALYST).secret();
    web.test((server, client) -> {
      web.getJson(client, "/api/incidents?category=theft&limit=5", t, 200);
      web.getJson(client, "/api/incidents/near?lon=-87.6298&lat=41.8781&radius=300", t, 200);
      assertEquals(200, client.get("/tiles/incidents/13/2101/3045.mvt",
          r -> r.header("Authorization", "Bearer " + t)).code() / 100 * 100);
      web.getJson(client, "/ogc/collections/incidents/items?limit=2", t, 200);
      // Public aggregates, with the same token: not point-level data.
      web.getJson(client, "/api/sources", t, 200);
      web.getJson(client, "/api/public/hexagons?from=2017-06&to=2017-07", t, 200);
      client.get("/tiles/heat/13/2101/3045.png", r -> r.header("Authorization", "Bearer " + t));

      SessionClient.Signed s = SessionClient.signedIn(client, "reader", "a long enough password");
      SessionClient.getJson(client, "/api/incidents?limit=1", s, 200);

      JsonNode log = web.getJson(client, "/api/admin/access-log?user=logged-script", web.admin(),
          200).get("items");
      assertEquals(4, log.size(), log.toString());
      String all = log.toString();
      assertTrue(all.contains("\"route\":\"/api/incidents\"") && all.contains("category=theft"),
          all);
      assertTrue(all.contains("/api/incidents/near") && all.contains("/tiles/incidents/")
          && all.contains("/ogc/collections/incidents/items"), all);
      assertFalse(all.contains("hexagons") || all.contains("/api/sources")
          || all.contains("/tiles/heat"), all);
      assertEquals("analyst", log.get(0).get("role").asText());
      assertEquals("token", log.get(0).get("via").asText());

      JsonNode byCookie = web.getJson(client, "/api/admin/access-log?user=reader", web.admin(),
          200).get("items");
      assertEquals(1, byCookie.size(), byCookie.toString());
      assertEquals("session", byCookie.get(0).get("via").asText());
      // Only admins read the log.
      web.getJson(client, "/api/admin/access-log", t, 403);
    });
  }

  @Test
  void theAccessLogIsReadByPeriod() throws Exception {
    String t = tokens().create("period-script", Role.ANALYST).secret();
    web.test((server, client) -> {
      web.getJson(client, "/api/incidents?limit=1", t, 200);
      String later = clock.instant().plusSeconds(60).toString();
      assertEquals(1, web.getJson(client, "/api/admin/access-log?user=period-script&to=" + later,
          web.admin(), 200).get("items").size());
      assertEquals(0, web.getJson(client, "/api/admin/access-log?user=period-script&from="
          + later, web.admin(), 200).get("items").size());
    });
  }
}
