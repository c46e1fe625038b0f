package org.hotbeat.density;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/** Bad input is refused with a message that names the problem, never clamped. */
class DensityRequestValidationTest {
  private static final Points ONE = Points.of(new double[] {1}, new double[] {1});
  private static final GridSpec GRID = new GridSpec(0, 0, 10, 10, 10);

  private static void assertRefused(String expectedInMessage, Runnable r) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
    assertTrue(e.getMessage().contains(expectedInMessage), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, -5, Double.NaN, Double.POSITIVE_INFINITY})
  void bandwidthThatIsNotAPositiveNumberIsRefused(double bandwidth) {
    assertRefused("bandwidth must be more than 0",
        () -> DensityRequest.of(ONE, GRID, Kernel.QUARTIC, bandwidth));
  }

  /**
   * The engine works in its plane's units, which in Web Mercator are not true metres (53,724 map
   * units for 40 km at Chicago's latitude): the limit in true metres is checked once, by the
   * caller, so the engine must not refuse what that check let through.
   */
  @Test
  void aBandwidthInMapUnitsBeyondFiftyKilometresIsTheCallersToBound() {
    assertEquals(53_724, DensityRequest.of(ONE, GRID, Kernel.QUARTIC, 53_724).bandwidth());
  }

  @Test
  void emptyPointSetIsRefused() {
    assertRefused("empty", () -> DensityRequest.of(Points.of(new double[0], new double[0]), GRID,
        Kernel.QUARTIC, 100));
  }

  @ParameterizedTest
  @CsvSource({"NaN, 1", "1, NaN", "Infinity, 1", "1, -Infinity"})
  void nonFiniteCoordinatesAreRefused(double x, double y) {
    assertRefused("point 1 has a coordinate that is not a finite number",
        () -> Points.of(new double[] {0, x}, new double[] {0, y}));
  }

  @ParameterizedTest
  @ValueSource(doubles = {-1, Double.NaN})
  void negativeOrNanWeightsAreRefused(double w) {
    assertRefused("weights must be finite and not negative",
        () -> Points.weighted(new double[] {0}, new double[] {0}, new double[] {w}));
  }

  @Test
  void gridOverTheCellLimitIsRefusedWithTheLimit() {
    DensityEngine engine = new DensityEngine(10_000);
    assertRefused("grid has 10201 cells; the limit is 10000", () -> engine.compute(
        DensityRequest.of(ONE, new GridSpec(0, 0, 1, 101, 101), Kernel.QUARTIC, 10)));
  }

  @Test
  void bandwidthOfTooManyCellsIsRefused() {
    assertRefused("use larger cells or a smaller bandwidth", () -> new DensityEngine().compute(
        DensityRequest.of(ONE, new GridSpec(0, 0, 0.5, 100, 100), Kernel.GAUSSIAN, 20_000)));
  }

  @ParameterizedTest
  @CsvSource({"0, 10", "10, 0", "-3, 4"})
  void gridWithoutCellsIsRefused(int w, int h) {
    assertRefused("grid must have at least one cell", () -> new GridSpec(0, 0, 10, w, h));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, -1, Double.NaN})
  void nonPositiveCellSizeIsRefused(double cell) {
    assertRefused("cell size must be a positive number of metres", () -> new GridSpec(0, 0, cell, 10, 10));
  }

  @Test
  void edgeCorrectionWithoutStudyAreaIsRefused() {
    assertRefused("needs a study area", () -> new DensityRequest(ONE, GRID, Kernel.QUARTIC, 100,
        EdgeCorrection.UNIFORM, null, 1));
  }

  @Test
  void studyAreaMustBePolygonal() {
    var line = new GeometryFactory().createLineString(new Coordinate[] {new Coordinate(0, 0), new Coordinate(1, 1)});
    assertRefused("must be a non-empty Polygon or MultiPolygon",
        () -> DensityRequest.of(ONE, GRID, Kernel.QUARTIC, 100).withStudyArea(line, EdgeCorrection.UNIFORM));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, -2, Double.NaN})
  void nonPositivePeriodsAreRefused(double periods) {
    assertRefused("periods must be a positive number",
        () -> DensityRequest.of(ONE, GRID, Kernel.QUARTIC, 100).perPeriods(periods));
  }

  @ParameterizedTest
  @CsvSource({"quartic, QUARTIC", "Biweight, QUARTIC", "GAUSSIAN, GAUSSIAN", "epanechnikov, EPANECHNIKOV",
      "uniform, UNIFORM", "disc, UNIFORM"})
  void kernelNamesParse(String name, Kernel kernel) {
    assertEquals(kernel, Kernel.parse(name));
  }

  @Test
  void unknownKernelIsRefusedWithTheChoices() {
    assertRefused("unknown kernel 'triweight': use quartic, gaussian, epanechnikov or uniform",
        () -> Kernel.parse("triweight"));
  }

  @ParameterizedTest
  @CsvSource({"QUARTIC, 25, 70.71067811865476", "EPANECHNIKOV, 25, 61.23724356957945",
      "UNIFORM, 25, 50", "GAUSSIAN, 25, 25"})
  void spatstatSigmaConvertsToOurBandwidth(Kernel kernel, double sigma, double bandwidth) {
    assertEquals(bandwidth, kernel.bandwidthForSd(sigma), 1e-9);
    assertEquals(sigma, kernel.sdFor(bandwidth), 1e-9);
  }
}
