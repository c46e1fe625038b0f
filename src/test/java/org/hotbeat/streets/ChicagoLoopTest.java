package org.hotbeat.streets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hotbeat.HotbeatException;
import org.hotbeat.Progress;
import org.hotbeat.geo.LonLat;
import org.hotbeat.geo.TileCoord;
import org.hotbeat.testing.PostgisExtension;
import org.hotbeat.testing.TestDirs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The real Chicago Loop extract ({@code ../shared/data/chicago/osm/chicago_loop.osm.pbf}), skipped
 * when it is absent. Its relations (the lake shore, beaches, boundaries) reach from Illinois to
 * Michigan, and it holds footways indoors and pieces cut at its edge: none of that may become part
 * of the graph or the basemap.
 */
class ChicagoLoopTest {
  static final Path LOOP = Path.of("../shared/data/chicago/osm/chicago_loop.osm.pbf");
  /** The street network's box according to the data's README, with a little margin. */
  static final double[] STREET_BOX = {-87.645, 41.855, -87.605, 41.897};

  @RegisterExtension static final PostgisExtension db = new PostgisExtension();
  private static Path work;
  private static StreetImport loop;
  private static StreetRepository streets;
  private static StreetNetwork network;

  @BeforeAll
  static void importLoop() {
    assumeTrue(Files.isReadable(LOOP), "the Chicago Loop extract is not at " + LOOP);
    work = TestDirs.fresh("chicago-loop");
    streets = new StreetRepository(db.dataSource());
    loop = new StreetImporter(db.dataSource(), work.resolve("graph"))
        .importFile(LOOP, Progress.NONE);
    network = new StreetNetwork(streets, work.resolve("graph"));
  }

  @Test
  void theGraphAndTheBasemapStayInsideTheLoop() throws Exception {
    double[] b = loop.bounds();
    assertTrue(b[0] >= STREET_BOX[0] && b[1] >= STREET_BOX[1] && b[2] <= STREET_BOX[2]
        && b[3] <= STREET_BOX[3], java.util.Arrays.toString(b));
    assertTrue(loop.streetEdges() > 15_000, loop.toString());
    assertTrue(loop.fragments() > 50, "stray pieces found and left out: " + loop.fragments());
    assertTrue(loop.fragmentMetres() < 0.1 * 400_000, "fragments are small next to the network");
    assertEquals(loop.streetEdges(), db.count("street"));
  }

  @Test
  void driveAndWalkAcrossTheLoop() throws Exception {
    StreetRouter router = network.router();
    LonLat cityHall = LonLat.of(-87.6321, 41.8837);
    LonLat artInstitute = LonLat.of(-87.6237, 41.8796);
    StreetRouter.Route car = router.route(TravelMode.CAR, cityHall, artInstitute);
    StreetRouter.Route foot = router.route(TravelMode.FOOT, cityHall, artInstitute);
    assertTrue(car.metres() > 700 && car.metres() < 3000, "car " + car.metres());
    assertTrue(foot.metres() > 700 && foot.metres() < 2000, "foot " + foot.metres());
    assertTrue(foot.seconds() > car.seconds());
  }

  @Test
  void oneToManyTimesAndTheMatrixMatchRoutesOnTheRealGraph() throws Exception {
    StreetRouter router = network.router();
    java.util.Random random = new java.util.Random(7);
    List<LonLat> points = new java.util.ArrayList<>();
    while (points.size() < 12) {
      LonLat p = LonLat.of(-87.638 + random.nextDouble() * 0.026,
          41.862 + random.nextDouble() * 0.028);
      try {
        router.route(TravelMode.CAR, p, p);
        points.add(p);
      } catch (OffNetworkException e) {
        // in a park or the river: draw another
      }
    }
    for (TravelMode mode : TravelMode.values()) {
      StreetRouter.Matrix matrix = router.matrix(mode, points, points);
      for (int i = 0; i < points.size(); i++) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(
            router.travelTimes(mode, points.get(i), points).seconds(), matrix.seconds()[i], 1e-9);
      }
      LonLat from = points.get(0);
      StreetRouter.TravelTimes times = router.travelTimes(mode, from, points.subList(1, 12));
      for (int i = 1; i < 12; i++) {
        StreetRouter.Route route = router.route(mode, from, points.get(i));
        assertEquals(route.seconds(), times.seconds()[i - 1], 1.0, mode + " to " + points.get(i));
      }
    }
  }

  @Test
  void theHierarchyMatrixEqualsDijkstraOnTheRealGraph() throws Exception {
    StreetRouter router = network.router();
    java.util.Random random = new java.util.Random(11);
    for (TravelMode mode : TravelMode.values()) {
      List<LonLat> points = new java.util.ArrayList<>();
      while (points.size() < 48) {
        LonLat p = LonLat.of(-87.638 + random.nextDouble() * 0.026,
            41.862 + random.nextDouble() * 0.028);
        try {
          router.snap(mode, p);
          points.add(p);
        } catch (OffNetworkException e) {
          // in a park or the river: draw another
        }
      }
      HierarchyMatrixTest.assertSameMatrix((GraphHopperRouter) router, mode, points);
    }
  }

  @Test
  void aPointInTheLakeIsOffTheNetwork() throws Exception {
    StreetRouter router = network.router();
    assertThrows(OffNetworkException.class, () -> router.route(TravelMode.CAR,
        LonLat.of(-87.595, 41.88), LonLat.of(-87.6321, 41.8837)));
  }

  @Test
  void basemapTilesOfTheLoopHaveStreets() throws Exception {
    // The Loop at zoom 14 and 16; the outskirts of the extract's bounding box at zoom 10.
    assertTrue(streets.tile(new TileCoord(14, 4203, 6089)).length > 1000);
    assertTrue(streets.tile(new TileCoord(16, 16815, 24357)).length > 100);
    assertEquals(0, streets.tile(new TileCoord(10, 260, 377)).length, "nothing out west near the Fox River");
  }

  @Test
  void aTruncatedExtractIsRefusedAndTheLoopStaysInService() throws Exception {
    Path half = work.resolve("half.osm.pbf");
    try (InputStream in = Files.newInputStream(LOOP); OutputStream out = Files.newOutputStream(half)) {
      out.write(in.readNBytes((int) (Files.size(LOOP) / 2)));
    }
    StreetImporter importer = new StreetImporter(db.dataSource(), work.resolve("graph"));
    HotbeatException e = assertThrows(HotbeatException.class,
        () -> importer.importFile(half, Progress.NONE));
    assertTrue(e.getMessage().contains("cannot read " + half), e.getMessage());
    assertTrue(e.getMessage().contains("ends in the middle of its data"), e.getMessage());
    assertEquals(loop.id(), streets.current().orElseThrow().id());
    network.router().route(TravelMode.FOOT, LonLat.of(-87.6321, 41.8837),
        LonLat.of(-87.6237, 41.8796));
  }
}
