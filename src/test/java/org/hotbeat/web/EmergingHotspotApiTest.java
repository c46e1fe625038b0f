package org.hotbeat.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.Statement;
import org.hotbeat.testing.Api;
import org.hotbeat.testing.WebFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A hand-made cube over 12 months of 2016 in ~2 × 2 km of the Loop: 40 incidents a month spread
 * at random; spot P gets 15 every month (persistent), spot N 20 in December only (new), spot C
 * 15 in each of the last three months (consecutive).
 */
class EmergingHotspotApiTest {
  @RegisterExtension static final WebFixture web = new WebFixture();
  private static final String QUERY = "/api/hotspots/emerging?agency=m&cell=100"
      + "&from=2016-01-01&to=2017-01-01";

  @BeforeAll
  static void setUp() throws Exception {
    try (Connection c = web.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("SELECT setseed(0.5)");
      s.execute("""
          INSERT INTO incident (agency, source_id, occurred_at, category, geom)
          SELECT 'm', 'b' || m || '-' || g, make_timestamptz(2016, m, 10, 12, 0, 0, 'UTC'),
                 'theft', ST_SetSRID(ST_MakePoint(-87.64 + random() * 0.024,
                                                  41.87 + random() * 0.018), 4326)
          FROM generate_series(1, 12) m, generate_series(1, 40) g""");
      spot(s, "p", -87.6355, 41.8745, 1, 12, 15);
      spot(s, "n", -87.6215, 41.8825, 12, 12, 20);
      spot(s, "c", -87.6300, 41.8830, 10, 12, 15);
    }
  }

  private static void spot(Statement s, String id, double lon, double lat, int fromMonth,
      int toMonth, int perMonth) throws Exception {
    s.execute("INSERT INTO incident (agency, source_id, occurred_at, category, geom) "
        + "SELECT 'm', '" + id + "' || m || '-' || g, make_timestamptz(2016, m, 15, 12, 0, 0, "
        + "'UTC'), 'theft', ST_SetSRID(ST_MakePoint(" + lon + " + random() * 0.0004, " + lat
        + " + random() * 0.0003), 4326) FROM generate_series(" + fromMonth + ", " + toMonth
        + ") m, generate_series(1, " + perMonth + ") g");
  }

  /** The category of the cell holding (lon, lat). */
  private static String categoryAt(JsonNode fc, double lon, double lat) {
    for (JsonNode f : fc.get("features")) {
      JsonNode ring = f.get("geometry").get("coordinates").get(0);
      double w = Math.min(ring.get(0).get(0).asDouble(), ring.get(3).get(0).asDouble());
      double e = Math.max(ring.get(1).get(0).asDouble(), ring.get(2).get(0).asDouble());
      double so = Math.min(ring.get(0).get(1).asDouble(), ring.get(1).get(1).asDouble());
      double n = Math.max(ring.get(2).get(1).asDouble(), ring.get(3).get(1).asDouble());
      if (lon >= w && lon < e && lat >= so && lat < n) {
        return f.get("properties").get("category").asText();
      }
    }
    return "no pattern detected";
  }

  @Test
  void eachPlantedSpotGetsItsCategory() {
    web.test((server, client) -> {
      JsonNode fc = Api.getJson(client, QUERY, web.analyst(), 200);
      assertEquals(12, fc.get("analysis").get("months").size());
      assertEquals("2016-12", fc.get("analysis").get("months").get(11).asText());
      assertEquals(12 * 40 + 12 * 15 + 20 + 3 * 15, fc.get("analysis").get("incidents").asInt());
      String p = categoryAt(fc, -87.6353, 41.8746);
      assertTrue(p.equals("persistent hot spot") || p.equals("intensifying hot spot")
          || p.equals("diminishing hot spot"), p);
      assertEquals("new hot spot", categoryAt(fc, -87.6213, 41.8826));
      assertEquals("consecutive hot spot", categoryAt(fc, -87.6298, 41.8831));
      for (JsonNode f : fc.get("features")) {
        assertEquals(12, f.get("properties").get("counts").size());
        assertEquals(12, f.get("properties").get("z").size());
        assertTrue(f.get("properties").has("countTrend"));
      }
    });
  }

  @Test
  void thePublicGetsCategoriesOfCellsWithFiveOrMoreIncidents() {
    web.test((server, client) -> {
      JsonNode fc = Api.getJson(client, QUERY, null, 200);
      assertFalse(fc.toString().contains("\"counts\""));
      assertFalse(fc.get("analysis").has("incidents"));
      assertEquals("new hot spot", categoryAt(fc, -87.6213, 41.8826));
      assertTrue(fc.get("analysis").get("cellsByCategory").get("new hot spot").asInt() >= 1);
    });
  }

  @Test
  void dualKdeMarksDecembersNewSpotAsARealIncrease() {
    web.test((server, client) -> {
      JsonNode r = Api.getJson(client, "/api/hotspots/change?agency=m&from=2016-12-01"
          + "&to=2017-01-01&bandwidth=200&cell=50", web.analyst(), 200);
      assertEquals("2016-10-31T00:00:00Z", r.get("baseFrom").asText(), "the 31 days before");
      assertEquals(40 + 15 + 20 + 15, r.get("incidents").asInt());
      assertEquals(40 + 15 + 15, r.get("baseIncidents").asInt());
      assertTrue(r.get("cellsUp").asInt() > 0);
      JsonNode g = r.get("grid");
      int w = g.get("width").asInt();
      int h = g.get("height").asInt();
      assertEquals(w * h, r.get("change").size());
      assertEquals(w * h, r.get("ratio").size());
      // The largest difference lies at spot N and is flagged as a real increase.
      int best = 0;
      for (int i = 1; i < w * h; i++) {
        if (r.get("difference").get(i).asDouble() > r.get("difference").get(best).asDouble()) {
          best = i;
        }
      }
      assertEquals(1, r.get("change").get(best).asInt());
      Api.getJson(client, "/api/hotspots/change?agency=m&to=2017-01-01", web.analyst(), 400);
      JsonNode overlap = Api.getJson(client, "/api/hotspots/change?agency=m&from=2016-12-01"
          + "&to=2017-01-01&baseFrom=2016-11-15&baseTo=2016-12-15", web.analyst(), 400);
      assertEquals("baseFrom", overlap.get("errors").get(0).get("field").asText());
      Api.getJson(client, "/api/hotspots/change?agency=m&from=2016-12-01&to=2017-01-01&cell=0.5",
          web.analyst(), 400);
      Api.getJson(client, "/api/hotspots/change?agency=m&from=2016-12-01&to=2017-01-01&cell=1",
          web.analyst(), 413);
      Api.getJson(client, "/api/hotspots/change?agency=m&from=2016-12-01&to=2017-01-01",
          null, 401);
    });
  }

  @Test
  void badInputIsAClearError() {
    web.test((server, client) -> {
      JsonNode noPeriod = Api.getJson(client, "/api/hotspots/emerging?agency=m",
          web.analyst(), 400);
      assertEquals("from", noPeriod.get("errors").get(0).get("field").asText());
      JsonNode short2 = Api.getJson(client, "/api/hotspots/emerging?agency=m&from=2016-01-01"
          + "&to=2016-03-01", web.analyst(), 400);
      assertTrue(short2.get("detail").asText().contains("3 to 120 months"), short2.toString());
      Api.getJson(client, QUERY.replace("cell=100", "cell=0.5"), web.analyst(), 413);
      Api.getJson(client, QUERY.replace("cell=100", "cell=-1"), web.analyst(), 400);
      Api.getJson(client, QUERY.replace("cell=100", "cell=20"), null, 400);
      Api.getJson(client, QUERY + "&weights=rook", web.analyst(), 400);
    });
  }
}
