package org.hotbeat.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hotbeat.config.Limits;
import org.hotbeat.store.PublicFilter;
import org.hotbeat.testing.WebFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The attacks of issue 22, played as a resident or an attacker would, with no token, against the
 * real server on the Chicago Loop demo (docs/privacy.md). Each test names the attack; none may
 * find anything below the public standard.
 */
class PrivacyAttacksTest {
  @RegisterExtension static final WebFixture web = new WebFixture();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int K = Limits.defaults().publicMinCount();
  /** The densest z15 tile of the Loop, the reproduction. */
  private static final String TILE = "/tiles/heat/15/8407/12178.png";

  /** A category and month whose public view matches 1 to k − 1 incidents, and one with none. */
  private static String few;
  private static String none;
  private static long fewCount;

  @BeforeAll
  static void load() throws Exception {
    web.loadChicagoLoop();
    // The public view's counts per category in each month of 2017, Chicago time.
    try (Connection c = web.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
        "SELECT i.category, to_char(i.occurred_at AT TIME ZONE 'America/Chicago', 'YYYY-MM') m, "
            + "count(*) FROM incident i WHERE i.category IS NOT NULL "
            + "AND (i.occurred_at AT TIME ZONE 'America/Chicago') >= '2017-01-01' "
            + "AND (i.occurred_at AT TIME ZONE 'America/Chicago') < '2017-12-01'"
            + PublicFilter.NOT_SENSITIVE_SQL
            + " GROUP BY 1, 2 HAVING count(*) < ? ORDER BY 3, 1, 2")) {
      PublicFilter.bindSensitive(c, ps, 1);
      ps.setInt(2, K);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next() && few == null) {
          few = query(rs.getString(1), rs.getString(2));
          fewCount = rs.getLong(3);
        }
      }
    }
    assertTrue(few != null && fewCount >= 1 && fewCount < K, "the Loop has a small category");
    // The same category in a month with no data at all.
    none = few.replaceFirst("from=\\d{4}-\\d{2}&to=\\d{4}-\\d{2}", "from=2015-03&to=2015-04");
  }

  private static String query(String category, String month) {
    java.time.YearMonth m = java.time.YearMonth.parse(month);
    return "category=" + category.replace(" ", "%20") + "&from=" + m + "&to=" + m.plusMonths(1);
  }

  @Test
  void theOneHourReproductionIsRefusedNamingTheField() throws Exception {
    web.test((server, client) -> {
      String hour = "from=2017-06-02T20:00:00-05:00&to=2017-06-02T21:00:00-05:00&bandwidth=250";
      for (String path : List.of(TILE + "?" + hour, "/api/heat/legend?" + hour,
          "/tiles/heat.json?" + hour, "/api/public/hexagons?" + hour,
          "/api/hotspots/gistar?" + hour)) {
        JsonNode e = web.getJson(client, path, null, 400);
        assertEquals("from", e.get("errors").get(0).get("field").asText(), path);
        assertTrue(e.toString().contains("public periods are whole months"), e.toString());
      }
    });
  }

  @Test
  void hoursWeekdaysOffenceCodesBboxAndDailyRatesAreForPatrolAndAnalystsOnly() throws Exception {
    web.test((server, client) -> {
      for (String p : List.of("hours=20-21", "weekdays=fri", "offense=0820",
          "bbox=-87.64,41.87,-87.62,41.89", "per=day", "per=week")) {
        String field = p.substring(0, p.indexOf('='));
        for (String route : List.of("/api/heat/legend", TILE, "/api/public/hexagons")) {
          if (route.startsWith("/api/public") && field.equals("per")) {
            continue;
          }
          JsonNode e = web.getJson(client, route + "?from=2017-06&to=2017-07&" + p, null, 400);
          assertEquals(field, e.get("errors").get(0).get("field").asText(), route + "?" + p);
        }
        if (!field.equals("per")) {
          web.getJson(client, "/api/heat/legend?from=2017-06&to=2017-07&" + p, web.analyst(), 200);
        }
      }
    });
  }

  @Test
  void oneMinuteStepsAndOverlappingWindowsAreRefused() throws Exception {
    web.test((server, client) -> {
      // The beat report went from 69 to 70 by moving `to` one minute.
      for (String period : List.of("from=2017-06-01&to=2017-07-01T00:01",
          "from=2017-06-01T00:01&to=2017-07-01", "from=2017-06-15&to=2017-07-15",
          "from=2017-06-01T00:00:00Z&to=2017-07-01T00:00:00Z")) {
        for (String route : List.of("/api/beats/0111/report", "/api/beats/0111/report.html",
            "/api/public/hexagons", "/api/heat/legend", "/api/hotspots/gistar")) {
          JsonNode e = web.getJson(client, route + "?" + period, null, 400);
          assertTrue(e.toString().contains("whole months"), route + "?" + period + ": " + e);
        }
      }
      // Whole months on the agency's clock are answered.
      web.getJson(client, "/api/beats/0111/report?from=2017-06&to=2017-07", null, 200);
      web.getJson(client, "/api/beats/0111/report?from=2017-06-01T00:00:00-05:00"
          + "&to=2017-07-01T00:00:00-05:00", null, 200);
    });
  }

  @Test
  void bisectionFindsNoDifferenceBetweenZeroAndAFewIncidents() throws Exception {
    web.test((server, client) -> {
      // Every public number a filter changes: legend, TileJSON, tiles (bytes, ETag, size),
      // hexagons, Gi*, emerging hot spots.
      for (String route : List.of("/api/heat/legend?", "/tiles/heat.json?",
          "/api/public/hexagons?", "/api/public/hexagons?size=500&",
          "/api/hotspots/gistar?")) {
        assertEquals(publicAnswer(client, route + none), publicAnswer(client, route + few),
            route + few + ": " + fewCount + " incidents against none");
      }
      JsonNode legend = web.getJson(client, "/api/heat/legend?" + few, null, 200);
      assertTrue(legend.get("tooFewToShow").asBoolean() && legend.get("peak").asDouble() == 0,
          legend.toString());
      assertTrue(legend.get("note").asText().startsWith("Too few incidents to show"));
      for (String tile : List.of(TILE, "/tiles/heat/13/2101/3044.png",
          "/tiles/heat/17/33630/48712.png")) {
        Response a = client.get(tile + "?" + few);
        Response b = client.get(tile + "?" + none);
        assertEquals(200, a.code(), tile);
        assertEquals(a.headers().get("ETag"), b.headers().get("ETag"), tile);
        assertEquals(a.body().string(), b.body().string(), tile);
      }
      // A filter with plenty to show is drawn.
      JsonNode year = web.getJson(client, "/api/heat/legend?from=2017-01&to=2018-01", null, 200);
      assertTrue(!year.get("tooFewToShow").asBoolean() && year.get("peak").asDouble() > 0);
    });
  }

  /** Status and body, with the echo of the request's own period taken out. */
  private static String publicAnswer(HttpClient client, String path) throws Exception {
    Response r = client.get(path);
    String body = r.body().string();
    if (path.contains(".json") || path.startsWith("/api/")) {
      JsonNode n = JSON.readTree(body);
      if (n instanceof ObjectNode o) {
        o.remove(List.of("from", "to", "tiles"));
      }
      body = n.toString();
    }
    return r.code() + " " + body;
  }

  @Test
  void publicHexagonsLieOnOneFixedGridWhateverTheFilter() throws Exception {
    web.test((server, client) -> {
      Set<String> year = centres(web.getJson(client, "/api/public/hexagons?from=2017-01&to=2018-01",
          null, 200));
      // Filters that moved the old grid (its size followed the data's mean latitude): another
      // month, one category, one beat, the overlapping periods of the issue.
      for (String q : List.of("from=2017-06&to=2017-07", "from=2017-01&to=2017-06",
          "from=2017-01&to=2017-07", "from=2016-12&to=2017-01&category=theft",
          "from=2017-01&to=2018-01&beat=0111")) {
        Set<String> c = centres(web.getJson(client, "/api/public/hexagons?" + q, null, 200));
        assertTrue(!c.isEmpty() && year.containsAll(c), q + ": hexagons off the year's grid");
      }
      // Sizes are a few fixed values: a grid cannot be tuned to isolate incidents.
      for (String size : List.of("251", "300", "120", "149.5")) {
        JsonNode e = web.getJson(client, "/api/public/hexagons?from=2017-06&to=2017-07&size="
            + size, null, 400);
        assertEquals("size", e.get("errors").get(0).get("field").asText());
      }
    });
  }

  @Test
  void publicGiStarCellsLieOnOneFixedGridWhateverThePeriod() throws Exception {
    web.test((server, client) -> {
      // A cell of k or more in half a year holds k or more in the whole year: with one fixed
      // grid, each is among the year's cells.
      Set<String> year = centres(web.getJson(client, "/api/hotspots/gistar?from=2017-01"
          + "&to=2018-01", null, 200));
      for (String q : List.of("from=2017-01&to=2017-07", "from=2017-04&to=2017-10",
          "from=2017-06&to=2018-01&category=theft")) {
        Set<String> c = centres(web.getJson(client, "/api/hotspots/gistar?" + q, null, 200));
        assertTrue(!c.isEmpty() && year.containsAll(c), q + ": Gi* cells off the year's grid");
      }
      for (String cell : List.of("260", "120", "99")) {
        JsonNode e = web.getJson(client, "/api/hotspots/gistar?from=2017-01&to=2018-01&cell="
            + cell, null, 400);
        assertEquals("cell", e.get("errors").get(0).get("field").asText());
      }
    });
  }

  /** The first vertex of every hexagon, rounded to 1e-6 degrees. */
  private static Set<String> centres(JsonNode hexagons) {
    Set<String> out = new HashSet<>();
    for (JsonNode f : hexagons.get("features")) {
      JsonNode p = f.get("geometry").get("coordinates").get(0).get(0);
      out.add(Math.round(p.get(0).asDouble() * 1e5) + "," + Math.round(p.get(1).asDouble() * 1e5));
    }
    return out;
  }

  @Test
  void sensitiveIncidentsAreInNoPublicOutput() throws Exception {
    web.test((server, client) -> {
      String sensitive = "category=sexual%20offences&from=2016-01&to=2018-01";
      long all = web.getJson(client, "/api/incidents/stats?by=category&" + sensitive,
          web.analyst(), 200).get("total").asLong();
      assertTrue(all >= K, "the Loop has " + all + " sexual offences in two years");
      assertTrue(web.getJson(client, "/api/heat/legend?" + sensitive, null, 200)
          .get("tooFewToShow").asBoolean());
      JsonNode hex = web.getJson(client, "/api/public/hexagons?" + sensitive, null, 200);
      assertEquals(0, hex.get("features").size(), hex.toString());
    });
  }

  @Test
  void thePatrolRoleCannotDrawSingleIncidents() throws Exception {
    web.test((server, client) -> {
      String q = "/api/heat/legend?from=2017-06&to=2017-07&";
      List<String> refused = new ArrayList<>();
      for (String p : List.of("bandwidth=1", "bandwidth=1&countShare=1&countCell=1",
          "countShare=1&countCell=1")) {
        JsonNode e = web.getJson(client, q + p, web.patrol(), 400);
        refused.add(e.get("errors").get(0).get("field").asText());
        web.getJson(client, q + p, web.analyst(), 200);
      }
      assertEquals(List.of("bandwidth", "bandwidth", "countCell"), refused);
      web.getJson(client, q + "hours=20-23", web.patrol(), 200);   // shifts need hours
      // A tile URL an analyst has opened is checked again for a patrol caller, not reused.
      String tile = TILE + "?from=2017-06&to=2017-07&bandwidth=1&countShare=1&countCell=1";
      assertEquals(200, client.get(tile, r -> r.header("Authorization", "Bearer "
          + web.analyst())).code());
      assertEquals(400, client.get(tile, r -> r.header("Authorization", "Bearer "
          + web.patrol())).code());
      assertEquals(400, client.get(tile).code());
    });
  }
}
