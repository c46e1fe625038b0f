package org.hotbeat.density;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Our engine against every spatstat reference grid in {@code ../shared/reference/}: the
 * {@code exact} column (the estimator summed exactly at each pixel centre) is the target. The
 * issue's bar is max |ours − exact| ≤ 1e-3 × max(exact) for step/σ ≤ 0.2; each row holds a
 * tighter tolerance, about twice what was measured, to catch regressions. spatstat's own
 * {@code value} misses the same target by 0.05–3.7 % of the peak (nearest-pixel binning); the
 * test prints both.
 */
class SpatstatAccuracyTest {
  private final DensityEngine engine = new DensityEngine();

  @ParameterizedTest(name = "{0}: max error ≤ {6} of the peak")
  @CsvSource({
      // file,                                                pattern,   kernel,   sigma, edge,         nx,  ny, tolerance
      "kde_bei_gaussian_sigma25_200x100_noedge.csv,           bei,       GAUSSIAN, 25,   NONE,         200, 100, 2e-4",
      "kde_bei_gaussian_sigma50_200x100_noedge.csv,           bei,       GAUSSIAN, 50,   NONE,         200, 100, 2e-5",
      "kde_bei_gaussian_sigma50_200x100_edge-uniform.csv,     bei,       GAUSSIAN, 50,   UNIFORM,      200, 100, 3e-4",
      "kde_bei_gaussian_sigma50_200x100_edge-jonesdiggle.csv, bei,       GAUSSIAN, 50,   JONES_DIGGLE, 200, 100, 3e-4",
      "kde_bei_quartic_sigma25_200x100_noedge.csv,            bei,       QUARTIC,  25,   NONE,         200, 100, 5e-4",
      "kde_bei_gaussian_sigma25_500x250_noedge.csv.gz,        bei,       GAUSSIAN, 25,   NONE,         500, 250, 1e-5",
      "kde_lansing_gaussian_sigma10_128x128_noedge.csv,       lansing,   GAUSSIAN, 10,   NONE,         128, 128, 2e-4",
      "kde_lansing_gaussian_sigma25_128x128_noedge.csv,       lansing,   GAUSSIAN, 25,   NONE,         128, 128, 1e-5",
      "kde_redwood_gaussian_sigma0.05_128x128_noedge.csv,     redwood,   GAUSSIAN, 0.05, NONE,         128, 128, 1e-4",
      "kde_redwood_gaussian_sigma0.1_128x128_noedge.csv,      redwood,   GAUSSIAN, 0.1,  NONE,         128, 128, 1e-5",
      "kde_synthetic_gaussian_sigma250_400x320_noedge.csv.gz, synthetic, GAUSSIAN, 250,  NONE,         400, 320, 1e-5",
      "kde_synthetic_gaussian_sigma500_400x320_noedge.csv.gz, synthetic, GAUSSIAN, 500,  NONE,         400, 320, 1e-5",
  })
  void matchesSpatstatExactSumWithinATenthOfAPercentOfThePeak(String file, String pattern,
      Kernel kernel, double sigma, EdgeCorrection edge, int nx, int ny, double tolerance) {
    SpatstatReference.KdeGrid ref = SpatstatReference.kde(file, pattern, nx, ny);
    DensityRequest req = DensityRequest.of(SpatstatReference.points(pattern), ref.spec(), kernel,
        kernel.bandwidthForSd(sigma));
    if (edge != EdgeCorrection.NONE) {
      req = req.withStudyArea(SpatstatReference.windowPolygon(pattern), edge);
    }
    DensityGrid ours = engine.compute(req);

    double peak = ref.maxExact();
    double worst = 0;
    double spatstat = 0;
    for (int row = 0; row < ny; row++) {
      for (int col = 0; col < nx; col++) {
        int k = ref.index(col, row);
        double exact = ref.exact()[k] * 1e6;
        worst = Math.max(worst, Math.abs(ours.get(col, row) - exact));
        spatstat = Math.max(spatstat, Math.abs(ref.value()[k] * 1e6 - exact));
      }
    }
    double relative = worst / (peak * 1e6);
    System.out.printf("%s: ours %.2e, spatstat %.2e of the peak%n", file, relative, spatstat / (peak * 1e6));
    assertTrue(relative <= tolerance, file + ": max |ours − exact| = " + relative + " of the peak");
  }
}
