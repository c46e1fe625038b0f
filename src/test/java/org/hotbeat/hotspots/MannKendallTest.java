package org.hotbeat.hotspots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MannKendallTest {
  @Test
  void aStrictlyRisingSeriesHasTheLargestS() {
    // n = 5: S = 10, Var = 5·4·15/18 = 16.667, Z = 9/4.0825 = 2.2045, p = 0.02749
    MannKendall.Trend t = MannKendall.test(new double[] {1, 2, 3, 4, 5});
    assertEquals(10, t.s());
    assertEquals(2.204540768, t.z(), 1e-9);
    assertEquals(0.027486336, t.p(), 1e-9);
    assertEquals(1.0, t.tau());
    assertEquals(1, t.direction(0.05));
  }

  @Test
  void tiesShrinkTheVariance() {
    // x = 1,1,2,2,3: S = 8; ties 2,2: Var = (5·4·15 − 2·(2·1·9))/18 = (300 − 36)/18 = 14.667
    MannKendall.Trend t = MannKendall.test(new double[] {1, 1, 2, 2, 3});
    assertEquals(8, t.s());
    assertEquals(7 / Math.sqrt(264.0 / 18), t.z(), 1e-12);
  }

  @Test
  void aFlatSeriesHasNoTrend() {
    MannKendall.Trend t = MannKendall.test(new double[] {4, 4, 4, 4});
    assertEquals(0, t.z());
    assertEquals(0, t.direction(0.05));
    assertThrows(IllegalArgumentException.class, () -> MannKendall.test(new double[] {1, 2}));
  }
}
