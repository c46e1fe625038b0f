package org.hotbeat.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.hotbeat.InvalidInputException;
import org.hotbeat.LimitExceededException;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

class BacktestTest {
  private static final GeometryFactory GF = new GeometryFactory();

  @Test
  void scoresFollowTheirDefinitionsOnASmallTable() {
    // 10 cells; risk ranks cell 0 first. Test incidents: 4 in cell 0, 6 elsewhere.
    double[] risk = {9, 1, 1, 1, 1, 1, 1, 1, 1, 1};
    double[] test = {4, 1, 1, 1, 1, 1, 1, 0, 0, 0};
    double[] train = {8, 2, 0, 0, 0, 0, 0, 0, 0, 0};
    Scores.AtCoverage top = new Scores(risk, test, train).at(0.10);
    assertEquals(0.4, top.hitRate(), 1e-12);
    assertEquals(4.0, top.pai(), 1e-12);
    assertEquals((4.0 / 8) / (10.0 / 10), top.rri(), 1e-12);
  }

  @Test
  void equalRisksCountProRataNotByCellNumber() {
    // Every cell equal: flagging 20 % of them must capture 20 % of the incidents, whatever order.
    double[] risk = new double[10];
    double[] test = {10, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    assertEquals(0.2, new Scores(risk, test, test).at(0.2).hitRate(), 1e-12);
  }

  @Test
  void aPersistentHotspotIsFoundByEveryMethod() {
    // 4 × 4 km area, one 100 m hotspot holding half of each period's incidents.
    Random r = new Random(3);
    int n = 4000;
    double[] x = new double[n];
    double[] y = new double[n];
    long[] t = new long[n];
    for (int i = 0; i < n; i++) {
      boolean hot = i % 2 == 0;
      x[i] = hot ? 2000 + r.nextGaussian() * 50 : r.nextDouble() * 4000;
      y[i] = hot ? 1000 + r.nextGaussian() * 50 : r.nextDouble() * 4000;
      t[i] = i < n / 2 ? r.nextInt(365 * 86_400) : 365L * 86_400 + r.nextInt(90 * 86_400);
    }
    EventSet all = new EventSet(x, y, t);
    long split = 365L * 86_400;
    StudyGrid grid = new StudyGrid(GF.toGeometry(new Envelope(0, 4000, 0, 4000)), 100, 1_000_000);
    Backtest.Result res = Backtest.run(grid, all.between(0, split), split,
        all.between(split, split + 90 * 86_400), Backtest.METHODS);
    assertEquals(1600, res.cells());
    for (Backtest.MethodResult m : res.methods()) {
      Scores.AtCoverage five = m.scores().get(1);
      assertTrue(five.hitRate() > 0.5, m.method() + " hit rate at 5 %: " + five.hitRate());
    }
    for (Backtest.MethodResult m : res.methods()) {
      // Half the incidents in ~1 % of the area: a PAI near 50 at 1 %.
      assertTrue(m.scores().get(0).pai() > 30, m.method() + " PAI at 1 %: "
          + m.scores().get(0).pai());
    }
    assertEquals(1.0, res.methods().get(0).hitRateCurve()[100], 1e-9);
    assertTrue(Backtest.table(res).contains("naive"));
  }

  @Test
  void badInputIsRefused() {
    StudyGrid grid = new StudyGrid(GF.toGeometry(new Envelope(0, 100, 0, 100)), 10, 1000);
    EventSet empty = new EventSet(new double[0], new double[0], new long[0]);
    // Too few incidents and too many cells are the domain's exceptions since issue 14.
    assertThrows(InvalidInputException.class,
        () -> Backtest.run(grid, empty, 0, empty, List.of("naive")));
    EventSet one = new EventSet(new double[] {5}, new double[] {5}, new long[] {0});
    assertThrows(IllegalArgumentException.class,
        () -> Backtest.run(grid, one, 0, one, List.of("tea-leaves")));
    assertThrows(LimitExceededException.class,
        () -> new StudyGrid(GF.toGeometry(new Envelope(0, 1e6, 0, 1e6)), 1, 1000));
  }

  @Test
  void methodSettingsParseAndBadOnesNameTheForm() {
    Method m = Method.parse("kde:400:30:0.8");
    assertEquals(400, m.bandwidth());
    assertEquals(30, m.halfLifeDays());
    assertEquals(0.8, m.countShare());
    assertEquals(Method.DEFAULT, Method.parse("default"));
    assertEquals(1, Method.parse("naive").countShare());
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> Method.parse("kde:wide"));
    assertTrue(bad.getMessage().contains("kde:BANDWIDTH_M"), bad.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Method.parse("kde:100:0:1.5"));
    assertThrows(IllegalArgumentException.class, () -> Method.parse("kde:-5"));
  }

  @Test
  void aKdeKeepsItsMassInTheCellsWhateverItsBandwidth() {
    // 200 points well inside a 2 km square: every kernel's mass stays inside, so the cell
    // masses sum to 200, for kernels smaller than a cell (sampled) and larger (gridded, whose
    // kernel sampled on sub-cells is normalised to 0.2 % here).
    Random r = new Random(5);
    int n = 200;
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = 800 + r.nextDouble() * 400;
      y[i] = 800 + r.nextDouble() * 400;
    }
    EventSet e = new EventSet(x, y, new long[n]);
    StudyGrid grid = new StudyGrid(GF.toGeometry(new Envelope(0, 2000, 0, 2000)), 100, 10_000);
    for (String spec : new String[] {"kde:30", "kde:150", "kde:400", "kde:400:0:0.8"}) {
      double[] risk = Backtest.risk(Method.parse(spec), grid, e, 0);
      assertEquals(n, java.util.Arrays.stream(risk).sum(), n * 5e-3, spec);
    }
    // The naive method is the plain count.
    assertArrayEquals(grid.counts(e), Backtest.risk(Method.parse("naive"), grid, e, 0));
  }
}
