package org.hotbeat.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.hotbeat.access.Role;
import org.hotbeat.config.HotbeatConfig;
import org.hotbeat.demo.DemoLoader;
import org.hotbeat.testing.Api;
import org.hotbeat.testing.Http;
import org.hotbeat.testing.PostgisExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The community view's public data: suppressed hexagon counts and the data's sources. */
class PublicMapApiTest {
  @RegisterExtension static final PostgisExtension db = new PostgisExtension();
  private static WebApp.Services services;
  private static String analyst;

  @BeforeAll
  static void load() throws Exception {
    services = Api.services(db);
    analyst = services.tokens().create("ana", Role.ANALYST).secret();
    DemoLoader.load(db.dataSource(),
        DemoLoader.DataSet.chicagoLoop(Path.of("data/demo/chicago-loop")), null);
  }

  @Test
  void hexagonsWithFewerThanFiveIncidentsSayOnlyThatAndAllCountsAddUp() {
    // Drawn for k = 5, the default before issue 22 raised it to 10.
    HotbeatConfig k5 = HotbeatConfig.defaults().withLimits(
        org.hotbeat.config.Limits.defaults().withPublicMinCount(5));
    Http.test(WebApp.create(k5, services), (server, client) -> {
      String period = "from=2017-06-01&to=2017-07-01&category=robbery";
      JsonNode hex = Api.getJson(client, "/api/public/hexagons?size=150&" + period, null, 200);
      long total = Api.getJson(client, "/api/incidents/stats?by=category&" + period, analyst, 200)
          .get("total").asLong();
      long shown = 0;
      int suppressed = 0;
      for (JsonNode f : hex.get("features")) {
        JsonNode count = f.get("properties").get("count");
        if (count.isNull()) {
          suppressed++;
          assertEquals("fewer than 5", f.get("properties").get("label").asText());
        } else {
          assertTrue(count.asLong() >= 5, f.toString());
          shown += count.asLong();
        }
        assertEquals("Polygon", f.get("geometry").get("type").asText());
      }
      assertTrue(suppressed > 0, "a month of robberies in 150 m hexagons has small counts");
      // Each suppressed hexagon holds 1 to 4 incidents: the total must lie within those bounds.
      assertTrue(shown + suppressed <= total && total <= shown + 4L * suppressed,
          shown + " shown, " + suppressed + " suppressed, " + total + " in all");
      assertEquals(5, hex.get("suppressedBelow").asInt());
    });
  }

  @Test
  void thePublicHexagonMapRefusesExactTimesAndBadSizes() {
    Http.test(WebApp.create(HotbeatConfig.defaults(), services), (server, client) -> {
      var hours = client.get("/api/public/hexagons?hours=20-23");
      assertEquals(400, hours.code());
      assertTrue(hours.body().string().contains("hours"));
      assertEquals(400, client.get("/api/public/hexagons?weekdays=mon").code());
      assertEquals(400, client.get("/api/public/hexagons?size=10").code());
      assertEquals(400, client.get("/api/public/hexagons?from=2017-02-01&to=2017-01-01").code());
    });
  }

  @Test
  void sourcesNameThePublisherAndTheSpanOfDates() {
    Http.test(WebApp.create(HotbeatConfig.defaults(), services), (server, client) -> {
      JsonNode s = Api.getJson(client, "/api/sources", services.tokens().create("a",
          org.hotbeat.access.Role.ANALYST).secret(), 200);
      JsonNode chicago = s.get("sources").get(0);
      // Issue 22: the public gets the first and last months, not the instants.
      JsonNode pub = Api.getJson(client, "/api/sources", null, 200).get("sources").get(0);
      assertTrue(pub.get("first").isNull() && pub.get("last").isNull(), pub.toString());
      assertEquals("2017-12", pub.get("lastMonth").asText());
      assertEquals("chicago", chicago.get("agency").asText());
      assertEquals("crime and beat data: City of Chicago Data Portal",
          chicago.get("attribution").asText());
      assertTrue(chicago.get("first").asText().startsWith("2016-01"), chicago.toString());
      // The last incident is on 31 December 2017 in Chicago, which may be 1 January in UTC.
      assertEquals("America/Chicago", chicago.get("timeZone").asText());
      assertEquals("2016-01", chicago.get("firstMonth").asText());
      assertEquals("2017-12", chicago.get("lastMonth").asText());
    });
  }

  @Test
  void sourcesCarryTheMapSettingsSoPagesHardCodeNone() {
    Http.test(WebApp.create(HotbeatConfig.defaults(), services), (server, client) -> {
      JsonNode settings = Api.getJson(client, "/api/sources", null, 200).get("settings");
      assertEquals(400.0, settings.get("heatBandwidthMetres").asDouble());
      assertEquals(250.0, settings.get("publicMinBandwidthMetres").asDouble());
      assertEquals(10, settings.get("publicMinCount").asInt());   // issue 22 raised k to 10
      assertEquals(300.0, settings.get("communityHeatBandwidthMetres").asDouble());
      assertEquals(250.0, settings.get("hexagonMetres").asDouble());
      assertEquals(150.0, settings.get("beatHexagonMetres").asDouble());
    });
  }
}
