package org.hotbeat.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.Response;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import org.hotbeat.access.Accounts;
import org.hotbeat.access.Role;
import org.hotbeat.testing.SessionClient;
import org.hotbeat.testing.MovableClock;
import org.hotbeat.testing.WebFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** People signing in: passwords, the session cookie, timeouts, CSRF, lock-out, one-time links. */
class SessionApiTest {
  private static final MovableClock clock = new MovableClock();
  @RegisterExtension static final WebFixture web = new WebFixture(clock);
  private static final String PASSWORD = "correct horse battery";

  @BeforeAll
  static void users() throws Exception {
    for (String name : new String[] {"ana", "idle", "busy", "bye", "locked", "gone", "linked"}) {
      accounts().users().create(name, Role.ANALYST, PASSWORD);
    }
    accounts().users().create("boss", Role.ADMIN, PASSWORD);
  }

  private static Accounts accounts() {
    return web.services().accounts();
  }

  @Test
  void signingInSetsAStrictHttpOnlyCookieAndTheSessionSaysWhoTheCallerIs() {
    web.test((server, client) -> {
      Response r = SessionClient.signIn(client, "Ana", PASSWORD);   // names are not case-sensitive
      assertEquals(200, r.code());
      String set = SessionClient.setCookie(r);
      assertTrue(set.contains("HttpOnly") && set.contains("SameSite=Strict")
          && set.contains("Path=/"), set);
      assertFalse(set.contains("Secure"), "plain HTTP without --secure-cookies: " + set);
      SessionClient.Signed s = new SessionClient.Signed(SessionClient.cookie(r), null);
      JsonNode who = SessionClient.getJson(client, "/api/session", s, 200);
      assertEquals("ana", who.get("name").asText());
      assertEquals("analyst", who.get("role").asText());
      assertEquals("session", who.get("via").asText());
      assertFalse(who.get("csrfToken").asText().isEmpty());
      SessionClient.getJson(client, "/api/incidents", s, 200);
    });
  }

  @Test
  void theCookieIsSecureWhenTheOptionSaysSo() {
    var config = org.hotbeat.config.HotbeatConfig.defaults().withAccess(
        new org.hotbeat.config.AccessSettings(Duration.ofMinutes(30), Duration.ofHours(12), 5,
            Duration.ofMinutes(15), Duration.ofDays(90), Duration.ofMinutes(5), true));
    web.test(config, (server, client) ->
        assertTrue(SessionClient.setCookie(SessionClient.signIn(client, "ana", PASSWORD)).contains("Secure")));
  }

  @Test
  void aWrongPasswordAndAnUnknownNameGetTheSameAnswer() {
    web.test((server, client) -> {
      Response wrong = SessionClient.signIn(client, "ana", "not the password");
      Response unknown = SessionClient.signIn(client, "nobody-here", "not the password");
      assertEquals(401, wrong.code());
      assertEquals(401, unknown.code());
      assertNull(SessionClient.cookie(wrong));
      assertEquals(detail(wrong), detail(unknown));
    });
  }

  @Test
  void fiveFailuresLockANameForFifteenMinutesWhetherOrNotItExists() {
    web.test((server, client) -> {
      for (String name : new String[] {"locked", "no-such-user"}) {
        for (int i = 0; i < 5; i++) {
          assertEquals(401, SessionClient.signIn(client, name, "guess " + i).code());
        }
        Response r = SessionClient.signIn(client, name, name.equals("locked") ? PASSWORD : "x");
        assertEquals(429, r.code(), "locked even with the right password");
        assertTrue(detail(r).contains("try again in 15 minutes"), detail(r));
      }
      clock.advance(Duration.ofMinutes(14));
      assertEquals(429, SessionClient.signIn(client, "locked", PASSWORD).code());
      clock.advance(Duration.ofMinutes(2));
      assertEquals(200, SessionClient.signIn(client, "locked", PASSWORD).code());
      JsonNode audit = web.getJson(client, "/api/admin/sign-ins?name=locked", web.admin(), 200);
      String outcomes = audit.get("items").toString();
      for (String o : new String[] {"failure", "lockout", "locked", "success"}) {
        assertTrue(outcomes.contains("\"" + o + "\""), o + " in " + outcomes);
      }
    });
  }

  @Test
  void aSessionUnusedForThirtyMinutesEnds() {
    web.test((server, client) -> {
      SessionClient.Signed s = SessionClient.signedIn(client, "idle", PASSWORD);
      clock.advance(Duration.ofMinutes(29));
      SessionClient.getJson(client, "/api/incidents", s, 200);
      clock.advance(Duration.ofMinutes(29));
      SessionClient.getJson(client, "/api/incidents", s, 200);   // 58 minutes in, used 29 ago
      clock.advance(Duration.ofMinutes(31));
      JsonNode p = SessionClient.getJson(client, "/api/incidents", s, 401);
      assertTrue(p.get("detail").asText().contains("session has ended"), p.toString());
      assertFalse(SessionClient.getJson(client, "/api/session", s, 200).get("authenticated")
          .asBoolean());
    });
  }

  @Test
  void aSessionEndsTwelveHoursAfterSignInHoweverBusy() {
    web.test((server, client) -> {
      SessionClient.Signed s = SessionClient.signedIn(client, "busy", PASSWORD);
      for (int i = 0; i < 35; i++) {   // 11 h 40 min of requests every 20 minutes
        clock.advance(Duration.ofMinutes(20));
        SessionClient.getJson(client, "/api/incidents", s, 200);
      }
      clock.advance(Duration.ofMinutes(20));
      SessionClient.getJson(client, "/api/incidents", s, 401);
    });
  }

  @Test
  void aCookieRequestThatChangesDataNeedsTheCsrfToken() {
    web.test((server, client) -> {
      SessionClient.Signed s = SessionClient.signedIn(client, "boss", PASSWORD);
      String body = "{\"name\":\"csrf-made\",\"role\":\"patrol\"}";
      Response without = SessionClient.send(client, "POST", "/api/admin/users", body, s.cookie(), null);
      assertEquals(403, without.code());
      assertTrue(detail(without).contains("X-CSRF-Token"), detail(without));
      assertEquals(403, SessionClient.send(client, "POST", "/api/admin/users", body, s.cookie(),
          "forged").code());
      assertEquals(201, SessionClient.send(client, "POST", "/api/admin/users", body, s.cookie(),
          s.csrf()).code());
      // A bearer token needs none: browsers never attach one by themselves.
      assertEquals(201, client.post("/api/admin/users", "{\"name\":\"bearer-made\","
          + "\"role\":\"patrol\"}", r -> r.header("Authorization", "Bearer " + web.admin()))
          .code());
    });
  }

  @Test
  void signingOutEndsTheSessionOnTheServer() {
    web.test((server, client) -> {
      SessionClient.Signed s = SessionClient.signedIn(client, "bye", PASSWORD);
      assertEquals(403, SessionClient.send(client, "DELETE", "/api/session", "", s.cookie(), null)
          .code());
      Response out = SessionClient.send(client, "DELETE", "/api/session", "", s.cookie(), s.csrf());
      assertEquals(204, out.code());
      assertTrue(SessionClient.setCookie(out).contains("Max-Age=0"));
      // The old cookie, replayed, no longer works.
      SessionClient.getJson(client, "/api/incidents", s, 401);
    });
  }

  @Test
  void signingInAgainReplacesTheBrowsersSession() {
    web.test((server, client) -> {
      SessionClient.Signed first = SessionClient.signedIn(client, "bye", PASSWORD);
      Response again = client.post("/api/session", "{\"name\":\"bye\",\"password\":\""
          + PASSWORD + "\"}", r -> r.header("Cookie", first.cookie()));
      assertEquals(200, again.code());
      assertEquals(1, again.headers().get("Set-Cookie").size(), "one cookie, the new one");
      SessionClient.getJson(client, "/api/incidents", first, 401);
      SessionClient.getJson(client, "/api/incidents",
          new SessionClient.Signed(SessionClient.cookie(again), null), 200);
    });
  }

  @Test
  void disablingAnAccountEndsItsSessionsAndItsSignIns() throws Exception {
    web.test((server, client) -> {
      SessionClient.Signed s = SessionClient.signedIn(client, "gone", PASSWORD);
      assertTrue(accounts().users().disable("gone"));
      SessionClient.getJson(client, "/api/incidents", s, 401);
      assertEquals(401, SessionClient.signIn(client, "gone", PASSWORD).code());
    });
  }

  @Test
  void aOneTimeLinkSignsInOnceAndExpiresInMinutes() throws Exception {
    String code = accounts().signIn().oneTimeCode("linked").orElseThrow();
    String late = accounts().signIn().oneTimeCode("linked").orElseThrow();
    web.test((server, client) -> {
      Response r = client.get("/signin?once=" + code + "&next=/patrol");
      assertEquals(303, r.code());
      assertEquals("/patrol", r.headers().get("Location").get(0), "the code is not in the URL");
      SessionClient.Signed s = new SessionClient.Signed(SessionClient.cookie(r), null);
      assertEquals("linked", SessionClient.getJson(client, "/api/session", s, 200).get("name")
          .asText());
      Response again = client.get("/signin?once=" + code);
      assertEquals("/signin?expired=1", again.headers().get("Location").get(0));
      assertNull(SessionClient.cookie(again));
      clock.advance(Duration.ofMinutes(6));
      assertNull(SessionClient.cookie(client.get("/signin?once=" + late)), "expired after 5 minutes");
      // Only hotbeat's own views as the next page.
      String other = accounts().signIn().oneTimeCode("linked").orElseThrow();
      assertEquals("/", client.get("/signin?once=" + other + "&next=https://evil.example/")
          .headers().get("Location").get(0));
    });
  }

  @Test
  void noPasswordOrSessionIdReachesTheLogsTheDatabaseOrAResponseBody() throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    root.addAppender(logs);
    String[] secret = new String[1];
    try {
      web.test((server, client) -> {
        Response r = SessionClient.signIn(client, "ana", PASSWORD);
        String body = r.body().string();
        secret[0] = SessionClient.cookie(r).substring("hotbeat_session=".length());
        assertFalse(body.contains(PASSWORD) || body.contains(secret[0]), body);
        SessionClient.signIn(client, "ana", PASSWORD + "x");
        SessionClient.getJson(client, "/api/incidents", new SessionClient.Signed(SessionClient.cookie(r), null),
            200);
      });
    } finally {
      root.detachAppender(logs);
    }
    for (ILoggingEvent e : logs.list) {
      String line = e.getFormattedMessage();
      assertFalse(line.contains(PASSWORD) || line.contains(secret[0]), line);
    }
    try (Connection c = web.dataSource().getConnection(); ResultSet rs = c.createStatement()
        .executeQuery("SELECT password_hash FROM app_user WHERE name = 'ana'")) {
      rs.next();
      assertTrue(rs.getString(1).startsWith("$argon2id$v=19$m=19456,t=2,p=1$"));
    }
    try (Connection c = web.dataSource().getConnection(); ResultSet rs = c.createStatement()
        .executeQuery("SELECT count(*) FROM user_session WHERE encode(id_hash, 'escape') LIKE '%"
            + secret[0].substring(3, 20) + "%'")) {
      rs.next();
      assertEquals(0, rs.getInt(1), "only the hash of a session id is stored");
    }
  }

  private static String detail(Response r) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body().string())
          .get("detail").asText();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
