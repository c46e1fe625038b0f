package org.hotbeat.streets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hotbeat.demo.DemoCity;
import org.hotbeat.geo.LonLat;
import org.hotbeat.testing.TestDirs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.LineString;

/**
 * The contraction-hierarchy matrix against the Dijkstra matrix it replaced, on the Loop excerpt in
 * the repository and on a generated city, for both modes: random points, points in the middle of
 * one-way streets (where a car must go round the block), at junctions, and repeated points.
 */
class HierarchyMatrixTest {
  static final Path LOOP = Path.of("data/demo/chicago-loop/loop.osm.pbf");

  private static StreetGraph loop;
  private static StreetGraph city;
  private static Path loopDir;

  @BeforeAll
  static void build() {
    loopDir = TestDirs.fresh("hierarchy-loop").resolve("graph");
    loop = StreetGraph.build(LOOP, loopDir);
    Path cityFolder = TestDirs.fresh("hierarchy-city");
    DemoCity.generate(11, 1_000, cityFolder, done -> { });
    city = StreetGraph.build(cityFolder.resolve(DemoCity.STREETS_FILE),
        cityFolder.resolve("graph"));
  }

  @AfterAll
  static void close() {
    loop.close();
    city.close();
  }

  @Test
  void theHierarchyMatrixEqualsDijkstraOnTheLoop() {
    for (TravelMode mode : TravelMode.values()) {
      for (long seed = 1; seed <= 3; seed++) {
        assertSameMatrix(loop, mode, points(loop, mode, 40, seed));
      }
    }
  }

  @Test
  void theHierarchyMatrixEqualsDijkstraOnAGeneratedCity() {
    for (TravelMode mode : TravelMode.values()) {
      for (long seed = 1; seed <= 3; seed++) {
        assertSameMatrix(city, mode, points(city, mode, 40, seed));
      }
    }
  }

  @Test
  void routesTakeTheMatrixTimes() {
    for (StreetGraph graph : List.of(loop, city)) {
      StreetRouter router = graph.router();
      for (TravelMode mode : TravelMode.values()) {
        List<LonLat> points = points(graph, mode, 12, 5);
        StreetRouter.Matrix m = router.matrix(mode, points, points);
        for (int i = 0; i < points.size(); i++) {
          for (int j = 0; j < points.size(); j += 3) {
            StreetRouter.Route r = router.route(mode, points.get(i), points.get(j));
            assertEquals(r.seconds(), m.seconds()[i][j], 0.01, mode + " " + i + " → " + j);
            assertEquals(r.metres(), m.metres()[i][j], 0.5, mode + " " + i + " → " + j);
          }
        }
      }
    }
  }

  @Test
  void matricesComputedAtOnceOnManyThreadsAgree() throws Exception {
    StreetRouter router = city.router();
    List<List<LonLat>> sets = new ArrayList<>();
    List<StreetRouter.Matrix> alone = new ArrayList<>();
    for (long seed = 1; seed <= 8; seed++) {
      sets.add(points(city, TravelMode.FOOT, 20, seed));
      alone.add(router.matrix(TravelMode.FOOT, sets.get(sets.size() - 1),
          sets.get(sets.size() - 1)));
    }
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<StreetRouter.Matrix>> futures = new ArrayList<>();
      for (int round = 0; round < 4; round++) {
        for (List<LonLat> set : sets) {
          futures.add(pool.submit(() -> router.matrix(TravelMode.FOOT, set, set)));
        }
      }
      for (int k = 0; k < futures.size(); k++) {
        StreetRouter.Matrix expected = alone.get(k % sets.size());
        StreetRouter.Matrix got = futures.get(k).get();
        for (int i = 0; i < expected.seconds().length; i++) {
          org.junit.jupiter.api.Assertions.assertArrayEquals(expected.seconds()[i],
              got.seconds()[i], 0);
        }
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void aGraphWithoutStoredHierarchiesOrWithABrokenOneBuildsThemWhenLoaded() throws Exception {
    for (TravelMode mode : TravelMode.values()) {
      assertTrue(Files.isRegularFile(ContractionHierarchy.file(loopDir, mode)), mode.id());
    }
    // An import made before hierarchies existed: a copy of the graph without its ch-*.bin files.
    Path old = TestDirs.fresh("hierarchy-old").resolve("graph");
    Files.createDirectories(old);
    try (var files = Files.list(loopDir)) {
      for (Path f : files.toList()) {
        if (!f.getFileName().toString().startsWith("ch-")) {
          Files.copy(f, old.resolve(f.getFileName()));
        }
      }
    }
    // And a foot hierarchy cut short (a full disk): read as missing.
    byte[] foot = Files.readAllBytes(ContractionHierarchy.file(loopDir, TravelMode.FOOT));
    Path cut = ContractionHierarchy.file(old, TravelMode.FOOT);
    Files.write(cut, java.util.Arrays.copyOf(foot, foot.length / 2));
    try (StreetGraph loaded = StreetGraph.load(old)) {
      List<LonLat> points = points(loop, TravelMode.CAR, 15, 9);
      for (TravelMode mode : TravelMode.values()) {
        StreetRouter.Matrix fromOld = loaded.router().matrix(mode, points, points);
        StreetRouter.Matrix fromNew = loop.router().matrix(mode, points, points);
        for (int i = 0; i < points.size(); i++) {
          org.junit.jupiter.api.Assertions.assertArrayEquals(fromNew.seconds()[i],
              fromOld.seconds()[i], 1e-9);
        }
      }
    }
    assertFalse(Files.exists(ContractionHierarchy.file(old, TravelMode.CAR)),
        "loading never writes into the graph directory");
    assertEquals(foot.length / 2, Files.size(cut));
  }

  /**
   * The same matrix as the Dijkstra search it replaced: within 1e-6 of each time and length, plus
   * GraphHopper's own rounding. GraphHopper rounds each edge's time to a millisecond and stores its
   * length to a millimetre; the Dijkstra runs on a query graph that splits each edge holding a
   * snapped point into pieces (each rounded, lengths from the geometry), the hierarchy holds the
   * whole edge. So a route passing k such edges may differ by about k ms and a few mm: allowed are
   * 5 ms and 1 cm (observed: at most 2 ms and 0.3 mm).
   */
  static void assertSameMatrix(StreetGraph graph, TravelMode mode, List<LonLat> points) {
    assertSameMatrix((GraphHopperRouter) graph.router(), mode, points);
  }

  static void assertSameMatrix(GraphHopperRouter router, TravelMode mode, List<LonLat> points) {
    StreetRouter.Matrix ch = router.matrix(mode, points, points);
    StreetRouter.Matrix reference = router.dijkstraMatrix(mode, points, points);
    int exact = 0;
    for (int i = 0; i < points.size(); i++) {
      for (int j = 0; j < points.size(); j++) {
        String pair = mode + " " + points.get(i) + " → " + points.get(j);
        double s = reference.seconds()[i][j];
        double m = reference.metres()[i][j];
        assertTrue(Double.isFinite(s), pair + " unreachable");
        assertEquals(s, ch.seconds()[i][j], 1e-6 * s + 0.005, pair);
        assertEquals(m, ch.metres()[i][j], 1e-6 * m + 0.01, pair);
        exact += s == ch.seconds()[i][j] ? 1 : 0;
      }
    }
    // Most routes pass no split edge and take exactly the same milliseconds.
    assertTrue(exact > points.size() * points.size() / 2, mode + ": " + exact + " equal times");
  }

  /**
   * {@code n} points that snap for {@code mode}: a third in the middle of one-way streets, one at a
   * junction, one repeated, the rest random in the street network's extent.
   */
  static List<LonLat> points(StreetGraph graph, TravelMode mode, int n, long seed) {
    List<LineString> oneways = new ArrayList<>();
    Envelope extent = new Envelope();
    graph.forEachSegment(s -> {
      extent.expandToInclude(s.geometry().getEnvelopeInternal());
      if (s.oneway() && s.car()) {
        oneways.add(s.geometry());
      }
    });
    assertFalse(oneways.isEmpty(), "the graph has one-way streets");
    StreetRouter router = graph.router();
    Random random = new Random(seed);
    List<LonLat> out = new ArrayList<>();
    for (int k = 0; k < n / 3 && !oneways.isEmpty(); k++) {
      LineString line = oneways.get(random.nextInt(oneways.size()));
      Coordinate a = line.getCoordinateN(0);
      Coordinate b = line.getCoordinateN(1);
      double t = 0.2 + 0.6 * random.nextDouble();
      addIfSnaps(router, mode, out, LonLat.of(a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)));
    }
    Coordinate junction = oneways.isEmpty() ? null : oneways.get(0).getCoordinateN(0);
    if (junction != null) {
      addIfSnaps(router, mode, out, LonLat.of(junction.x, junction.y));
    }
    while (out.size() < n - 1) {
      addIfSnaps(router, mode, out, LonLat.of(
          extent.getMinX() + random.nextDouble() * extent.getWidth(),
          extent.getMinY() + random.nextDouble() * extent.getHeight()));
    }
    out.add(out.get(out.size() / 2));
    return out;
  }

  private static void addIfSnaps(StreetRouter router, TravelMode mode, List<LonLat> out, LonLat p) {
    try {
      router.snap(mode, p);
      out.add(p);
    } catch (OffNetworkException e) {
      // in a park or the river: left out
    }
  }
}
