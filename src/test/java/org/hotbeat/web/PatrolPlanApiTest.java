package org.hotbeat.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.Response;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.hotbeat.access.Role;
import org.hotbeat.config.HotbeatConfig;
import org.hotbeat.config.Limits;
import org.hotbeat.config.PatrolDefaults;
import org.hotbeat.demo.DemoLoader;
import org.hotbeat.testing.Http;
import org.hotbeat.testing.PostgisExtension;
import org.hotbeat.testing.TestDirs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;

/** Patrol plans over the real Loop excerpt: streets, beats and 2016–2017 incidents. */
class PatrolPlanApiTest {
  @RegisterExtension static final PostgisExtension db = new PostgisExtension();
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The minimal request, as it is. */
  private static final String MINIMAL = """
      {"area": {"beat": "0111"},
       "shift": {"start": "2017-06-02T20:00:00-05:00", "end": "2017-06-03T04:00:00-05:00"},
       "units": [{"name": "1A", "mode": "car", "start": [-87.6298, 41.8781]},
                 {"name": "1B", "mode": "foot", "start": [-87.6298, 41.8781]}],
       "dwellMinutes": 12, "seed": 1}""";
  private static HotbeatConfig config;
  private static WebApp.Services services;
  private static String patrol;
  private static String analyst;

  @BeforeAll
  static void setUp() throws Exception {
    Path graphs = TestDirs.fresh("patrol-api").resolve("graphs");
    DemoLoader.load(db.dataSource(),
        DemoLoader.DataSet.chicagoLoop(Path.of("data/demo/chicago-loop")), graphs);
    config = HotbeatConfig.defaults().withGraphDir(graphs);
    services = WebApp.Services.of(config, db.database(),
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    patrol = services.tokens().create("sergeant", Role.PATROL).secret();
    analyst = services.tokens().create("ana", Role.ANALYST).secret();
  }

  private static Response post(HttpClient client, String token, String body) {
    return client.request("/api/patrol-plans", b -> {
      b.post(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
      if (token != null) {
        b.header("Authorization", "Bearer " + token);
      }
    });
  }

  private static Response get(HttpClient client, String path) {
    return client.get(path, b -> b.header("Authorization", "Bearer " + patrol));
  }

  private static JsonNode json(Response r, int status) throws Exception {
    String body = r.body().string();
    assertEquals(status, r.code(), body);
    return JSON.readTree(body);
  }

  @Test
  void theMinimalRequestGivesAStoredPlanThatKeepsEveryRule() {
    Http.test(WebApp.create(config, services), (server, client) -> {
      Response r = post(client, patrol, MINIMAL);
      JsonNode plan = json(r, 201);
      String id = plan.get("id").asText();
      assertEquals("/api/patrol-plans/" + id, r.headers().get("Location").get(0));
      assertEquals("sergeant", plan.get("createdBy").asText());
      assertEquals(2, plan.get("units").size());
      OffsetDateTime start = OffsetDateTime.parse("2017-06-02T20:00:00-05:00");
      OffsetDateTime end = OffsetDateTime.parse("2017-06-03T04:00:00-05:00");
      Map<Integer, List<OffsetDateTime>> visits = new HashMap<>();
      Map<Integer, String> servedBy = new HashMap<>();
      double risk = 0;
      int stops = 0;
      for (JsonNode u : plan.get("units")) {
        OffsetDateTime left = start;
        for (JsonNode s : u.get("stops")) {
          OffsetDateTime arrive = OffsetDateTime.parse(s.get("arrive").asText());
          OffsetDateTime leave = OffsetDateTime.parse(s.get("leave").asText());
          assertFalse(arrive.isBefore(left), "stops in order: " + s);
          assertEquals(Duration.ofMinutes(12), Duration.between(arrive, leave), "dwell: " + s);
          assertEquals("-05:00", arrive.getOffset().getId(), "on the shift's clock");
          int hotspot = s.get("hotspot").asInt();
          visits.computeIfAbsent(hotspot, k -> new java.util.ArrayList<>()).add(arrive);
          assertEquals(u.get("name").asText(),
              servedBy.computeIfAbsent(hotspot, k -> u.get("name").asText()),
              "one unit per hotspot");
          risk += s.get("risk").asDouble();
          stops++;
          left = leave;
        }
        if (u.get("stops").size() > 0) {
          assertFalse(OffsetDateTime.parse(u.get("back").asText()).isAfter(end), "back in time");
          JsonNode line = u.get("route");
          assertEquals("LineString", line.get("type").asText());
          assertTrue(line.get("coordinates").size() > u.get("stops").size());
          JsonNode first = line.get("coordinates").get(0);
          assertTrue(Math.abs(first.get(0).asDouble() + 87.6298) < 0.002
              && Math.abs(first.get(1).asDouble() - 41.8781) < 0.002, "starts at the station");
        }
      }
      assertTrue(stops >= 8, "an 8-hour shift for two units has many stops: " + stops);
      assertEquals(2, servedBy.values().stream().distinct().count(), "both units patrol");
      for (List<OffsetDateTime> times : visits.values()) {
        times.sort(null);
        for (int i = 1; i < times.size(); i++) {
          assertTrue(Duration.between(times.get(i - 1), times.get(i)).toMinutes() >= 120,
              "revisits at least the default 120 minutes apart: " + times);
        }
      }
      JsonNode totals = plan.get("totals");
      assertEquals(risk, totals.get("risk").asDouble(), 0.01);
      double share = totals.get("riskShare").asDouble();
      assertTrue(share > 0.2 && share <= 1, "share of the beat's risk: " + share);
      assertEquals(stops, totals.get("stops").asInt());
      List<Integer> hours = new java.util.ArrayList<>();
      plan.get("risk").get("hours").forEach(h -> hours.add(h.asInt()));
      assertEquals(List.of(0, 1, 2, 3, 20, 21, 22, 23), hours, "risk from the shift's hours");
      assertEquals("2016-06-03T01:00:00Z", plan.get("risk").get("from").asText(),
          "365 days before the shift");
      JsonNode hotspots = plan.get("hotspots").get("features");
      assertTrue(hotspots.size() >= 3, "hotspots in the beat: " + hotspots.size());

      JsonNode again = json(get(client, "/api/patrol-plans/" + id), 200);
      assertEquals(plan, again, "stored as returned");
      JsonNode list = json(get(client, "/api/patrol-plans"), 200);
      assertEquals(id, list.get(0).get("id").asText());
    });
  }

  @Test
  void theGpxHasATrackPerUnitAndAWaypointPerStopAndThePageListsTheStops() {
    Http.test(WebApp.create(config, services), (server, client) -> {
      JsonNode plan = json(post(client, patrol, MINIMAL), 201);
      String id = plan.get("id").asText();
      Response gpx = get(client, "/api/patrol-plans/" + id + ".gpx");
      assertEquals(200, gpx.code());
      assertTrue(gpx.headers().get("Content-Type").get(0).startsWith("application/gpx+xml"));
      var factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(
          gpx.body().string().getBytes(StandardCharsets.UTF_8)));
      int withStops = 0;
      int stops = 0;
      for (JsonNode u : plan.get("units")) {
        withStops += u.get("stops").isEmpty() ? 0 : 1;
        stops += u.get("stops").size();
      }
      String ns = "http://www.topografix.com/GPX/1/1";
      assertEquals(withStops, doc.getElementsByTagNameNS(ns, "trk").getLength());
      assertEquals(stops, doc.getElementsByTagNameNS(ns, "wpt").getLength());
      Response html = get(client, "/api/patrol-plans/" + id + ".html");
      String page = html.body().string();
      assertEquals(200, html.code());
      assertTrue(page.contains("Unit 1A") && page.contains("Unit 1B") && page.contains("<svg"));
      assertEquals(404, get(client, "/api/patrol-plans/not-a-plan").code());
      assertEquals(404, get(client, "/api/patrol-plans/" + java.util.UUID.randomUUID()
          + ".gpx").code());
    });
  }

  @Test
  void theSameSeedGivesTheSamePlanAndOtherSeedsGiveOthers() {
    Http.test(WebApp.create(config, services), (server, client) -> {
      String a = stopsOf(json(post(client, patrol, MINIMAL), 201));
      assertEquals(a, stopsOf(json(post(client, patrol, MINIMAL), 201)));
      Set<String> plans = new HashSet<>(Set.of(a));
      for (int seed = 2; seed <= 6; seed++) {
        plans.add(stopsOf(json(post(client, patrol, MINIMAL.replace("\"seed\": 1",
            "\"seed\": " + seed)), 201)));
      }
      assertTrue(plans.size() > 1, "different seeds, different plans: " + plans);
    });
  }

  private static String stopsOf(JsonNode plan) {
    StringBuilder s = new StringBuilder();
    plan.get("units").forEach(u -> {
      s.append(u.get("name").asText()).append(':');
      u.get("stops").forEach(st -> s.append(st.get("hotspot").asInt()).append(' '));
    });
    return s.toString();
  }

  @Test
  void aDrawnAreaWithHarmWeightsAndAStopLimitIsPlanned() {
    String body = """
        {"area": {"polygon": {"type": "Polygon", "coordinates": [[[-87.636, 41.876],
           [-87.622, 41.876], [-87.622, 41.886], [-87.636, 41.886], [-87.636, 41.876]]]}},
         "shift": {"start": "2017-03-01T08:00:00-06:00", "end": "2017-03-01T12:00:00-06:00"},
         "units": [{"name": "F1", "mode": "foot", "start": [-87.6298, 41.8781]}],
         "maxStops": 4, "risk": {"weights": {"theft": 1, "robbery": 5}, "hours": "all"},
         "seed": 3}""";
    Http.test(WebApp.create(config, services), (server, client) -> {
      JsonNode plan = json(post(client, analyst, body), 201);
      assertEquals("drawn area", plan.get("area").get("label").asText());
      assertNull(plan.get("area").get("beat").textValue());
      assertEquals(4, plan.get("units").get(0).get("stops").size());
      assertEquals(0, plan.get("risk").get("hours").size());
      assertEquals(5.0, plan.get("risk").get("weights").get("robbery").asDouble());
    });
  }

  @Test
  void aShiftShorterThanOneDwellGivesAnEmptyPlanWithTheReason() {
    String body = MINIMAL.replace("2017-06-03T04:00:00-05:00", "2017-06-02T20:10:00-05:00");
    Http.test(WebApp.create(config, services), (server, client) -> {
      JsonNode plan = json(post(client, patrol, body), 201);
      assertEquals(0, plan.get("totals").get("stops").asInt());
      assertTrue(plan.get("notes").get(0).asText().contains("shorter than one stop's dwell"),
          plan.get("notes").toString());
    });
  }

  @Test
  void noHotspotAboveTheThresholdAndMoreUnitsThanHotspotsAreExplained() {
    Http.test(WebApp.create(config, services), (server, client) -> {
      JsonNode none = json(post(client, patrol, MINIMAL.replace("\"seed\": 1",
          "\"seed\": 1, \"candidates\": {\"minRisk\": 1000000}")), 201);
      assertEquals(0, none.get("totals").get("stops").asInt());
      assertTrue(none.get("notes").toString().contains("no hotspot in the area covers at least"),
          none.get("notes").toString());
      JsonNode few = json(post(client, patrol, MINIMAL.replace("\"seed\": 1",
          "\"seed\": 1, \"candidates\": {\"max\": 1}")), 201);
      assertTrue(few.get("notes").toString().contains("2 units for 1 hotspots"),
          few.get("notes").toString());
    });
  }

  @Test
  void aStationOffTheStreetNetworkIs422NamingThePoint() {
    // In Lake Michigan, 2 km off the shore.
    String body = MINIMAL.replaceFirst("\\[-87.6298, 41.8781]", "[-87.590, 41.880]");
    Http.test(WebApp.create(config, services), (server, client) -> {
      JsonNode p = json(post(client, patrol, body), 422);
      assertEquals("units[0].start", p.get("errors").get(0).get("field").asText());
      assertTrue(p.get("detail").asText().contains("-87.59"), p.toString());
    });
  }

  @Test
  void anUnknownBeatIs404AndBadFieldsAre400WithEveryField() {
    Http.test(WebApp.create(config, services), (server, client) -> {
      json(post(client, patrol, MINIMAL.replace("0111", "9999")), 404);
      JsonNode p = json(post(client, patrol, """
          {"area": {}, "shift": {"start": "tonight", "end": "2017-06-02T19:00:00-05:00"},
           "units": [{"name": "1A", "mode": "bike", "start": [-200, 41.8]}],
           "dwellMinutes": 0, "revisitMinutes": 5,
           "risk": {"categories": ["shoplifting"], "hours": [25]}}"""), 400);
      Set<String> fields = new HashSet<>();
      p.get("errors").forEach(e -> fields.add(e.get("field").asText()));
      assertEquals(Set.of("area", "shift.start", "units[0].mode", "units[0].start",
          "dwellMinutes", "revisitMinutes", "risk.categories", "risk.hours"), fields,
          p.toString());
      json(post(client, patrol, MINIMAL.replace("\"seed\": 1", "\"sede\": 1")), 400);
      json(post(client, patrol, "{\"area\": "), 400);
      json(post(client, patrol, MINIMAL.replace("2017-06-03T04:00:00-05:00",
          "2017-06-02T19:00:00-05:00")), 400);
    });
  }

  @Test
  void onlyPatrolAnalystAndAdminTokensMayPlan() {
    Http.test(WebApp.create(config, services), (server, client) -> {
      assertEquals(401, post(client, null, MINIMAL).code());
      assertEquals(401, client.get("/api/patrol-plans").code());
    });
  }

  @Test
  void withoutTheStreetGraphOnThisMachineTheAnswerIs409WithTheCommand() throws Exception {
    HotbeatConfig elsewhere = config.withGraphDir(TestDirs.fresh("patrol-no-graph"));
    WebApp.Services none = WebApp.Services.of(elsewhere, db.database(),
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    Http.test(WebApp.create(elsewhere, none), (server, client) -> {
      JsonNode p = json(post(client, patrol, MINIMAL), 409);
      assertTrue(p.get("detail").asText().contains("hotbeat import streets"), p.toString());
      assertNotEquals(null, p.get("title"));
    });
  }

  @Test
  void aShiftWithoutOffsetIsReadOnTheAgencysClock() {
    String local = MINIMAL.replace("2017-06-02T20:00:00-05:00", "2017-06-02T20:00")
        .replace("2017-06-03T04:00:00-05:00", "2017-06-03T04:00");
    String winter = local.replace("2017-06-02T20:00", "2017-12-15T20:00")
        .replace("2017-06-03T04:00", "2017-12-16T04:00");
    Http.test(WebApp.create(config, services), (server, client) -> {
      JsonNode plan = json(post(client, patrol, local), 201);
      assertEquals("2017-06-02T20:00:00-05:00", plan.get("shift").get("start").asText(),
          "20:00 in Chicago, summer time");
      assertEquals(stopsOf(json(post(client, patrol, MINIMAL), 201)), stopsOf(plan),
          "the same plan as with the offset written out");
      JsonNode december = json(post(client, patrol, winter), 201);
      assertEquals("2017-12-15T20:00:00-06:00", december.get("shift").get("start").asText(),
          "20:00 in Chicago, standard time");
    });
  }

  @Test
  void leftOutSettingsTakeTheConfiguredPatrolDefaults() throws Exception {
    PatrolDefaults d = PatrolDefaults.defaults();
    HotbeatConfig longer = config.withPatrol(new PatrolDefaults(20, d.revisitMinutes(),
        d.riskBandwidthMetres(), d.separationMetres(), d.maxCandidates(), d.minRisk(), 1,
        d.maxShiftHours()));
    WebApp.Services s = WebApp.Services.of(longer, db.database(),
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    Http.test(WebApp.create(longer, s), (server, client) -> {
      JsonNode defaults = json(get(client, "/api/patrol-plans/defaults"), 200);
      assertEquals(20, defaults.get("dwellMinutes").asDouble());
      assertEquals(1, defaults.get("maxUnits").asInt());
      JsonNode p = json(post(client, patrol, MINIMAL), 400);
      assertEquals("units", p.get("errors").get(0).get("field").asText(), "two units, one allowed");
      JsonNode plan = json(post(client, patrol, MINIMAL.replace("\"dwellMinutes\": 12, ", "")
          .replaceFirst(",\\s*\\{\"name\": \"1B\"[^}]*}", "")), 201);
      assertEquals(20, plan.get("dwellMinutes").asDouble());
    });
  }

  @Test
  void anAreaTooLargeForTheRiskSurfaceIs413NamingTheLimit() throws Exception {
    Limits l = Limits.defaults();
    HotbeatConfig small = config.withLimits(new Limits(l.publicMinCount(),
        l.publicMinBandwidthMetres(), l.publicMinCellMetres(), l.publicHeatCellMetres(),
        l.maxBandwidthMetres(),
        l.maxAnalysisCells(), 100, l.maxIncidents(), l.requestsPerMinute(),
        l.analysesPerMinute(), l.concurrentAnalyses()));
    WebApp.Services s = WebApp.Services.of(small, db.database(),
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    Http.test(WebApp.create(small, s), (server, client) -> {
      JsonNode p = json(post(client, patrol, MINIMAL), 413);
      assertTrue(p.get("detail").asText().contains(Limits.MAX_GRID_CELLS), p.toString());
    });
  }
}
