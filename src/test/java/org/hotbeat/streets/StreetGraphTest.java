package org.hotbeat.streets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hotbeat.geo.LonLat;
import org.hotbeat.testing.TestDirs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The street graph on the hand-drawn town of {@code little-town.osm} (about 83 m between columns,
 * 111 m between rows):
 *
 * <pre>
 *          Lake Street (residential)
 *        1 ---------- 2 ---------- 3
 *        |            |            |
 *  Wells |       Main | one-way    | Wabash
 *        |            v (primary)  |
 *        4 ---------- 5 ---------- 6          9 ~~~~ 10   "Stray Path": a footway that
 *          Market Street (secondary)                       touches nothing else
 *                     :
 *                     : footway
 *                     7
 * </pre>
 */
class StreetGraphTest {
  static final Path TOWN = Path.of("src/test/resources/streets/little-town.osm");
  static final LonLat N1 = LonLat.of(-87.630, 41.882);
  static final LonLat N2 = LonLat.of(-87.629, 41.882);
  static final LonLat N5 = LonLat.of(-87.629, 41.881);
  static final LonLat N7 = LonLat.of(-87.629, 41.880);

  private static StreetGraph graph;

  @BeforeAll
  static void build() {
    graph = StreetGraph.build(TOWN, TestDirs.fresh("street-graph").resolve("graph"));
  }

  @AfterAll
  static void close() {
    graph.close();
  }

  private static Map<String, List<StreetSegment>> segmentsByName() {
    List<StreetSegment> all = new ArrayList<>();
    graph.forEachSegment(all::add);
    return all.stream().collect(Collectors.groupingBy(s -> s.name() == null ? "" : s.name()));
  }

  @Test
  void aPointFourHundredFiftyMetresFromTheNearestStreetStillSnaps() {
    // 450 m north of Lake Street, far more than the location index's 50 m cells.
    LonLat far = LonLat.of(N2.lon(), N2.lat() + 450 / 111_195.0);
    LonLat snapped = graph.router().snap(TravelMode.CAR, far);
    assertEquals(N2.lat(), snapped.lat(), 1e-5);
    assertEquals(N2.lon(), snapped.lon(), 1e-5);
    StreetRouter.Matrix m = graph.router().matrix(TravelMode.CAR, List.of(far, N2), List.of(N5));
    assertEquals(m.seconds()[1][0], m.seconds()[0][0], 1e-3, "it travels from where it snapped");
    // Outside the graph's bounding box: routes start where the point snaps (was a 500).
    assertEquals(graph.router().route(TravelMode.CAR, N2, N5).seconds(),
        graph.router().route(TravelMode.CAR, far, N5).seconds(), 1e-3);
  }

  @Test
  void theStrayFootwayIsLeftOutAndCounted() {
    MainNetwork.Result network = graph.network();
    assertEquals(8, network.streetEdges(), network.toString());
    assertEquals(1, network.fragments());
    assertEquals(1, network.fragmentEdges());
    assertEquals(83, network.fragmentMetres(), 1);
    assertFalse(segmentsByName().containsKey("Stray Path"));
  }

  @Test
  void segmentsCarryClassNameAndOneWayAlongTheirGeometry() {
    Map<String, List<StreetSegment>> byName = segmentsByName();
    assertEquals(Map.of("Lake Street", 2, "Market Street", 2, "Main Street", 1, "Wells Street", 1,
        "Wabash Avenue", 1, "", 1), byName.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().size())));
    StreetSegment main = byName.get("Main Street").get(0);
    assertEquals("primary", main.roadClass());
    assertTrue(main.oneway());
    assertEquals(41.882, main.geometry().getCoordinateN(0).y, 1e-6, "drawn from 2 towards 5");
    assertEquals(41.881, main.geometry().getCoordinateN(1).y, 1e-6);
    StreetSegment footway = byName.get("").get(0);
    assertEquals("footway", footway.roadClass());
    assertTrue(footway.foot());
    assertFalse(footway.car());
    assertFalse(footway.oneway());
    assertEquals(15, footway.minZoom());
    StreetSegment lake = byName.get("Lake Street").get(0);
    assertEquals("residential", lake.roadClass());
    assertTrue(lake.car() && lake.foot() && !lake.oneway());
    assertEquals("road", lake.environment());
    assertNull(byName.get("Market Street").stream().filter(StreetSegment::link).findAny()
        .orElse(null));
  }

  @Test
  void carsGoRoundTheOneWayStreetAndPedestriansDoNot() {
    StreetRouter router = graph.router();
    StreetRouter.Route down = router.route(TravelMode.CAR, N2, N5);
    StreetRouter.Route up = router.route(TravelMode.CAR, N5, N2);
    assertEquals(111, down.metres(), 2);
    assertEquals(83 + 111 + 83, up.metres(), 3, "5 → 4 → 1 → 2 or 5 → 6 → 3 → 2");
    StreetRouter.Route walkUp = router.route(TravelMode.FOOT, N5, N2);
    assertEquals(111, walkUp.metres(), 2);
    assertTrue(walkUp.seconds() > up.seconds(), "walking is slower than driving round");
    assertEquals(N5.lon(), walkUp.geometry().getCoordinateN(0).x, 1e-6);
  }

  @Test
  void oneToManyTravelTimesEqualSingleRoutes() {
    StreetRouter router = graph.router();
    List<LonLat> targets = List.of(N1, N2, N5, N7, LonLat.of(-87.6285, 41.8815), N2);
    for (TravelMode mode : TravelMode.values()) {
      for (LonLat from : List.of(N5, N1, LonLat.of(-87.6295, 41.882))) {
        StreetRouter.TravelTimes times = router.travelTimes(mode, from, targets);
        assertEquals(targets.size(), times.size());
        for (int i = 0; i < targets.size(); i++) {
          StreetRouter.Route route = router.route(mode, from, targets.get(i));
          assertEquals(route.seconds(), times.seconds()[i], 0.01, mode + " " + from + " → "
              + targets.get(i));
          assertEquals(route.metres(), times.metres()[i], 0.5);
        }
      }
    }
  }

  @Test
  void theMatrixHasOneToManyTimesInEveryRow() {
    StreetRouter router = graph.router();
    List<LonLat> points = List.of(N1, N2, N5, N7, N2);
    for (TravelMode mode : TravelMode.values()) {
      StreetRouter.Matrix m = router.matrix(mode, points, points);
      for (int i = 0; i < points.size(); i++) {
        StreetRouter.TravelTimes row = router.travelTimes(mode, points.get(i), points);
        assertArrayEquals(row.seconds(), m.seconds()[i], 1e-9);
        assertArrayEquals(row.metres(), m.metres()[i], 1e-9);
        assertEquals(0, m.seconds()[i][i], 1e-9);
      }
    }
    assertEquals(111, router.matrix(TravelMode.CAR, List.of(N2), List.of(N5)).metres()[0][0], 2);
  }

  @Test
  void aMatrixNamesItsOffNetworkPointOriginsFirst() {
    LonLat lake = LonLat.of(-87.60, 41.88);
    OffNetworkException e = assertThrows(OffNetworkException.class,
        () -> graph.router().matrix(TravelMode.FOOT, List.of(N1, N2), List.of(N5, lake)));
    assertEquals(3, e.index());
  }

  @Test
  void aPointFarFromTheStreetsIsNamedInTheError() {
    StreetRouter router = graph.router();
    LonLat lake = LonLat.of(-87.60, 41.88);
    OffNetworkException e = assertThrows(OffNetworkException.class,
        () -> router.travelTimes(TravelMode.CAR, N1, List.of(N2, lake)));
    assertEquals(2, e.index());
    assertEquals(lake, e.point());
    assertTrue(e.getMessage().contains("[-87.6, 41.88]"), e.getMessage());
    assertThrows(OffNetworkException.class, () -> router.route(TravelMode.FOOT, lake, N1));
  }

  @Test
  void theStrayFootwayIsNotSnappedTo() {
    LonLat onStrayPath = LonLat.of(-87.6195, 41.885);
    OffNetworkException e = assertThrows(OffNetworkException.class,
        () -> graph.router().route(TravelMode.FOOT, onStrayPath, N1));
    assertEquals(0, e.index());
  }

  @Test
  void aLoadedGraphRoutesLikeTheBuiltOne() {
    Path dir = TestDirs.fresh("street-graph-load").resolve("graph");
    StreetGraph.build(TOWN, dir).close();
    try (StreetGraph loaded = StreetGraph.load(dir)) {
      assertNull(loaded.network(), "the clean-up report belongs to the build");
      assertEquals(graph.router().route(TravelMode.CAR, N5, N2).metres(),
          loaded.router().route(TravelMode.CAR, N5, N2).metres(), 1e-6);
    }
  }

  @Test
  void thePbfOfTheTownGivesTheSameGraph() {
    // little-town.osm.pbf is `osmium cat little-town.osm -o little-town.osm.pbf`: it keeps PBF
    // reading under test without ../shared (a protobuf upgrade could break it).
    Path pbf = Path.of("src/test/resources/streets/little-town.osm.pbf");
    try (StreetGraph fromPbf = StreetGraph.build(pbf,
        TestDirs.fresh("street-graph-pbf").resolve("graph"))) {
      assertEquals(graph.network().toString(), fromPbf.network().toString());
      assertEquals(graph.router().route(TravelMode.CAR, N5, N2).metres(),
          fromPbf.router().route(TravelMode.CAR, N5, N2).metres(), 1e-6);
    }
  }

  @ParameterizedTest(name = "{0} link={1} from zoom {2}")
  @CsvSource({"motorway,false,5", "motorway,true,6", "trunk,false,5", "primary,false,8",
      "secondary,false,10", "tertiary,false,11", "residential,false,13", "service,false,14",
      "footway,false,15", "steps,false,15", "footway,true,15", "other,false,15"})
  void minorRoadsAppearAtHigherZooms(String roadClass, boolean link, int zoom) {
    assertEquals(zoom, StreetSegment.minZoom(roadClass, link));
  }

  @ParameterizedTest
  @CsvSource({"car,CAR", "FOOT,FOOT", "' Foot ',FOOT"})
  void travelModesParseCaseInsensitively(String text, TravelMode mode) {
    assertEquals(mode, TravelMode.parse(text));
  }

  @Test
  void anUnknownTravelModeSaysWhichExist() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TravelMode.parse("bike"));
    assertTrue(e.getMessage().contains("car or foot"), e.getMessage());
  }
}
