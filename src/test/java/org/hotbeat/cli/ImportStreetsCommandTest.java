package org.hotbeat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.hotbeat.testing.PostgisExtension;
import org.hotbeat.testing.TestDirs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code hotbeat import streets} as a user runs it, against an external database URL. */
class ImportStreetsCommandTest {
  @RegisterExtension static final PostgisExtension db = new PostgisExtension();
  private static Map<String, String> env;
  private static Path graphDir;

  @BeforeAll
  static void environment() {
    graphDir = TestDirs.fresh("import-streets-command").resolve("graph");
    env = Map.of("HOTBEAT_DB_URL", db.jdbcUrl(), "HOTBEAT_DB_PASSWORD", db.password(),
        "HOTBEAT_GRAPH_DIR", graphDir.toString());
  }

  private static HotbeatCommandTest.Run run(String... args) {
    return HotbeatCommandTest.run(env, args);
  }

  @Test
  void importingTheTownReportsWhatWasKeptAndLeftOut() {
    HotbeatCommandTest.Run r =
        run("import", "streets", "src/test/resources/streets/little-town.osm");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("8 street edges"), r.out());
    assertTrue(r.out().contains("1 stray fragments left out (1 edges, 0.1 km)"), r.out());
    assertTrue(r.out().contains(graphDir.toString()), "HOTBEAT_GRAPH_DIR is used: " + r.out());
  }

  @Test
  void aMissingFileIsOneLineAndExitCodeOne() {
    HotbeatCommandTest.Run r = run("import", "streets", "no/such/loop.osm.pbf");
    assertEquals(1, r.code());
    assertEquals("hotbeat: no such file: no/such/loop.osm.pbf", r.err().strip());
    assertFalse(r.err().contains("\tat "));
  }

  @Test
  void helpNamesTheFileAndTheGraphDirectory() {
    HotbeatCommandTest.Run r = run("import", "streets", "--help");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("FILE") && r.out().contains("--graph-dir"), r.out());
    assertTrue(r.out().contains("--graph-dir=DIR") && r.out().contains("routes on"), r.out());
    HotbeatCommandTest.Run parent = run("import");
    assertTrue(parent.out().contains("streets"), parent.out());
  }
}
