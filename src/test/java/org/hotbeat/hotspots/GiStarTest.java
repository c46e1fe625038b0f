package org.hotbeat.hotspots;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Gi* against R spdep's {@code localG} in {@code ../shared/reference} (see its README, section 3):
 * the binning of the raw points, the neighbour counts, z, the p-values and the BH adjustment.
 */
class GiStarTest {
  private static final Path REF = Path.of("..", "shared", "reference");
  /** The README promises agreement to 1e-10 in z; the bar is 1e-9. */
  private static final double TOLERANCE = 1e-9;

  private record Table(List<String> header, List<double[]> rows) {
    double[] column(String name) {
      int c = header.indexOf(name);
      return rows.stream().mapToDouble(r -> r[c]).toArray();
    }
  }

  private static Table read(String file) throws IOException {
    Path p = REF.resolve(file);
    assumeTrue(Files.isRegularFile(p), "skipped: " + p + " is not here");
    try (InputStream raw = Files.newInputStream(p);
        BufferedReader in = new BufferedReader(new InputStreamReader(file.endsWith(".gz")
            ? new GZIPInputStream(raw) : raw, StandardCharsets.UTF_8))) {
      List<String> header = Arrays.stream(in.readLine().split(","))
          .map(h -> h.replace("\"", "")).toList();
      List<double[]> rows = new ArrayList<>();
      for (String line; (line = in.readLine()) != null; ) {
        rows.add(Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray());
      }
      return new Table(header, rows);
    }
  }

  @ParameterizedTest(name = "{0} with {3}")
  @CsvSource(textBlock = """
      bei,       gistar_bei_cell20.csv,         20,  queen,    0
      bei,       gistar_bei_cell20.csv,         20,  dband50,  50
      synthetic, gistar_synthetic_cell250.csv, 250,  queen,    0
      synthetic, gistar_synthetic_cell250.csv, 250,  dband600, 600
      """)
  void matchesSpdepLocalG(String pattern, String file, double cell, String scheme,
      double band) throws IOException {
    Table ref = read(file);
    Map<String, double[]> window = windows().get(pattern);
    int ncol = (int) Math.round((window.get("xmax")[0] - window.get("xmin")[0]) / cell);
    int nrow = (int) Math.round((window.get("ymax")[0] - window.get("ymin")[0]) / cell);
    SquareGrid grid = new SquareGrid(window.get("xmin")[0], window.get("ymin")[0], cell, ncol,
        nrow);

    Table points = read("points_" + pattern + (pattern.equals("synthetic") ? ".csv.gz" : ".csv"));
    double[] counts = grid.count(points.column("x"), points.column("y"));
    assertArrayEquals(ref.column("count"), counts, "the floor binning matches spdep's tabulate");

    Neighbours w = band == 0 ? Neighbours.queen(grid) : Neighbours.distanceBand(grid, band);
    double[] nnb = ref.column("nnb_" + scheme);
    for (int i = 0; i < grid.size(); i++) {
      assertEquals(nnb[i], w.of(i).length, "neighbours of cell " + (i + 1));
    }
    GiStar.Result r = GiStar.compute(counts, w, true);
    assertClose(ref.column("z_" + scheme), r.z(), "z");
    assertClose(ref.column("p_" + scheme), r.p(), "p");
    assertClose(ref.column("p_upper_" + scheme), r.pUpper(), "upper-tail p");
    assertClose(ref.column("p_bh_" + scheme), r.pFdr(), "BH-adjusted p");
  }

  @Test
  void beiHasTheDocumentedNumberOfFdrSignificantCells() throws IOException {
    Table ref = read("gistar_bei_cell20.csv");
    SquareGrid grid = new SquareGrid(0, 0, 20, 50, 25);
    GiStar.Result r = GiStar.compute(ref.column("count"), Neighbours.queen(grid), true);
    assertEquals(81, Arrays.stream(r.pFdr()).filter(p -> p < 0.05).count());
    assertEquals(13.84, Arrays.stream(r.z()).max().orElseThrow(), 0.005);
  }

  @Test
  void benjaminiHochbergMatchesRsPAdjust() {
    // R: p.adjust(c(0.01, 0.04, 0.03, 0.5, 0.02), "BH") = 0.05 0.05 0.05 0.50 0.05
    assertArrayEquals(new double[] {0.05, 0.05, 0.05, 0.5, 0.05},
        GiStar.benjaminiHochberg(new double[] {0.01, 0.04, 0.03, 0.5, 0.02}), 1e-15);
  }

  @Test
  void classesFollowArcGisConfidenceBins() {
    // A hot 3 × 3 block (40 each) in the middle of a 7 × 7 grid of ones: its centre has
    // z = (360 − 9·8.16) / (15.10·√7.5) ≈ 6.93, the far corner z ≈ −0.98.
    SquareGrid g = new SquareGrid(0, 0, 1, 7, 7);
    double[] x = new double[49];
    Arrays.fill(x, 1);
    for (int r = 2; r <= 4; r++) {
      for (int c = 2; c <= 4; c++) {
        x[r * 7 + c] = 40;
      }
    }
    GiStar.Result r = GiStar.compute(x, Neighbours.queen(g), false);
    assertEquals(6.93, r.z()[24], 0.01);
    assertEquals(3, r.classes()[24]);
    assertEquals(-0.98, r.z()[0], 0.01);
    assertEquals(0, r.classes()[0]);
  }

  @Test
  void degenerateInputIsRefusedWithAReason() {
    SquareGrid g = new SquareGrid(0, 0, 1, 3, 3);
    assertThrows(IllegalArgumentException.class,
        () -> GiStar.compute(new double[9], Neighbours.queen(g), true));
    assertThrows(IllegalArgumentException.class, () -> new SquareGrid(0, 0, 0, 3, 3));
    assertThrows(IllegalArgumentException.class, () -> Neighbours.distanceBand(g, -1));
  }

  private static void assertClose(double[] expected, double[] actual, String what) {
    double worst = 0;
    int at = -1;
    for (int i = 0; i < expected.length; i++) {
      double d = Math.abs(expected[i] - actual[i]);
      if (d > worst) {
        worst = d;
        at = i;
      }
    }
    System.out.printf("Gi* %s: largest difference from spdep %.3g%n", what, worst);
    assertEquals(0, worst, TOLERANCE, what + ": largest difference " + worst + " at cell "
        + (at + 1));
  }

  private static Map<String, Map<String, double[]>> windows() throws IOException {
    Path p = REF.resolve("windows.csv");
    assumeTrue(Files.isRegularFile(p), "skipped: " + p + " is not here");
    Map<String, Map<String, double[]>> out = new HashMap<>();
    List<String> lines = Files.readAllLines(p);
    String[] header = lines.get(0).replace("\"", "").split(",");
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.replace("\"", "").split(",");
      Map<String, double[]> m = new HashMap<>();
      for (int i = 2; i < 6; i++) {
        m.put(header[i], new double[] {Double.parseDouble(f[i])});
      }
      out.put(f[0], m);
    }
    return out;
  }
}
