package org.hotbeat.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/** The generated street map (OSM XML) and beats (GeoJSON), read back with independent parsers. */
class CityMapTest {
  private record OsmObject(long id, double lon, double lat, List<Long> refs,
      Map<String, String> tags) {}

  private record Osm(Map<Long, OsmObject> nodes, List<OsmObject> ways) {}

  @Test
  void theStreetMapIsWellFormedOsmSortedAndReferentiallyComplete() throws Exception {
    Osm osm = parse(GeneratedCity.of(3, 1_000).file(DemoCity.STREETS_FILE));
    assertTrue(osm.nodes().size() > 1000 && osm.ways().size() > 300);
    for (OsmObject w : osm.ways()) {
      assertTrue(w.refs().size() >= 2, "way " + w.id());
      for (long ref : w.refs()) {
        assertTrue(osm.nodes().containsKey(ref), "way " + w.id() + " needs node " + ref);
      }
    }
  }

  @Test
  void theStreetMapHasTheFeaturesOfASmallTown() throws Exception {
    Osm osm = parse(GeneratedCity.of(3, 1_000).file(DemoCity.STREETS_FILE));
    Map<String, Integer> highways = new HashMap<>();
    int oneway = 0;
    int bridges = 0;
    int rivers = 0;
    int parks = 0;
    OsmObject park = null;
    Map<Long, Integer> streetEnds = new HashMap<>();
    Set<Long> streetNodes = new HashSet<>();
    for (OsmObject w : osm.ways()) {
      String highway = w.tags().get("highway");
      if (highway != null) {
        highways.merge(highway, 1, Integer::sum);
        assertTrue(w.tags().containsKey("name"), "every street has a name: way " + w.id());
        oneway += "yes".equals(w.tags().get("oneway")) ? 1 : 0;
        bridges += "yes".equals(w.tags().get("bridge")) ? 1 : 0;
        streetNodes.addAll(w.refs());
        for (int i = 0; i < w.refs().size(); i++) {
          int uses = i == 0 || i == w.refs().size() - 1 ? 1 : 2;
          streetEnds.merge(w.refs().get(i), uses, Integer::sum);
        }
      }
      rivers += "river".equals(w.tags().get("waterway")) ? 1 : 0;
      if ("park".equals(w.tags().get("leisure"))) {
        parks++;
        park = w;
      }
    }
    for (String c : List.of("primary", "secondary", "tertiary", "residential")) {
      assertTrue(highways.getOrDefault(c, 0) > 0, "highway=" + c);
    }
    assertTrue(oneway >= 10, "one-way streets: " + oneway);
    assertEquals(1, rivers);
    assertTrue(bridges >= 3 && bridges <= 6, "a few bridges: " + bridges);
    assertEquals(1, parks);
    Envelope parkBox = new Envelope();
    for (long ref : park.refs()) {
      parkBox.expandToInclude(osm.nodes().get(ref).lon(), osm.nodes().get(ref).lat());
    }
    for (long n : streetNodes) {
      OsmObject node = osm.nodes().get(n);
      assertTrue(!parkBox.contains(node.lon(), node.lat()), "no street inside the park");
    }
    long police = osm.nodes().values().stream()
        .filter(n -> "police".equals(n.tags().get("amenity"))).count();
    assertTrue(police >= 1 && police <= 2, "police stations: " + police);
    long deadEnds = streetEnds.entrySet().stream().filter(e -> e.getValue() == 1).count();
    assertTrue(deadEnds >= 3 && deadEnds <= 12, "a few dead ends: " + deadEnds);
  }

  @Test
  void osmiumReadsTheStreetMapWithoutMissingReferences() throws Exception {
    Assumptions.assumeTrue(onPath("osmium"), "osmium (Debian osmium-tool) is not installed");
    Path osm = GeneratedCity.of(3, 1_000).file(DemoCity.STREETS_FILE);
    Process p = new ProcessBuilder("osmium", "check-refs", osm.toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("Nodes in ways missing: 0"), out);
  }

  @Test
  void beatsTileTheTownWithoutGapsOrOverlaps() throws Exception {
    GeneratedCity city = GeneratedCity.of(3, 1_000);
    Geometry all = new GeoJsonReader().read(
        Files.readString(city.file(DemoCity.BEATS_FILE)));
    assertTrue(all instanceof GeometryCollection);
    int n = all.getNumGeometries();
    assertTrue(n >= 6 && n <= 12, n + " beats");
    List<Geometry> beats = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Geometry g = all.getGeometryN(i);
      assertTrue(g.isValid(), "beat " + i + " is a valid polygon");
      beats.add(g);
    }
    Set<String> codes = new HashSet<>();
    for (JsonNode feature : new ObjectMapper().readTree(city.file(DemoCity.BEATS_FILE).toFile())
        .get("features")) {
      assertTrue(codes.add(feature.at("/properties/code").asText()), "codes are unique");
      assertTrue(!feature.at("/properties/name").asText().isBlank(), "beats have names");
    }
    assertEquals(n, codes.size());
    double[] b = city.truth.town().bbox();
    Geometry town = new GeometryFactory().toGeometry(new Envelope(b[0], b[2], b[1], b[3]));
    double area = town.getArea();
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += beats.get(i).getArea();
      for (int j = i + 1; j < n; j++) {
        double overlap = beats.get(i).intersection(beats.get(j)).getArea();
        assertTrue(overlap < area * 1e-9, "beats " + i + " and " + j + " overlap");
      }
    }
    Geometry union = new GeometryFactory().buildGeometry(beats).union();
    assertEquals(area, sum, area * 1e-9, "the beats' areas add up to the town's");
    assertTrue(union.symDifference(town).getArea() < area * 1e-9, "no gaps, nothing outside");
  }

  @Test
  void everyValidIncidentLiesInABeat() throws Exception {
    GeneratedCity city = GeneratedCity.of(3, 20_000);
    Geometry beats = new GeoJsonReader().read(Files.readString(city.file(DemoCity.BEATS_FILE)))
        .union();
    Set<Long> bad = new HashSet<>();
    city.truth.badRows().rows().forEach(r -> bad.add(r.line()));
    GeometryFactory f = new GeometryFactory();
    city.eachRow(r -> {
      if (!bad.contains(r.line())) {
        assertTrue(beats.covers(f.createPoint(new org.locationtech.jts.geom.Coordinate(r.lon(),
            r.lat()))), "line " + r.line());
      }
    });
  }

  private static Osm parse(Path file) throws Exception {
    Map<Long, OsmObject> nodes = new LinkedHashMap<>();
    List<OsmObject> ways = new ArrayList<>();
    XMLInputFactory factory = XMLInputFactory.newFactory();
    try (InputStream in = Files.newInputStream(file)) {
      XMLStreamReader x = factory.createXMLStreamReader(in);
      long lastNode = 0;
      long lastWay = 0;
      OsmObject current = null;
      boolean root = false;
      while (x.hasNext()) {
        if (x.next() != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        switch (x.getLocalName()) {
          case "osm" -> {
            assertEquals("0.6", x.getAttributeValue(null, "version"));
            root = true;
          }
          case "node", "way" -> {
            long id = Long.parseLong(x.getAttributeValue(null, "id"));
            assertEquals("1", x.getAttributeValue(null, "version"), "version on " + id);
            assertTrue(x.getAttributeValue(null, "timestamp").endsWith("Z"), "timestamp");
            if (x.getLocalName().equals("node")) {
              assertTrue(ways.isEmpty(), "nodes come before ways");
              assertTrue(id > lastNode, "node ids ascend");
              lastNode = id;
              current = new OsmObject(id, Double.parseDouble(x.getAttributeValue(null, "lon")),
                  Double.parseDouble(x.getAttributeValue(null, "lat")), List.of(),
                  new HashMap<>());
              nodes.put(id, current);
            } else {
              assertTrue(id > lastWay, "way ids ascend");
              lastWay = id;
              current = new OsmObject(id, 0, 0, new ArrayList<>(), new HashMap<>());
              ways.add(current);
            }
          }
          case "nd" -> current.refs().add(Long.parseLong(x.getAttributeValue(null, "ref")));
          case "tag" -> current.tags().put(x.getAttributeValue(null, "k"),
              x.getAttributeValue(null, "v"));
          case "bounds" -> { }
          default -> throw new AssertionError("unexpected element " + x.getLocalName());
        }
      }
      assertTrue(root, "root element osm");
    }
    return new Osm(nodes, ways);
  }

  static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
