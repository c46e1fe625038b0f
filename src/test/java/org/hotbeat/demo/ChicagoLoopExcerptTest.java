package org.hotbeat.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/** The committed real excerpt data/demo/chicago-loop/ and, when present, its shared sources. */
class ChicagoLoopExcerptTest {
  private static final Path EXCERPT = Path.of("data/demo/chicago-loop");
  private static final Path SHARED = Path.of("../shared/data/chicago");
  private static final String INCIDENTS = "incidents_2016_2017.csv";
  private static final String PORTAL_HEADER = "ID,Case Number,Date,Block,IUCR,Primary Type,"
      + "Description,Location Description,Arrest,Domestic,Beat,District,Ward,Community Area,"
      + "FBI Code,X Coordinate,Y Coordinate,Updated On,Latitude,Longitude";
  private static final DateTimeFormatter PORTAL_DATE =
      DateTimeFormatter.ofPattern("MM/dd/yyyy hh:mm:ss a", Locale.ROOT);
  private static final GeometryFactory GEOMETRY = new GeometryFactory();

  @Test
  void theExcerptIsCommittedWithItsReadmeAndStaysUnderSixMegabytes() throws IOException {
    long total = 0;
    for (String f : List.of("README.md", "area.geojson", "loop.osm.pbf", INCIDENTS,
        "police_beats.geojson")) {
      assertTrue(Files.isRegularFile(EXCERPT.resolve(f)), f);
      total += Files.size(EXCERPT.resolve(f));
    }
    assertTrue(total <= 6_000_000, total + " bytes");
    String readme = Files.readString(EXCERPT.resolve("README.md"));
    assertTrue(readme.contains("© OpenStreetMap contributors") && readme.contains("ODbL"));
    assertTrue(readme.contains("Terms of Use"));
  }

  @Test
  void everyIncidentIsFrom2016Or2017InsideTheAreaWithItsBeatInTheBeatsFile() throws Exception {
    PreparedGeometry area = area();
    Set<String> beats = new HashSet<>();
    for (JsonNode f : new ObjectMapper().readTree(EXCERPT.resolve("police_beats.geojson")
        .toFile()).get("features")) {
      beats.add(f.at("/properties/BEAT_NUM").asText());
    }
    List<String> lines = Files.readAllLines(EXCERPT.resolve(INCIDENTS));
    assertEquals(PORTAL_HEADER, lines.get(0));
    assertTrue(lines.size() > 10_000, lines.size() + " lines");
    Set<String> ids = new HashSet<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      int n = f.length;
      assertTrue(ids.add(f[0]), "unique ID " + f[0]);
      int year = LocalDateTime.parse(f[2], PORTAL_DATE).getYear();
      assertTrue(year == 2016 || year == 2017, line);
      assertTrue(inside(area, f[n - 1], f[n - 2]), line);
      assertTrue(beats.contains(f[n - 10]), "beat of " + line);
    }
  }

  @Test
  void theStreetsFileIsCompactAndHasNoDanglingReferences() throws Exception {
    Assumptions.assumeTrue(CityMapTest.onPath("osmium"), "osmium is not installed");
    Path pbf = EXCERPT.resolve("loop.osm.pbf");
    String refs = run("osmium", "check-refs", "-r", "--no-progress", pbf.toString());
    List<String> missing = refs.lines().filter(l -> l.contains("missing:")).toList();
    assertEquals(4, missing.size(), refs);
    assertTrue(missing.stream().allMatch(l -> l.endsWith("missing: 0")), refs);
    String info = run("osmium", "fileinfo", "-e", "--no-progress", pbf.toString());
    // No stray fragments: the data stays within a few hundred metres of the Loop.
    String box = info.lines().filter(l -> l.strip().startsWith("Bounding box: ("))
        .findFirst().orElseThrow();
    String[] b = box.substring(box.indexOf('(') + 1, box.indexOf(')')).split(",");
    assertTrue(Double.parseDouble(b[0]) > -87.65 && Double.parseDouble(b[2]) < -87.59, box);
    assertTrue(Double.parseDouble(b[1]) > 41.85 && Double.parseDouble(b[3]) < 41.90, box);
  }

  @Test
  void theExcerptHoldsExactlyTheSourceRowsInsideTheArea() throws Exception {
    Assumptions.assumeTrue(Files.isDirectory(SHARED.resolve("incidents")),
        "the shared Chicago data (" + SHARED + ") is not here");
    PreparedGeometry area = area();
    Set<String> expected = new HashSet<>();
    for (int year : new int[] {2016, 2017}) {
      Path source = SHARED.resolve("incidents/chicago_crimes_" + year + ".csv.gz");
      try (BufferedReader in = new BufferedReader(new InputStreamReader(
          new GZIPInputStream(Files.newInputStream(source)), StandardCharsets.UTF_8))) {
        assertEquals(PORTAL_HEADER, in.readLine());
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          String[] f = line.split(",", -1);
          int n = f.length;
          if (!f[n - 1].isEmpty() && inside(area, f[n - 1], f[n - 2])) {
            expected.add(line);
          }
        }
      }
    }
    List<String> lines = Files.readAllLines(EXCERPT.resolve(INCIDENTS));
    assertEquals(expected, new HashSet<>(lines.subList(1, lines.size())));
    assertEquals(expected.size(), lines.size() - 1);
  }

  private static PreparedGeometry area() throws Exception {
    Geometry g = new GeoJsonReader().read(Files.readString(EXCERPT.resolve("area.geojson")));
    return PreparedGeometryFactory.prepare(g.getGeometryN(0));
  }

  private static boolean inside(PreparedGeometry area, String lon, String lat) {
    return area.covers(GEOMETRY.createPoint(new Coordinate(Double.parseDouble(lon),
        Double.parseDouble(lat))));
  }

  private static String run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    return out;
  }
}
