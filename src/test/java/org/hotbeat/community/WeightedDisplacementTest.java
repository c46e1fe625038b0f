package org.hotbeat.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Tables worked by hand; the arithmetic is in each row's comment. */
class WeightedDisplacementTest {
  @ParameterizedTest(name = "R {0}→{1}, B {2}→{3}, C {4}→{5}: WDQ {8}")
  @CsvSource({
      // SM = 60/180 − 100/200 = −1/6; BDM = 70/180 − 80/200 = −1/90; WDQ = 1/15;
      // TNE = (100·0.9 − 60) + (80·0.9 − 70) = 30 + 2
      "100, 60, 80, 70, 200, 180, -0.1666666667, -0.0111111111, 0.0666666667, 32, "
          + "diffusion of benefits smaller",
      // SM = 0.3 − 0.5 = −0.2; BDM = 0.5 − 0.4 = 0.1; WDQ = −0.5; TNE = 20 − 10
      "50, 30, 40, 50, 100, 100, -0.2, 0.1, -0.5, 10, displacement smaller than the direct",
      // SM = 0.4 − 0.5 = −0.1; BDM = 0.7 − 0.4 = 0.3; WDQ = −3; TNE = 10 − 30
      "50, 40, 40, 70, 100, 100, -0.1, 0.3, -3, -20, counterproductive",
      // SM = 0.3 − 0.5 = −0.2; BDM = 0.1 − 0.4 = −0.3; WDQ = 1.5; TNE = 20 + 30
      "50, 30, 40, 10, 100, 100, -0.2, -0.3, 1.5, 50, diffusion of benefits greater",
      // SM = −0.2, BDM = 0: WDQ = 0
      "50, 30, 40, 40, 100, 100, -0.2, 0, 0, 20, no displacement or diffusion",
  })
  void matchesTheFiguresWorkedByHand(long r0, long r1, long b0, long b1, long c0, long c1,
      double sm, double bdm, double wdq, double tne, String reading) {
    WeightedDisplacement.Result r = WeightedDisplacement.compute(new PeriodCounts(r0, r1),
        new PeriodCounts(b0, b1), new PeriodCounts(c0, c1));
    assertEquals(sm, r.successMeasure().value(), 1e-9);
    assertEquals(bdm, r.bufferDisplacement().value(), 1e-9);
    assertEquals(wdq, r.wdq().value(), 1e-9);
    assertEquals(tne, r.totalNetEffect().value(), 1e-9);
    assertTrue(r.interpretation().contains(reading), r.interpretation());
  }

  @Test
  void aResponseAreaThatDidWorseIsNotReadAsDisplacement() {
    // SM = 0.3 − 0.2 = 0.1 > 0; BDM = 0; WDQ = 0 is computed but not interpreted.
    var r = WeightedDisplacement.compute(new PeriodCounts(20, 30), new PeriodCounts(40, 40),
        new PeriodCounts(100, 100));
    assertEquals(0.1, r.successMeasure().value(), 1e-12);
    assertTrue(r.interpretation().contains("no success"), r.interpretation());
  }

  @Test
  void noChangeInTheResponseAreaLeavesTheQuotientUndefinedWithTheReason() {
    var r = WeightedDisplacement.compute(new PeriodCounts(50, 50), new PeriodCounts(40, 60),
        new PeriodCounts(100, 100));
    assertEquals(0.0, r.successMeasure().value());
    assertFalse(r.wdq().defined());
    assertTrue(r.wdq().undefined().contains("success measure 0"), r.wdq().undefined());
    assertEquals(r.wdq().undefined(), r.interpretation());
  }

  @Test
  void anEmptyControlPeriodMakesEveryMeasureUndefinedNeverNaN() {
    var r = WeightedDisplacement.compute(new PeriodCounts(5, 3), new PeriodCounts(4, 4),
        new PeriodCounts(0, 7));
    for (Measure m : new Measure[] {r.successMeasure(), r.bufferDisplacement(), r.wdq(),
        r.totalNetEffect()}) {
      assertFalse(m.defined());
      assertTrue(m.undefined().contains("control area had no incidents before"), m.undefined());
    }
  }
}
