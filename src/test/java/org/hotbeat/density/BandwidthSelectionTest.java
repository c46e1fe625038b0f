package org.hotbeat.density;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Geometry;

/** Bandwidth rules and cross-validation against spatstat's {@code bw.*} in ../shared/reference. */
class BandwidthSelectionTest {

  @ParameterizedTest
  @ValueSource(strings = {"bei", "lansing", "redwood", "synthetic"})
  void scottRuleMatchesSpatstatToTwelveDigits(String pattern) {
    Points points = SpatstatReference.points(pattern);
    double[] xy = BandwidthRules.scott(points);
    assertEquals(SpatstatReference.bandwidth(pattern, "bw.scott.x"), xy[0], 1e-12 * xy[0]);
    assertEquals(SpatstatReference.bandwidth(pattern, "bw.scott.y"), xy[1], 1e-12 * xy[1]);
    double iso = SpatstatReference.bandwidth(pattern, "bw.scott.iso");
    assertEquals(iso, BandwidthRules.scottIsotropic(points), 1e-12 * iso);
  }

  @ParameterizedTest
  @ValueSource(strings = {"bei", "lansing", "redwood", "synthetic"})
  void candidatesAreSpatstatsSixteenGeometricSteps(String pattern) {
    double[] ours = CrossValidation.candidates(SpatstatReference.points(pattern),
        SpatstatReference.windowPolygon(pattern));
    double[] theirs = sigmas("bw_criterion_" + pattern + "_ppl.csv");
    assertEquals(theirs.length, ours.length);
    for (int i = 0; i < ours.length; i++) {
      assertEquals(theirs[i], ours[i], 1e-9 * theirs[i], "candidate " + i);
    }
  }

  @ParameterizedTest(name = "{0} {1}: criterion within {2} relative, choice within one step")
  @CsvSource({
      "bei,       ppl, 1e-6",
      "lansing,   ppl, 1e-6",
      "redwood,   ppl, 1e-6",
      "synthetic, ppl, 3e-6",
      "bei,       CvL, 1e-6",
      "lansing,   CvL, 1e-6",
      "redwood,   CvL, 1e-6",
      "synthetic, CvL, 1e-4",
  })
  void crossValidationMatchesSpatstatsCriterionCurve(String pattern, String method, double tolerance) {
    Points points = SpatstatReference.points(pattern);
    Geometry window = SpatstatReference.windowPolygon(pattern);
    String file = "bw_criterion_" + pattern + "_" + method + ".csv";
    double[] sigmas = sigmas(file);
    double[] theirs = column(file, "cv");
    BandwidthSearch ours = method.equals("ppl")
        ? CrossValidation.likelihood(points, window, sigmas)
        : CrossValidation.cronieVanLieshout(points, window, sigmas);
    double[] cv = ours.criterion();
    double worst = 0;
    for (int i = 0; i < sigmas.length; i++) {
      if (Double.isInfinite(theirs[i])) {
        assertEquals(theirs[i], cv[i], "σ = " + sigmas[i] + " must be −∞ as in spatstat");
      } else {
        worst = Math.max(worst, Math.abs(cv[i] - theirs[i]) / Math.abs(theirs[i]));
      }
    }
    double spatstatChoice = SpatstatReference.bandwidth(pattern, "bw." + method);
    System.out.printf("%s %s: criterion max rel. diff %.2e; ours %.6g, spatstat %.6g%n",
        pattern, method, worst, ours.bandwidth(), spatstatChoice);
    assertTrue(worst <= tolerance, pattern + " " + method + ": " + worst);
    int theirIndex = java.util.stream.IntStream.range(0, sigmas.length)
        .filter(i -> Math.abs(sigmas[i] - spatstatChoice) <= 1e-9 * spatstatChoice).findFirst().orElseThrow();
    assertTrue(Math.abs(ours.best() - theirIndex) <= 1, "chosen step " + ours.best() + " vs " + theirIndex);
  }

  @ParameterizedTest(name = "{0}: Diggle criterion within {1} relative, choice within one step")
  @CsvSource({"bei, 1e-6", "lansing, 1e-6", "redwood, 1e-6", "synthetic, 1e-6"})
  void diggleMatchesSpatstatsCriterionCurve(String pattern, double tolerance) {
    String file = "bw_criterion_" + pattern + "_diggle.csv";
    double[] sigmas = sigmas(file);
    double[] theirs = column(file, "M");
    BandwidthSearch ours = CrossValidation.diggle(SpatstatReference.points(pattern),
        SpatstatReference.windowPolygon(pattern));
    double[] s = ours.candidates();
    double[] m = ours.criterion();
    assertEquals(sigmas.length, s.length, "number of h values");
    double worst = 0;
    for (int i = 0; i < s.length; i++) {
      assertEquals(sigmas[i], s[i], 1e-9 * Math.max(sigmas[i], 1e-12));
      if (!Double.isNaN(theirs[i])) {
        worst = Math.max(worst, Math.abs(m[i] - theirs[i]) / Math.abs(theirs[i]));
      }
    }
    double spatstatChoice = SpatstatReference.bandwidth(pattern, "bw.diggle");
    System.out.printf("%s diggle: criterion max rel. diff %.2e; ours %.6g, spatstat %.6g%n",
        pattern, worst, ours.bandwidth(), spatstatChoice);
    assertTrue(worst <= tolerance, pattern + " diggle: " + worst);
    assertEquals(spatstatChoice, ours.bandwidth(), (s[1] - s[0]) * 1.000001);
  }

  @Test
  void arcgisRuleOnFourCornersOfASquare() {
    // Mean centre (0, 0); every point is 100·√2 = 141.42 m from it, so SD = Dm = 141.42 and
    // SD < √(1/ln 2)·Dm: radius = 0.9 · 141.42 · 4^(−0.2) = 96.466 m.
    Points square = Points.of(new double[] {-100, 100, 100, -100}, new double[] {-100, -100, 100, 100});
    assertEquals(0.9 * Math.sqrt(2) * 100 * Math.pow(4, -0.2), BandwidthRules.arcgisSilvermanRadius(square), 1e-9);
  }

  @Test
  void arcgisRuleUsesTheMedianDistanceWhenAnOutlierInflatesTheStandardDistance() {
    // Mean centre (0, 0). Distances 1, 1, 1, 1 and 0 for the centre point... plus an outlier:
    // points (±1, 0), (0, ±1), (0, 0) and (1000, 0), (−1000, 0): d = 1,1,1,1,0,1000,1000.
    // SD = √((4 + 2·1e6)/7) = 534.52; Dm = 1; √(1/ln 2)·Dm = 1.2011 is smaller.
    Points p = Points.of(new double[] {1, -1, 0, 0, 0, 1000, -1000}, new double[] {0, 0, 1, -1, 0, 0, 0});
    assertEquals(0.9 * Math.sqrt(1 / Math.log(2)) * Math.pow(7, -0.2), BandwidthRules.arcgisSilvermanRadius(p), 1e-9);
  }

  @Test
  void arcgisRuleCountsWeightsAsPoints() {
    Points weighted = Points.weighted(new double[] {-100, 100}, new double[] {0, 0}, new double[] {2, 2});
    Points repeated = Points.of(new double[] {-100, -100, 100, 100}, new double[] {0, 0, 0, 0});
    assertEquals(BandwidthRules.arcgisSilvermanRadius(repeated), BandwidthRules.arcgisSilvermanRadius(weighted), 1e-9);
  }

  @Test
  void quarticRadiusConvertsToTheGaussianWithTheSameSpread() {
    assertEquals(100 / Math.sqrt(8), BandwidthRules.forKernel(100, Kernel.QUARTIC, Kernel.GAUSSIAN), 1e-12);
  }

  private static double[] sigmas(String file) {
    return column(file, "sigma");
  }

  private static double[] column(String file, String name) {
    List<Map<String, String>> rows = SpatstatReference.csv(file);
    return rows.stream().mapToDouble(r -> parse(r.get(name))).toArray();
  }

  private static double parse(String s) {
    return switch (s) {
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "Inf" -> Double.POSITIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> Double.parseDouble(s);
    };
  }
}
