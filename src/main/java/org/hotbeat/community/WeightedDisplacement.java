package org.hotbeat.community;

/**
 * The Weighted Displacement Quotient of Bowers and Johnson (2003, J. Quant. Criminology 19(3)):
 * did crime fall in the response area relative to a control area, and did it move to (or did the
 * benefit spread to) a buffer around it? With R, B, C the counts in the response, buffer and
 * control areas, and subscripts 0 (before) and 1 (after):
 * <pre>
 *   success measure         SM  = R1/C1 − R0/C0      (negative: the response area improved)
 *   buffer displacement     BDM = B1/C1 − B0/C0      (positive: displacement; negative: diffusion)
 *   WDQ                         = BDM / SM
 *   total net effect        TNE = (R0·C1/C0 − R1) + (B0·C1/C0 − B1)   (incidents prevented)
 * </pre>
 * Each measure is undefined, with the reason, when a denominator is zero. Stateless.
 */
public final class WeightedDisplacement {
  /** The measures and the paper's reading of them. */
  public record Result(Measure successMeasure, Measure bufferDisplacement, Measure wdq,
      Measure totalNetEffect, String interpretation) {}

  private WeightedDisplacement() {}

  public static Result compute(PeriodCounts response, PeriodCounts buffer, PeriodCounts control) {
    if (control.before() == 0 || control.after() == 0) {
      String reason = "the control area had no incidents " + (control.before() == 0 ? "before"
          : "after") + " the response, so changes cannot be measured against it";
      Measure none = Measure.undefined(reason);
      return new Result(none, none, none, none, reason);
    }
    double c0 = control.before();
    double c1 = control.after();
    double sm = response.after() / c1 - response.before() / c0;
    double bdm = buffer.after() / c1 - buffer.before() / c0;
    double tne = (response.before() * c1 / c0 - response.after())
        + (buffer.before() * c1 / c0 - buffer.after());
    Measure wdq = sm == 0
        ? Measure.undefined("the response area did not change relative to the control area "
            + "(success measure 0), so there is no effect to weigh displacement against")
        : Measure.of(bdm / sm);
    return new Result(Measure.of(sm), Measure.of(bdm), wdq, Measure.of(tne),
        interpret(sm, bdm, wdq));
  }

  /** Bowers and Johnson's table, read only where the response area improved (SM &lt; 0). */
  static String interpret(double sm, double bdm, Measure wdq) {
    if (sm > 0) {
      return "the response area did worse relative to the control area (success measure > 0): "
          + "no success, so the WDQ is not interpreted";
    }
    if (!wdq.defined()) {
      return wdq.undefined();
    }
    double q = wdq.value();
    if (q > 1) {
      return "diffusion of benefits greater than the direct effect (WDQ > 1)";
    }
    if (q == 1) {
      return "diffusion of benefits equal to the direct effect (WDQ = 1)";
    }
    if (q > 0) {
      return "diffusion of benefits smaller than the direct effect (0 < WDQ < 1)";
    }
    if (q == 0) {
      return "success with no displacement or diffusion (WDQ = 0)";
    }
    if (q > -1) {
      return "displacement smaller than the direct effect: a net success (−1 < WDQ < 0)";
    }
    if (q == -1) {
      return "displacement equal to the direct effect: no net effect (WDQ = −1)";
    }
    return "displacement greater than the direct effect: counterproductive (WDQ < −1)";
  }
}
