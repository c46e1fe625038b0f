package org.hotbeat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.hotbeat.testing.TestDirs;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code hotbeat evaluate} on the committed Loop excerpt: no database needed. */
class EvaluateCommandTest {
  private static final String LOOP = "data/demo/chicago-loop/incidents_2016_2017.csv";

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cl = HotbeatCommand.commandLine(Map.of());
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    PrintStream old = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      return new Run(cl.execute(args), out.toString(StandardCharsets.UTF_8), err.toString());
    } finally {
      System.setOut(old);
    }
  }

  @Test
  void scoresEveryMethodAndDrawsTheCurves() throws Exception {
    Path svg = TestDirs.fresh("evaluate").resolve("curves.svg");
    Run r = run("evaluate", "--incidents", LOOP, "--mapping", "chicago", "--train-from",
        "2016-01-01", "--train-to", "2017-01-01", "--test-from", "2017-01-01", "--test-to",
        "2017-04-01", "--cell", "100", "--plot", svg.toString());
    assertEquals(0, r.code(), r.err());
    for (String m : new String[] {"naive", "default", "kde", "prospective", "kde-wide"}) {
      assertTrue(r.out().contains("\n" + m + " "), r.out());
    }
    assertTrue(Files.readString(svg).startsWith("<svg"));
    Run json = run("evaluate", "--incidents", LOOP, "--mapping", "chicago", "--train-from",
        "2016-01-01", "--train-to", "2017-01-01", "--test-from", "2017-01-01", "--test-to",
        "2017-04-01", "--method", "naive", "--format", "json");
    assertTrue(json.out().contains("\"hitRateCurve\""), json.out());
  }

  @Test
  void overlappingPeriodsAndUnknownMethodsAreRefused() {
    Run overlap = run("evaluate", "--incidents", LOOP, "--mapping", "chicago", "--train-from",
        "2016-01-01", "--train-to", "2017-02-01", "--test-from", "2017-01-01", "--test-to",
        "2017-04-01");
    assertEquals(1, overlap.code());
    assertTrue(overlap.err().contains("the test period overlaps the training period"),
        overlap.err());
    Run unknown = run("evaluate", "--incidents", LOOP, "--train-from", "2016-01-01",
        "--train-to", "2017-01-01", "--test-from", "2017-01-01", "--test-to", "2017-04-01",
        "--method", "crystal-ball");
    assertEquals(1, unknown.code());
    assertTrue(unknown.err().contains("unknown method 'crystal-ball'"), unknown.err());
    Run empty = run("evaluate", "--incidents", LOOP, "--mapping", "chicago", "--train-from",
        "1990-01-01", "--train-to", "1991-01-01", "--test-from", "1991-01-01", "--test-to",
        "1991-04-01");
    assertEquals(1, empty.code());
  }

  @Test
  void aBoundaryFileAndACategoryNarrowTheStudy() throws Exception {
    // The western half of the Loop excerpt (lon −87.640 to −87.625).
    Path west = TestDirs.fresh("evaluate-boundary").resolve("west.geojson");
    Files.writeString(west, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":"
        + "\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
        + "[[[-87.640,41.858],[-87.625,41.858],[-87.625,41.894],[-87.640,41.894],"
        + "[-87.640,41.858]]]}}]}");
    String[] base = {"evaluate", "--incidents", LOOP, "--mapping", "chicago", "--train-from",
        "2016-01-01", "--train-to", "2017-01-01", "--test-from", "2017-01-01", "--test-to",
        "2017-04-01", "--method", "naive"};
    Run all = run(base);
    Run r = run(concat(base, "--boundary", west.toString(), "--category", "theft"));
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("categories theft; study area: " + west), r.out());
    assertTrue(training(r.out()) < training(all.out()), r.out() + all.out());
    Run bad = run(concat(base, "--boundary", "nowhere.geojson"));
    assertEquals(1, bad.code());
    assertTrue(bad.err().contains("beat codes need --from-db"), bad.err());
    Run few = run(concat(base, "--category", "homicide"));
    assertEquals(1, few.code());
    assertTrue(few.err().contains("at least 30 training and 10 test incidents"), few.err());
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** The training count from the table's second line. */
  private static int training(String out) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("; (\\d+) training").matcher(out);
    assertTrue(m.find(), out);
    return Integer.parseInt(m.group(1));
  }
}
