package org.hotbeat.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RelativeEffectSizeTest {
  @ParameterizedTest(name = "a={0} b={1} c={2} d={3}: RES {4}")
  @CsvSource({
      // RES = 100·180 / (60·200) = 1.5; var = 1/100 + 1/60 + 1/200 + 1/180 = 0.0372222,
      // se = 0.1929306; exp(ln 1.5 ∓ 1.96·se) = 1.02770, 2.18934; change = 1/1.5 − 1
      "100, 60, 200, 180, 1.5, 1.0277049, 2.1893445, -0.3333333, true",
      // RES = 20·38 / (15·40) = 1.266667; var = 0.1679825, se = 0.4098566 → 0.56727, 2.82835
      "20, 15, 40, 38, 1.2666667, 0.5672725, 2.8283486, -0.2105263, false",
      // RES = 30·100 / (60·100) = 0.5; var = 1/30 + 1/60 + 2/100 = 0.07, se = 0.2645751
      // → exp(ln 0.5 ∓ 0.518561) = 0.29769, 0.83980; change = +100 %
      "30, 60, 100, 100, 0.5, 0.2976893, 0.8398017, 1.0, true",
  })
  void matchesTheFiguresWorkedByHand(long a, long b, long c, long d, double res, double lower,
      double upper, double change, boolean significant) {
    var r = RelativeEffectSize.compute(new PeriodCounts(a, b), new PeriodCounts(c, d));
    assertEquals(res, r.res().value(), 1e-6);
    assertEquals(lower, r.lower().value(), 1e-6);
    assertEquals(upper, r.upper().value(), 1e-6);
    assertEquals(change, r.change().value(), 1e-6);
    assertEquals(significant, r.significant());
  }

  @Test
  void aZeroCountIsUndefinedWithTheCellNamed() {
    var r = RelativeEffectSize.compute(new PeriodCounts(12, 0), new PeriodCounts(40, 38));
    assertFalse(r.res().defined());
    assertFalse(r.lower().defined());
    assertNull(r.significant());
    assertTrue(r.res().undefined().contains("response area after the response"),
        r.res().undefined());
  }

  @Test
  void aMeasureIsNeverNaNOrInfinite() {
    assertThrows(IllegalArgumentException.class, () -> Measure.of(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> Measure.of(Double.POSITIVE_INFINITY));
  }
}
