package org.hotbeat.density;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** The engine against the exact kernel sum ({@link DirectSum}) on made-up point sets. */
class DensityEngineTest {
  private final DensityEngine engine = new DensityEngine();

  /** A few tight clusters and some scatter in a 2 km square. */
  static Points clustered(int n, long seed) {
    Random r = new Random(seed);
    double[] xs = new double[n];
    double[] ys = new double[n];
    for (int i = 0; i < n; i++) {
      if (i % 3 == 0) {
        xs[i] = r.nextDouble() * 2000;
        ys[i] = r.nextDouble() * 2000;
      } else {
        int c = i % 5;
        xs[i] = 300 + 350 * c + r.nextGaussian() * 40;
        ys[i] = 1700 - 300 * c + r.nextGaussian() * 40;
      }
    }
    return Points.of(xs, ys);
  }

  /** max |engine − exact| over the grid, as a fraction of the exact peak. */
  static double maxError(DensityGrid grid, DirectSum exact) {
    GridSpec g = grid.spec();
    double worst = 0;
    double peak = 0;
    for (int row = 0; row < g.height(); row++) {
      for (int col = 0; col < g.width(); col++) {
        double truth = exact.at(g.centreX(col), g.centreY(row)) * 1e6;
        peak = Math.max(peak, truth);
        worst = Math.max(worst, Math.abs(grid.get(col, row) - truth));
      }
    }
    return worst / peak;
  }

  @ParameterizedTest(name = "{0}, cell/bandwidth {1}: error ≤ {2} of the peak")
  @CsvSource({
      // kernel,     cell/h, tolerance   (h = 100 m; for compact kernels h is the radius)
      "GAUSSIAN,     0.4,    2e-3",
      "GAUSSIAN,     0.2,    2e-4",
      "GAUSSIAN,     0.1,    2e-5",
      "GAUSSIAN,     0.05,   1e-5",   // finer than σ/10: computed at σ/10 and interpolated
      "QUARTIC,      0.2,    2e-3",
      "QUARTIC,      0.1,    5e-4",
      "QUARTIC,      0.05,   1.5e-4",
      "EPANECHNIKOV, 0.1,    3e-3",
      "EPANECHNIKOV, 0.05,   1e-3",
  })
  void binningErrorFallsWithCellOverBandwidth(Kernel kernel, double ratio, double tolerance) {
    Points points = clustered(3000, 1);
    double h = 100;
    double cell = ratio * h;
    int n = (int) Math.round(2000 / cell);
    DensityGrid grid = engine.compute(DensityRequest.of(points, new GridSpec(0, 0, cell, n, n), kernel, h));
    double error = maxError(grid, new DirectSum(points, kernel, h));
    System.out.printf("%s cell/h %.2f: max error %.2e of the peak%n", kernel, ratio, error);
    assertTrue(error <= tolerance, kernel + " at cell/h " + ratio + ": " + error);
  }

  @ParameterizedTest(name = "Gaussian, cell/σ {0}: refined grid within {1} of the peak")
  @CsvSource({"0.05, 1e-5", "0.03, 1e-5", "0.01, 1e-5"})
  void refinedGaussianOnFineCellsStaysCloseToTheExactSum(double ratio, double tolerance) {
    Points points = clustered(3000, 1);
    double sigma = 100;
    double cell = ratio * sigma;
    assertTrue(Refinement.factor(Kernel.GAUSSIAN, sigma, cell) > 1, "this grid is refined");
    int n = (int) Math.round(1000 / cell);
    GridSpec spec = new GridSpec(200, 700, cell, n, n);
    DensityGrid grid = engine.compute(DensityRequest.of(points, spec, Kernel.GAUSSIAN, sigma));
    DirectSum exact = new DirectSum(points, Kernel.GAUSSIAN, sigma);
    double worst = 0;
    double peak = 0;
    for (int row = 0; row < n; row += 7) {
      for (int col = 0; col < n; col += 5) {
        double truth = exact.at(spec.centreX(col), spec.centreY(row)) * 1e6;
        peak = Math.max(peak, truth);
        worst = Math.max(worst, Math.abs(grid.get(col, row) - truth));
      }
    }
    System.out.printf("refined Gaussian cell/σ %.2f: max error %.2e of the peak%n", ratio, worst / peak);
    assertTrue(worst / peak <= tolerance, "cell/σ " + ratio + ": " + worst / peak);
  }

  @ParameterizedTest
  @EnumSource(Kernel.class)
  void aGridCoveringAllMassIntegratesToThePointCount(Kernel kernel) {
    Points points = clustered(500, 2);
    double h = kernel == Kernel.GAUSSIAN ? 50 : 150;
    GridSpec grid = new GridSpec(-500, -500, 10, 300, 300);
    DensityGrid d = engine.compute(DensityRequest.of(points, grid, kernel, h));
    double tolerance = kernel == Kernel.UNIFORM ? 2e-2 : 1e-3;
    assertEquals(500, d.integral(), 500 * tolerance, kernel.name());
  }

  @Test
  void pointsBeyondTheGridWithinReachStillCount() {
    Points points = Points.of(new double[] {-150}, new double[] {50});
    DensityGrid d = engine.compute(DensityRequest.of(points, new GridSpec(0, 0, 10, 10, 10), Kernel.QUARTIC, 200));
    double exact = new DirectSum(points, Kernel.QUARTIC, 200).at(5, 45) * 1e6;
    assertEquals(exact, d.get(0, 5), exact * 1e-3);
  }

  @ParameterizedTest(name = "{0} of {1} m on {2} m cells")
  @CsvSource({"QUARTIC, 120, 8", "GAUSSIAN, 40, 8", "GAUSSIAN, 100, 2.5"})
  void adjacentGridsJoinWithoutSeams(Kernel kernel, double bandwidth, double cell) {
    // 103 columns: not a multiple of a refined Gaussian's coarsening factor (4 for 100 m on 2.5 m).
    Points points = clustered(2000, 3);
    double east0 = 103 * cell;
    DensityGrid whole = engine.compute(DensityRequest.of(points, new GridSpec(0, 0, cell, 206, 100), kernel, bandwidth));
    DensityGrid west = engine.compute(DensityRequest.of(points, new GridSpec(0, 0, cell, 103, 100), kernel, bandwidth));
    DensityGrid east = engine.compute(DensityRequest.of(points, new GridSpec(east0, 0, cell, 103, 100), kernel, bandwidth));
    for (int row = 0; row < 100; row++) {
      for (int col = 0; col < 103; col++) {
        assertEquals(whole.get(col, row), west.get(col, row), 1e-6 * whole.max());
        assertEquals(whole.get(col + 103, row), east.get(col, row), 1e-6 * whole.max());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Kernel.class)
  void separableDirectAndFftConvolutionsAgree(Kernel kernel) {
    Points points = clustered(800, 4);
    GridSpec grid = new GridSpec(0, 0, 20, 100, 100);
    int reach = Convolution.reachCells(kernel, 150, 20);
    Lattice binned = Lattice.around(grid, reach + 3);
    Binning.bin(points, binned, null, null);
    Convolution conv = new Convolution(kernel, 150, reach);
    Lattice direct = conv.direct(binned, reach + 3);
    Lattice fft = conv.fft(binned, reach + 3);
    double max = java.util.Arrays.stream(direct.v).max().orElseThrow();
    for (int i = 0; i < direct.v.length; i++) {
      assertEquals(direct.v[i], fft.v[i], 1e-10 * max);
    }
    if (!kernel.isCompact()) {
      Lattice sep = conv.separable(binned, reach + 3);
      for (int i = 0; i < direct.v.length; i++) {
        assertEquals(direct.v[i], sep.v[i], 1e-10 * max);
      }
    }
  }

  @Test
  void weightsAndPeriodsScaleTheDensity() {
    Points one = Points.of(new double[] {500}, new double[] {500});
    Points heavy = Points.weighted(new double[] {500}, new double[] {500}, new double[] {3});
    GridSpec grid = new GridSpec(0, 0, 10, 100, 100);
    DensityGrid a = engine.compute(DensityRequest.of(one, grid, Kernel.GAUSSIAN, 100));
    DensityGrid b = engine.compute(DensityRequest.of(heavy, grid, Kernel.GAUSSIAN, 100).perPeriods(12));
    assertEquals(a.get(50, 50) * 3 / 12, b.get(50, 50), 1e-6 * a.get(50, 50));
    // A lone point's peak is 1/(2πσ²) per m²: 15.9 per km² for σ = 100 m, cell centre 5 m off.
    assertEquals(1e6 / (2 * Math.PI * 100 * 100) * Math.exp(-50.0 / 20000), a.get(50, 49), 1e-3);
  }

  @Test
  void studyAreaZeroesCellsOutsideAndIgnoresPointsOutside() {
    Geometry area = new GeometryFactory().toGeometry(new Envelope(0, 500, 0, 1000));
    Points points = Points.of(new double[] {250, 750}, new double[] {500, 500});
    GridSpec grid = new GridSpec(0, 0, 10, 100, 100);
    DensityGrid d = engine.compute(DensityRequest.of(points, grid, Kernel.QUARTIC, 300)
        .withStudyArea(area, EdgeCorrection.NONE));
    assertEquals(0, d.get(60, 50));
    double onlyWest = new DirectSum(Points.of(new double[] {250}, new double[] {500}), Kernel.QUARTIC, 300)
        .at(495, 505) * 1e6;
    assertEquals(onlyWest, d.get(49, 49), onlyWest * 1e-3);
  }

  @Test
  void cellsInAHoleOfTheStudyAreaAreZeroAndUniformCorrectionRaisesCellsNearItsEdge() throws Exception {
    // A 1 km square with a 200 m square hole in the middle; points spread evenly over the square.
    Geometry area = new org.locationtech.jts.io.WKTReader().read(
        "POLYGON ((0 0, 1000 0, 1000 1000, 0 1000, 0 0), (400 400, 600 400, 600 600, 400 600, 400 400))");
    Random r = new Random(6);
    double[] xs = new double[4000];
    double[] ys = new double[4000];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = r.nextDouble() * 1000;
      ys[i] = r.nextDouble() * 1000;
    }
    GridSpec grid = new GridSpec(0, 0, 10, 100, 100);
    DensityRequest plain = DensityRequest.of(Points.of(xs, ys), grid, Kernel.QUARTIC, 150)
        .withStudyArea(area, EdgeCorrection.NONE);
    DensityGrid none = engine.compute(plain);
    DensityGrid uniform = engine.compute(plain.withStudyArea(area, EdgeCorrection.UNIFORM));
    assertEquals(0, none.get(50, 50));
    assertEquals(0, uniform.get(50, 50));
    // At a corner a quarter of the kernel is inside: the uncorrected estimate is about a
    // quarter of the true 4000 per km², the corrected one close to it.
    assertTrue(none.get(0, 99) < 0.4 * 4000, "uncorrected corner " + none.get(0, 99));
    assertEquals(4000, uniform.get(0, 99), 4000 * 0.25);
    assertEquals(4000, uniform.get(50, 20), 4000 * 0.15);
  }

  @Test
  void jonesDiggleKeepsTheTotalMassInsideTheStudyArea() {
    Geometry area = new GeometryFactory().createPolygon(new org.locationtech.jts.geom.Coordinate[] {
        new org.locationtech.jts.geom.Coordinate(0, 0), new org.locationtech.jts.geom.Coordinate(2000, 0),
        new org.locationtech.jts.geom.Coordinate(2000, 2000), new org.locationtech.jts.geom.Coordinate(0, 0)});
    Points points = clustered(1500, 5);
    DensityGrid d = engine.compute(DensityRequest.of(points, new GridSpec(0, 0, 10, 200, 200), Kernel.GAUSSIAN, 60)
        .withStudyArea(area, EdgeCorrection.JONES_DIGGLE));
    int inside = 0;
    for (int i = 0; i < points.size(); i++) {
      inside += area.contains(new GeometryFactory().createPoint(
          new org.locationtech.jts.geom.Coordinate(points.x(i), points.y(i)))) ? 1 : 0;
    }
    assertEquals(inside, d.integral(), inside * 1e-2);
  }
}
