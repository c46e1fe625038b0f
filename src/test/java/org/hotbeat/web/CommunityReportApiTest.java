package org.hotbeat.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotbeat.config.HotbeatConfig;
import org.hotbeat.testing.Api;
import org.hotbeat.testing.Http;
import org.hotbeat.testing.PostgisExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Beat R in 2017, Chicago time. ProblemDetail 1, "Thefts outside 1234 N State St" (a square around
 * the beat's centre): 12 thefts January–March, 7 April–June, after hotspot patrols from April.
 * ProblemDetail 2, robberies at a spot given by coordinates: 3 before, 2 after lighting from April.
 * One meeting of 4 people; 400 patrol minutes over 3 visits. The beat: 30 thefts in early 2016.
 */
class CommunityReportApiTest {
  /** The suppression's fixture was drawn for k = 5, the default before issue 22 raised it. */
  private static final HotbeatConfig K5 = HotbeatConfig.defaults().withLimits(
      org.hotbeat.config.Limits.defaults().withPublicMinCount(5));
  @RegisterExtension static final PostgisExtension db = new PostgisExtension();
  private static WebApp.Services services;

  @BeforeAll
  static void setUp() throws Exception {
    services = Api.services(db);
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO agency (code, time_zone) VALUES ('r', 'America/Chicago')");
      s.execute("INSERT INTO beat (agency, code, name, geom) VALUES ('r', 'R', 'R', "
          + "ST_Multi(ST_MakeEnvelope(0, 0, 0.01, 0.01, 4326)))");
      s.execute("INSERT INTO community_meeting (agency, beat, held_on, attendance, satisfaction, "
          + "created_by) VALUES ('r', 'R', '2017-03-02', 4, 61.5, 't')");
      s.execute("""
          INSERT INTO community_problem (agency, title, area_kind, geom, categories, raised_on,
            raised_beat, raised_by, status, created_by) VALUES
          ('r', 'Thefts outside 1234 N State St', 'polygon',
           ST_Multi(ST_MakeEnvelope(0.003, 0.003, 0.007, 0.007, 4326)), '{theft}', '2017-03-02',
           'R', 'community', 'response', 't'),
          ('r', 'Robberies at 0.0091, 0.0012', 'hotspot',
           ST_Multi(ST_MakeEnvelope(0.008, 0.0005, 0.0095, 0.002, 4326)), '{robbery}',
           '2017-03-20', 'R', 'police', 'assessment', 't'),
          ('r', 'Graffiti on the underpass', 'hotspot',
           ST_Multi(ST_MakeEnvelope(0.0001, 0.009, 0.0002, 0.0091, 4326)), '{}', '2016-10-05',
           'R', 'community', 'response', 't'),
          ('r', 'Old and done', 'beat', (SELECT geom FROM beat WHERE code = 'R'), '{}',
           '2016-01-05', 'R', 'community', 'closed', 't')""");
      s.execute("""
          INSERT INTO community_response (problem_id, kind, description, started_on, ended_on,
            created_by) VALUES
          (1, 'hotspot patrol', 'Stops at the 012XX S STATE ST corner', '2017-04-01',
           '2017-06-30', 't'),
          (2, 'lighting', 'Two new street lamps', '2017-04-15', NULL, 't'),
          (3, 'environmental', 'Cleaning with the city', '2016-11-01', NULL, 't'),
          (4, 'partner', 'Finished long ago', '2016-02-01', '2016-03-01', 't')""");
      // Issue 22: only public summaries reach the report; here they repeat the internal text,
      // places included, so the scrubber is still tested.
      s.execute("UPDATE community_problem SET public_summary = title");
      s.execute("UPDATE community_response SET public_summary = description");
      s.execute("""
          INSERT INTO patrol_track (agency, time_zone, points, started_at, ended_at, uploaded_by)
          VALUES ('r', 'America/Chicago', 2, '2017-04-10T20:00:00Z', '2017-04-11T04:00:00Z', 't');
          INSERT INTO patrol_dosage VALUES (1, 1, '2017-04-10', 400, 3)""");
      incidents(s, "tb", 12, "theft", 0.005, "2017-02-10");
      incidents(s, "ta", 7, "theft", 0.005, "2017-05-10");
      incidents(s, "rb", 3, "robbery", 0.001, "2017-02-10");
      incidents(s, "ra", 2, "robbery", 0.001, "2017-05-10");
      incidents(s, "old", 30, "theft", 0.002, "2016-02-10");
    }
  }

  private static void incidents(Statement s, String prefix, int n, String category, double y,
      String day) throws Exception {
    double x = category.equals("robbery") ? 0.009 : y;
    s.execute("INSERT INTO incident (agency, source_id, occurred_at, category, geom) "
        + "SELECT 'r', '" + prefix + "' || g, '" + day + "T18:00:00Z', '" + category
        + "', ST_SetSRID(ST_MakePoint(" + x + ", " + y + "), 4326) FROM generate_series(1, " + n
        + ") g");
  }

  private static final String PATH = "/api/community/report/R?from=2017-01&to=2017-06";

  @Test
  void thePublicReportSaysWhatWasRaisedDoneAndChangedInPlainWords() {
    Http.test(WebApp.create(K5, services), (server, client) -> {
      var r = client.get(PATH);
      String html = r.body().string();
      assertEquals(200, r.code(), html);
      assertTrue(r.headers().get("Content-Type").get(0).startsWith("text/html"));
      String text = text(html);
      assertTrue(text.contains("Thefts outside [place removed]"), text);
      assertTrue(text.contains("Patrols spent about 7 hours"), text);
      // 12 → 7: −42 %, rounded to 40; exact test p ≈ 0.36
      assertTrue(text.contains("About 40 % fewer incidents of theft; a change this size could "
          + "be chance"), text);
      assertTrue(text.contains("Too few incidents of robbery to say whether anything changed"),
          text);
      // the beat: 30 in January–June 2016, 24 in 2017
      assertTrue(text.contains("About 20 % fewer incidents of all kinds"), text);
      assertTrue(text.contains("62 % of those surveyed said they were satisfied"), text);
      // raised before the period but still worked on: under "we did", not "you told us"
      String told = text.substring(text.indexOf("You told us"), text.indexOf("We did"));
      assertFalse(told.contains("Graffiti"), told);
      assertTrue(text.contains("Graffiti on the underpass environmental"), text);
      assertFalse(text.contains("Old and done") || text.contains("Finished long ago"), text);
    });
  }

  @Test
  void noCountBelowFiveNoPlaceAndNoDateFinerThanTheMonthAppears() {
    Http.test(WebApp.create(K5, services), (server, client) -> {
      String html = client.get(PATH).body().string();
      String json = client.get(PATH + "&format=json").body().string();
      for (String out : new String[] {text(html), json}) {
        Matcher small = Pattern.compile("(?<![\\w.,-])[0-4](?![\\w.,])").matcher(
            out.replace("\"held\":1", ""));
        assertFalse(small.find(), () -> "a count below 5: '" + around(out, small) + "'");
        assertTrue(out.contains("fewer than 5"));
        for (String place : new String[] {"1234", "State St", "STATE ST", "0.0091", "0.0012",
            "012XX"}) {
          assertFalse(out.contains(place), place + " in " + out);
        }
        assertFalse(Pattern.compile("-?\\d+\\.\\d{3,}").matcher(out).find(), "coordinates");
        assertFalse(Pattern.compile("\\d{4}-\\d{2}-\\d{2}|\\d{1,2}:\\d{2}").matcher(out).find(),
            "a day or a time of day");
        assertFalse(out.contains("coordinates") || out.contains("Polygon"), "geometry");
      }
    });
  }

  @Test
  void unknownBeatsAndBadMonthsAreClearErrors() {
    Http.test(WebApp.create(K5, services), (server, client) -> {
      assertEquals(404, client.get("/api/community/report/Q?from=2017-01&to=2017-06").code());
      assertEquals(400, client.get("/api/community/report/R?from=2017-01-05&to=2017-06").code());
      assertEquals(400, client.get("/api/community/report/R?from=2017-06&to=2017-01").code());
      assertEquals(400, client.get("/api/community/report/R?from=2017-06").code());
      JsonNode p = Api.getJson(client, "/api/community/report/R?from=2014-01&to=2017-06", null,
          400);
      assertTrue(p.get("detail").asText().contains("36 months"));
    });
  }

  /** The visible text: tags, styles and entities removed. */
  private static String text(String html) {
    return html.replaceAll("(?s)<style>.*?</style>", " ").replaceAll("<[^>]+>", " ")
        .replace("&quot;", "\"").replace("&amp;", "&").replaceAll("\\s+", " ");
  }

  private static String around(String s, Matcher m) {
    return s.substring(Math.max(0, m.start() - 40), Math.min(s.length(), m.end() + 40));
  }
}
