package org.hotbeat.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.hotbeat.config.HotbeatConfig;
import org.hotbeat.ingest.BeatImporter;
import org.hotbeat.ingest.IngestService;
import org.hotbeat.ingest.InputFormat;
import org.hotbeat.ingest.Mappings;
import org.hotbeat.ingest.RecordReader;
import org.hotbeat.testing.Http;
import org.hotbeat.testing.TestDirs;
import org.hotbeat.testing.WebFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Filters, paging and counts of the incident API on a small known set. Agency "q" keeps Chicago
 * time, so hours and weekdays are local: the three incidents are on Thursday 22:30, Friday 03:00
 * and Friday 12:00 (CDT), the first two in beat W, the last in beat E.
 */
class IncidentQueryApiTest {
  @RegisterExtension static final WebFixture web = new WebFixture();
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void setUp() throws Exception {
    try (Connection c = web.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO agency (code, time_zone) VALUES ('q', 'America/Chicago')");
    }
    String csv = """
        id,occurred_at,lon,lat,offense,category
        late,2017-06-01T22:30:00-05:00,-87.640,41.880,0820,theft
        night,2017-06-02T03:00:00-05:00,-87.635,41.881,0610,burglary
        noon,2017-06-02T12:00:00-05:00,-87.620,41.882,0820,theft
        """;
    try (RecordReader r = InputFormat.CSV.open(new ByteArrayInputStream(
        csv.getBytes(StandardCharsets.UTF_8)))) {
      web.services().ingest().ingest(r, Mappings.load("generic"), "q", null,
          new IngestService.Source("test", "test"), new IngestService.Listener() { });
    }
    Path beats = TestDirs.fresh("query-beats").resolve("beats.geojson");
    Files.writeString(beats, """
        {"type": "FeatureCollection", "features": [
          {"type": "Feature", "properties": {"BEAT_NUM": "W", "NAME": "West"},
           "geometry": {"type": "Polygon", "coordinates": [[[-87.65, 41.87], [-87.63, 41.87],
             [-87.63, 41.89], [-87.65, 41.89], [-87.65, 41.87]]]}},
          {"type": "Feature", "properties": {"BEAT_NUM": "E", "NAME": "East"},
           "geometry": {"type": "Polygon", "coordinates": [[[-87.63, 41.87], [-87.61, 41.87],
             [-87.61, 41.89], [-87.63, 41.89], [-87.63, 41.87]]]}}]}""");
    new BeatImporter(web.dataSource()).load(beats, null,
        new BeatImporter.Fields("BEAT_NUM", "NAME", null), "q");
  }

  private static Javalin app() {
    return WebApp.create(HotbeatConfig.defaults(), web.services());
  }

  private static JsonNode get(HttpClient client, String path, int status) throws Exception {
    var r = client.get(path, req -> req.header("Authorization", "Bearer " + web.analyst()));
    String body = r.body().string();
    assertEquals(status, r.code(), body);
    return JSON.readTree(body);
  }

  private static Set<String> ids(JsonNode fc) {
    Set<String> out = new HashSet<>();
    fc.get("features").forEach(f -> out.add(f.get("properties").get("source_id").asText()));
    return out;
  }

  @Test
  void hoursAndWeekdaysAreCountedOnTheAgencysClock() {
    Http.test(app(), (server, client) -> {
      assertEquals(Set.of("late", "night"),
          ids(get(client, "/api/incidents?agency=q&hours=22-23,0-3", 200)));
      assertEquals(Set.of("night", "noon"),
          ids(get(client, "/api/incidents?agency=q&weekdays=fri", 200)));
      assertEquals(Set.of("late"), ids(get(client, "/api/incidents?agency=q&weekdays=4", 200)));
    });
  }

  @Test
  void categoryOffenseAndBeatFilter() {
    Http.test(app(), (server, client) -> {
      assertEquals(Set.of("late", "noon"),
          ids(get(client, "/api/incidents?agency=q&offense=0820", 200)));
      assertEquals(Set.of("night"), ids(get(client, "/api/incidents?agency=q&category=burglary",
          200)));
      assertEquals(Set.of("late", "night"), ids(get(client, "/api/incidents?agency=q&beat=W",
          200)));
    });
  }

  @Test
  void pagesFollowTheNextLinkToTheEnd() {
    Http.test(app(), (server, client) -> {
      Set<String> seen = new HashSet<>();
      String path = "/api/incidents?agency=q&limit=1";
      int pages = 0;
      while (path != null && pages < 10) {
        JsonNode page = get(client, path, 200);
        seen.addAll(ids(page));
        path = page.get("next").isNull() ? null : page.get("next").asText();
        pages++;
      }
      assertEquals(Set.of("late", "night", "noon"), seen);
      assertEquals(4, pages, "three full pages, then an empty one");
    });
  }

  @Test
  void statsCountByLocalHourAndByBeat() {
    Http.test(app(), (server, client) -> {
      JsonNode byHour = get(client, "/api/incidents/stats?agency=q&by=hour", 200);
      assertEquals("[{\"key\":\"12\",\"count\":1},{\"key\":\"22\",\"count\":1},"
          + "{\"key\":\"3\",\"count\":1}]", byHour.get("counts").toString());
      JsonNode byBeat = get(client, "/api/incidents/stats?agency=q&by=beat", 200);
      assertEquals("[{\"key\":\"E\",\"count\":1},{\"key\":\"W\",\"count\":2}]",
          byBeat.get("counts").toString());
      assertEquals(3, get(client, "/api/incidents/stats?agency=q&by=hour×weekday", 200)
          .get("total").asInt());
      get(client, "/api/incidents/stats?agency=q&by=phase-of-moon", 400);
    });
  }

  @Test
  void badFiltersAreEachNamed() {
    Http.test(app(), (server, client) -> {
      JsonNode p = get(client, "/api/incidents?hours=25&weekdays=funday&cursor=xyz", 400);
      String errors = p.get("errors").toString();
      assertTrue(errors.contains("\"field\":\"hours\""), errors);
      assertTrue(errors.contains("\"field\":\"weekdays\""), errors);
      assertTrue(errors.contains("\"field\":\"cursor\""), errors);
      get(client, "/api/incidents?hours=23-1", 400);
    });
  }

  @Test
  void beatsArePublicGeoJson() {
    Http.test(app(), (server, client) -> {
      var r = client.get("/api/beats?agency=q");
      assertEquals(200, r.code());
      JsonNode fc = JSON.readTree(r.body().string());
      assertEquals(2, fc.get("features").size());
      assertEquals("MultiPolygon", fc.get("features").get(0).get("geometry").get("type").asText());
      assertEquals("East", fc.get("features").get(0).get("properties").get("name").asText());
    });
  }
}
