package org.hotbeat.hotspots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.hotbeat.density.GridSpec;
import org.hotbeat.density.Kernel;
import org.junit.jupiter.api.Test;

/**
 * Two periods of one uniform background (same rate, the base period twice as long), the current
 * one with an added 50 m cluster: the cluster is a significant increase, the background mostly
 * chance.
 */
class DualKdeTest {
  private static double[][] uniform(Random r, int n) {
    double[][] p = new double[2][n];
    for (int i = 0; i < n; i++) {
      p[0][i] = r.nextDouble() * 4000;
      p[1][i] = r.nextDouble() * 4000;
    }
    return p;
  }

  @Test
  void aNewClusterIsARealIncreaseAndTheSteadyBackgroundIsChance() {
    Random r = new Random(11);
    double[][] base = uniform(r, 4000);        // 60 days
    double[][] cur = uniform(r, 2000 + 200);   // 30 days: same background rate, plus a cluster
    for (int i = 2000; i < 2200; i++) {
      cur[0][i] = 1000 + r.nextGaussian() * 50;
      cur[1][i] = 3000 + r.nextGaussian() * 50;
    }
    GridSpec grid = new GridSpec(0, 0, 100, 40, 40);
    DualKde.Result res = DualKde.compute(cur[0], cur[1], 30, base[0], base[1], 60, grid,
        Kernel.QUARTIC, 300, 0.05);
    // Cell (col 10, row 9 from the north) holds the cluster's centre (1000, 3000).
    int at = 9 * 40 + 10;
    assertEquals(1, res.change()[at]);
    assertTrue(res.ratio()[at] > 2, "ratio " + res.ratio()[at]);
    assertEquals(res.current()[at] - res.base()[at], res.difference()[at], 1e-3);
    // Away from the cluster and the edges the rates agree; about alpha of the cells may not.
    int flagged = 0;
    int cells = 0;
    for (int row = 5; row < 35; row++) {
      for (int col = 5; col < 35; col++) {
        double dx = grid.centreX(col) - 1000;
        double dy = grid.centreY(row) - 3000;
        if (Math.hypot(dx, dy) > 800) {
          cells++;
          flagged += res.change()[row * 40 + col] != 0 ? 1 : 0;
        }
      }
    }
    assertTrue(flagged < 0.15 * cells, flagged + " of " + cells + " background cells flagged");
  }

  @Test
  void anEmptyPeriodIsRefused() {
    GridSpec grid = new GridSpec(0, 0, 100, 10, 10);
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> DualKde.compute(new double[0], new double[0], 30,
            new double[] {5}, new double[] {5}, 30, grid, Kernel.QUARTIC, 300, 0.05));
    assertTrue(e.getMessage().contains("each period needs incidents"));
  }
}
