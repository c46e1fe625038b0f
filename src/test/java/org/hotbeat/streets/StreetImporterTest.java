package org.hotbeat.streets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.hotbeat.HotbeatException;
import org.hotbeat.Progress;
import org.hotbeat.geo.LonLat;
import org.hotbeat.store.Database;
import org.hotbeat.testing.PostgisExtension;
import org.hotbeat.testing.TestDirs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Imports of the hand-drawn town ({@link StreetGraphTest}) into a real PostGIS database. */
class StreetImporterTest {
  @RegisterExtension static final PostgisExtension db = new PostgisExtension();

  private Path work;
  private Path graphDir;
  private StreetImporter importer;
  private StreetRepository streets;

  @BeforeEach
  void setUp() {
    work = TestDirs.fresh("street-import");
    graphDir = work.resolve("graph");
    importer = new StreetImporter(db.dataSource(), graphDir);
    streets = new StreetRepository(db.dataSource());
  }

  private List<Path> graphs() throws IOException {
    try (Stream<Path> s = Files.list(graphDir)) {
      return s.sorted().toList();
    }
  }

  @Test
  void anImportWritesTheStreetsAndPutsItsGraphInService() throws Exception {
    StreetImport done = importer.importFile(StreetGraphTest.TOWN, Progress.NONE);
    assertEquals(8, done.streetEdges());
    assertEquals(1, done.fragments());
    assertEquals(8, db.count("street"));
    assertEquals(done.id(), streets.current().orElseThrow().id());
    assertArrayEquals(new double[] {-87.630, 41.880, -87.628, 41.882}, done.bounds(), 1e-6,
        "the stray path at -87.62 is not part of the extent");
    assertEquals(List.of(graphDir.resolve(done.graphName())), graphs());

    StreetRouter router = new StreetNetwork(streets, graphDir).router();
    assertEquals(111, router.route(TravelMode.FOOT, StreetGraphTest.N5, StreetGraphTest.N2)
        .metres(), 2);
  }

  @Test
  void aReImportReplacesStreetsAndGraphAndTheServerSwitches() throws Exception {
    StreetImport first = importer.importFile(StreetGraphTest.TOWN, Progress.NONE);
    StreetNetwork network = new StreetNetwork(streets, graphDir);
    StreetRouter before = network.router();
    StreetImport second = importer.importFile(StreetGraphTest.TOWN, Progress.NONE);
    assertTrue(second.id() > first.id());
    assertNotEquals(first.graphName(), second.graphName());
    assertEquals(8, db.count("street"), "replaced, not added");
    assertEquals(List.of(graphDir.resolve(second.graphName())), graphs(), "old graph removed");
    StreetRouter after = network.router();
    assertNotEquals(before, after, "the network reloads the new graph");
    assertEquals(before.route(TravelMode.CAR, StreetGraphTest.N5, StreetGraphTest.N2).metres(),
        after.route(TravelMode.CAR, StreetGraphTest.N5, StreetGraphTest.N2).metres(), 1e-6,
        "the old router keeps working on its own graph");
  }

  @Test
  void badFilesGiveAClearErrorAndThePreviousStreetsStayInService() throws Exception {
    StreetImport good = importer.importFile(StreetGraphTest.TOWN, Progress.NONE);

    Path notOsm = Files.writeString(work.resolve("incidents.osm.pbf"), "id,date\n1,2017-01-01\n");
    HotbeatException e = assertThrows(HotbeatException.class,
        () -> importer.importFile(notOsm, Progress.NONE));
    assertTrue(e.getMessage().contains("is not an OSM file"), e.getMessage());

    String xml = Files.readString(StreetGraphTest.TOWN);
    Path truncated = Files.writeString(work.resolve("truncated.osm"),
        xml.substring(0, xml.indexOf("<way id=\"102\"") + 20));
    e = assertThrows(HotbeatException.class, () -> importer.importFile(truncated, Progress.NONE));
    assertTrue(e.getMessage().startsWith("cannot read " + truncated + " as OSM data"),
        e.getMessage());
    assertTrue(e.getMessage().contains("previous streets stay in service"), e.getMessage());
    assertTrue(e.getMessage().lines().count() == 1, "one line: " + e.getMessage());

    Path empty = Files.writeString(work.resolve("empty.osm"), "");
    assertThrows(HotbeatException.class, () -> importer.importFile(empty, Progress.NONE));

    Path missing = work.resolve("nowhere.osm.pbf");
    e = assertThrows(HotbeatException.class, () -> importer.importFile(missing, Progress.NONE));
    assertEquals("no such file: " + missing, e.getMessage());

    assertEquals(good.id(), streets.current().orElseThrow().id());
    assertEquals(8, db.count("street"));
    assertEquals(List.of(graphDir.resolve(good.graphName())), graphs(),
        "failed imports leave no graph behind");
    new StreetNetwork(streets, graphDir).router()
        .route(TravelMode.CAR, StreetGraphTest.N1, StreetGraphTest.N5);
  }

  @Test
  void anImportIsRefusedWhileAnotherRuns() throws Exception {
    try (var c = db.dataSource().getConnection();
        var ps = c.prepareStatement("SELECT pg_advisory_lock(?)")) {
      ps.setLong(1, StreetImporter.LOCK_KEY);
      ps.execute();
      HotbeatException e = assertThrows(HotbeatException.class,
          () -> importer.importFile(StreetGraphTest.TOWN, Progress.NONE));
      assertTrue(e.getMessage().startsWith("another street import is running"), e.getMessage());
      try (var unlock = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
        unlock.setLong(1, StreetImporter.LOCK_KEY);
        unlock.execute();
      }
    }
    importer.importFile(StreetGraphTest.TOWN, Progress.NONE);
  }

  @Test
  void aFileWithoutStreetsIsRefused() throws Exception {
    Path noStreets = Files.writeString(work.resolve("river.osm"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <osm version="0.6">
          <node id="1" lat="41.88" lon="-87.63"/>
          <node id="2" lat="41.89" lon="-87.63"/>
          <way id="1"><nd ref="1"/><nd ref="2"/><tag k="waterway" v="river"/></way>
        </osm>
        """);
    var before = streets.current().map(StreetImport::id);
    HotbeatException e = assertThrows(HotbeatException.class,
        () -> importer.importFile(noStreets, Progress.NONE));
    assertTrue(e.getMessage().contains(noStreets.toString()), e.getMessage());
    assertEquals(before, streets.current().map(StreetImport::id));
  }

  @Test
  void routingBeforeAnyImportNamesTheCommandToRun() throws SQLException {
    try (Database fresh = Database.connect(db.newDatabaseUrl(), db.user(), db.password(), 2,
        null)) {
      StreetNetwork network = new StreetNetwork(new StreetRepository(fresh.dataSource()),
          graphDir);
      NoStreetGraphException e = assertThrows(NoStreetGraphException.class, network::router);
      assertTrue(e.getMessage().contains("hotbeat import streets"), e.getMessage());
    }
  }

  @Test
  void aGraphMissingOnThisMachineIsReportedNotCrashed() throws Exception {
    StreetImport done = importer.importFile(StreetGraphTest.TOWN, Progress.NONE);
    StreetNetwork elsewhere = new StreetNetwork(streets, work.resolve("other-machine"));
    NoStreetGraphException e = assertThrows(NoStreetGraphException.class, elsewhere::router);
    assertTrue(e.getMessage().contains("import " + done.id()), e.getMessage());
  }

  @Test
  void routesOnTheImportedTownSnapToTheMainNetwork() throws Exception {
    importer.importFile(StreetGraphTest.TOWN, Progress.NONE);
    StreetRouter router = new StreetNetwork(streets, graphDir).router();
    StreetRouter.TravelTimes t = router.travelTimes(TravelMode.FOOT, StreetGraphTest.N7,
        List.of(StreetGraphTest.N1, LonLat.of(-87.6285, 41.8822)));
    assertEquals(111 + 83 + 111, t.metres()[0], 3);
    assertTrue(t.seconds()[1] > 0);
  }
}
