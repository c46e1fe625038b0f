package org.hotbeat.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.hotbeat.ingest.ImportReport;
import org.hotbeat.ingest.IngestService;
import org.hotbeat.ingest.InputFormat;
import org.hotbeat.ingest.RecordReader;
import org.hotbeat.testing.PostgisExtension;
import org.hotbeat.testing.TestDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DemoLoaderTest {
  @RegisterExtension static final PostgisExtension db = new PostgisExtension();

  @Test
  void theLoopExcerptLoadsThroughTheRealImportersAndAgainChangesNothing() throws Exception {
    DemoLoader.DataSet loop = DemoLoader.DataSet.chicagoLoop(Path.of("data/demo/chicago-loop"));
    List<String> first = DemoLoader.load(db.dataSource(), loop, null);
    assertEquals("beats: 13 areas (13 new) from police_beats.geojson", first.get(0));
    assertTrue(first.get(1).startsWith("incidents: 20,002 rows (20,002 new, 0 unchanged, "
        + "0 rejected"), first.get(1));
    List<String> again = DemoLoader.load(db.dataSource(), loop, null);
    assertTrue(again.get(1).contains("(0 new, 20,002 unchanged"), again.get(1));
  }

  @Test
  void theGeneratedCityLoadsWithItsStreetsBeatsAndIncidents() throws Exception {
    Path dir = TestDirs.fresh("demo-city-load");
    DemoCity.generate(3, 5_000, dir.resolve("city"), done -> { });
    List<String> said = DemoLoader.load(db.dataSource(),
        DemoLoader.DataSet.generatedCity(dir.resolve("city")), dir.resolve("graph"));
    assertTrue(said.get(0).startsWith("streets: ") && said.get(0).contains("from city.osm"),
        said.get(0));
    assertEquals("beats: 9 areas (9 new) from beats.geojson", said.get(1));
    assertTrue(said.get(2).startsWith("incidents: 5,000 rows"), said.get(2));
    List<String> again = DemoLoader.load(db.dataSource(),
        DemoLoader.DataSet.generatedCity(dir.resolve("city")), dir.resolve("graph"));
    assertEquals("streets: city.osm already in service", again.get(0));
  }

  /** The recovery test of the importer: it rejects exactly the rows planted as bad. */
  @Test
  void theImporterReportsExactlyThePlantedBadRows() throws Exception {
    Path dir = TestDirs.fresh("demo-city-bad-rows");
    DemoCity.generate(7, 20_000, dir, done -> { });
    JsonNode truth = new ObjectMapper().readTree(dir.resolve(DemoCity.TRUTH_FILE).toFile());
    Set<String> planted = new TreeSet<>();
    for (JsonNode bad : truth.get("badRows").get("rows")) {
      planted.add(bad.get("reason").asText().equals("duplicate-id")
          ? "duplicate " + bad.get("id").asText()
          : "row " + (bad.get("line").asLong() - 1));   // line 1 is the header
    }
    Set<String> reported = new TreeSet<>();
    try (InputStream in = new BufferedInputStream(Files.newInputStream(
        dir.resolve(DemoCity.INCIDENTS_FILE))); RecordReader r = InputFormat.CSV.open(in)) {
      new IngestService(db.dataSource(), Clock.systemUTC()).ingest(r,
          DemoLoader.generatedCityMapping(), "falls-test", null,
          new IngestService.Source("test", "test"), new IngestService.Listener() {
            @Override
            public void issue(ImportReport.RowIssue issue) {
              reported.add(issue.reason().startsWith("duplicate id ")
                  ? "duplicate " + issue.reason().split(" ")[2].replace(":", "")
                  : "row " + issue.row());
            }
          });
    }
    assertTrue(planted.size() > 5, "the generator plants bad rows: " + planted);
    assertEquals(planted, reported);
  }
}
