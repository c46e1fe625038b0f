package org.hotbeat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.hotbeat.community.CommunityFixture;
import org.hotbeat.testing.PostgisExtension;
import org.hotbeat.testing.TestDirs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code hotbeat assess} on {@link CommunityFixture}'s beats. */
class AssessCommandTest {
  @RegisterExtension static final PostgisExtension db = new PostgisExtension();
  private static Map<String, String> env;
  private static Path dir;

  @BeforeAll
  static void setUp() throws Exception {
    CommunityFixture.load(db.dataSource());
    env = Map.of("HOTBEAT_DB_URL", db.jdbcUrl(), "HOTBEAT_DB_PASSWORD", db.password());
    dir = TestDirs.fresh("assess-command");
  }

  private static HotbeatCommandTest.Run assess(String response, String control, String... more) {
    String[] base = {"assess", "--response", response, "--buffer-m", "200", "--control", control,
        "--before", CommunityFixture.BEFORE, "--after", CommunityFixture.AFTER,
        "--categories", "theft"};
    String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return HotbeatCommandTest.run(env, args);
  }

  @Test
  void printsTheCountsAndMeasuresAndDrawsThePlot() throws Exception {
    Path svg = dir.resolve("plot.svg");
    HotbeatCommandTest.Run r = assess("R", "C", "--plot", svg.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().matches("(?s).*response +beat R +[0-9.]+ +11 +5\\n.*"), r.out());
    assertTrue(r.out().contains("WDQ                  -0.3333"), r.out());
    assertTrue(r.out().contains("relative effect size 2.2000"), r.out());
    assertTrue(Files.readString(svg).contains("response starts 2017-04-01"));
  }

  @Test
  void takesAPolygonFileAndWritesJson() throws Exception {
    Path square = dir.resolve("square.geojson");
    Files.writeString(square, "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":"
        + "\"Polygon\",\"coordinates\":[[[0,0],[0.01,0],[0.01,0.01],[0,0.01],[0,0]]]}}");
    HotbeatCommandTest.Run r = assess(square.toString(), "C", "--format", "json");
    assertEquals(0, r.code(), r.err());
    JsonNode a = new ObjectMapper().readTree(r.out());
    assertEquals(11, a.at("/areas/response/before").asLong());
    assertEquals(-1 / 3.0, a.at("/wdq/wdq/value").asDouble(), 1e-12);
  }

  @Test
  void overlapsAndUnequalPeriodsEndInOneClearLine() {
    HotbeatCommandTest.Run r = assess("R", "N");
    assertEquals(1, r.code());
    assertTrue(r.err().startsWith("hotbeat: control: the control area (beat N) overlaps the "
        + "buffer"), r.err());
    HotbeatCommandTest.Run p = HotbeatCommandTest.run(env, "assess", "--response", "R",
        "--buffer-m", "200", "--control", "C", "--before", "2017-01-01/2017-04-01", "--after",
        "2017-04-01/2017-07-01");
    assertEquals(1, p.code());
    assertTrue(p.err().contains("--normalise"), p.err());
  }
}
