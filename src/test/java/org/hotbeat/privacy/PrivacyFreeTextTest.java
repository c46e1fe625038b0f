package org.hotbeat.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.Response;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Locale;
import org.hotbeat.testing.WebFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Free text (issue 22): each kind of personal data is written into every text field of the
 * problem log (a meeting's concerns; a problem's title and categories; a note; a response's
 * description; and the public summaries themselves), and no public route or page may return any
 * of it. Public summaries that are clean do reach the report.
 */
class PrivacyFreeTextTest {
  @RegisterExtension static final WebFixture web = new WebFixture();
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Every kind of personal data the issue found in the public report, in parts short enough for
   * every field (a title holds 200 characters, a category 100).
   */
  private static final List<String> PARTS = List.of(
      "Phone thefts reported by Jane Smith (jane.smith@example.com)",
      "Sgt. Kowalski badge 4471 leads; Officer Dana Reyes, Star #12345",
      "call 312-555-0147 or (312) 555 0199 or +1 312.555.0123",
      "Mrs O'Brien saw it at the 1200 block of S Wabash and at 100 W Randolph",
      "also 1234 N State St, 41.8781, -87.6298; car plate ABC-1234, van ZK19 PQR");
  private static final String PERSONAL = String.join("; ", PARTS);

  /** What must not appear in any public answer (case-insensitive). */
  private static final List<String> NEEDLES = List.of("Jane", "Smith", "example.com",
      "Kowalski", "4471", "Reyes", "12345", "555-0147", "555 0199", "555.0123", "O'Brien", "Wabash", "Randolph",
      "State St", "41.8781", "87.6298", "ABC-1234", "ZK19");

  private static final String CLEAN = "Residents asked for more evening patrols near the station";

  private static HttpClient client;

  @BeforeAll
  static void load() throws Exception {
    web.loadChicagoLoop();
  }

  private static Response send(String method, String path, String body) {
    return client.request(path, r -> {
      HttpRequest.BodyPublisher p = HttpRequest.BodyPublishers.ofString(body);
      switch (method) {
        case "POST" -> r.post(p);
        default -> r.put(p);
      }
      r.header("Authorization", "Bearer " + web.patrol()).header("Content-Type",
          "application/json");
    });
  }

  private static long created(String path, String body) throws Exception {
    Response r = send("POST", path, body);
    String text = r.body().string();
    assertEquals(201, r.code(), text);
    return JSON.readTree(text).get("id").asLong();
  }

  private static void summary(String kind, long id, String text) throws Exception {
    Response r = send("PUT", "/api/community/" + kind + "/" + id + "/public-summary",
        JSON.writeValueAsString(java.util.Map.of("publicSummary", text)));
    assertEquals(204, r.code(), r.body().string());
  }

  @Test
  void noSeededPersonalDataReachesAnyPublicRouteOrPage() throws Exception {
    web.test((server, c) -> {
      client = c;
      StringBuilder concerns = new StringBuilder();
      for (String part : PARTS) {
        concerns.append(concerns.length() == 0 ? "" : ", ").append(JSON.writeValueAsString(part));
      }
      long meeting = created("/api/community/meetings", "{\"beat\": \"0111\", \"heldOn\": "
          + "\"2017-03-02\", \"attendance\": 23, \"concerns\": [" + concerns + "]}");
      long withSummary = 0;
      long note = 0;
      long response = 0;
      for (String part : PARTS) {
        String q = JSON.writeValueAsString(part);
        long problem = created("/api/community/problems", "{\"title\": " + q + ", \"area\": "
            + "{\"beat\": \"0111\"}, \"categories\": [\"theft\", " + q + "], \"raisedOn\": "
            + "\"2017-03-02\", \"raisedBeat\": \"0111\", \"raisedBy\": \"community\", "
            + "\"meetingId\": " + meeting + ", \"status\": \"response\"}");
        note = created("/api/community/problems/" + problem + "/notes",
            "{\"date\": \"2017-03-10\", \"text\": " + q + "}");
        response = created("/api/community/problems/" + problem + "/responses",
            "{\"kind\": \"hotspot patrol\", \"description\": " + q
                + ", \"startedOn\": \"2017-04-01\"}");
        withSummary = withSummary == 0 ? problem : withSummary;
      }
      // The officer's summaries: one clean, the others carrying everything (the safety net).
      summary("problems", withSummary, CLEAN);
      summary("notes", note, PERSONAL);
      summary("responses", response, PERSONAL);

      String report = "/api/community/report/0111?from=2017-01&to=2017-06";
      List<String> routes = List.of(report, report + "&format=json", "/community", "/",
          "/api/sources", "/api/heat/legend?from=2017-03&to=2017-04", "/tiles/heat.json",
          "/api/public/hexagons?from=2017-03&to=2017-04",
          "/api/beats/0111/report?from=2017-03&to=2017-04",
          "/api/beats/0111/report.html?from=2017-03&to=2017-04",
          "/api/hotspots/gistar?from=2017-01&to=2017-07");
      for (String route : routes) {
        Response r = c.get(route);
        String body = r.body().string();
        assertEquals(200, r.code(), route + ": " + body);
        // Geometry's long decimals may hold any digits; the seeded 41.8781 has four.
        String lower = body.replaceAll("-?\\d+\\.\\d{7,}", "#").toLowerCase(Locale.ROOT);
        for (String needle : NEEDLES) {
          assertFalse(lower.contains(needle.toLowerCase(Locale.ROOT)),
              () -> "'" + needle + "' in " + route + ": " + around(body, needle));
        }
      }
      String text = c.get(report).body().string();
      assertTrue(text.contains(CLEAN), "the officer's clean summary is shown: " + text);
      assertTrue(text.contains("details not yet published"), text);
      JsonNode full = JSON.readTree(c.get("/api/community/problems/" + withSummary,
          r -> r.header("Authorization", "Bearer " + web.patrol())).body().string());
      assertEquals(CLEAN, full.get("publicSummary").asText(), "patrol reads the summary back");
      assertEquals(PARTS.get(0), full.get("title").asText(), "the internal text is kept as is");
    });
  }

  @Test
  void onlyPatrolAndAboveSetPublicSummariesAndUnknownRecordsAre404() throws Exception {
    web.test((server, c) -> {
      Response anon = c.request("/api/community/problems/1/public-summary", r -> r.put(
          HttpRequest.BodyPublishers.ofString("{\"publicSummary\": \"x\"}")).header(
              "Content-Type", "application/json"));
      assertEquals(401, anon.code());
      client = c;
      Response missing = send("PUT", "/api/community/notes/999999/public-summary",
          "{\"publicSummary\": \"x\"}");
      assertEquals(404, missing.code(), missing.body().string());
      Response tooLong = send("PUT", "/api/community/notes/1/public-summary",
          "{\"publicSummary\": \"" + "x".repeat(1001) + "\"}");
      assertEquals(400, tooLong.code(), tooLong.body().string());
    });
  }

  private static String around(String body, String needle) {
    int i = body.toLowerCase(Locale.ROOT).indexOf(needle.toLowerCase(Locale.ROOT));
    return body.substring(Math.max(0, i - 80), Math.min(body.length(), i + 80));
  }
}
