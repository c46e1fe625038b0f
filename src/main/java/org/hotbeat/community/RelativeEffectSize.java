package org.hotbeat.community;

/**
 * The relative effect size of Farrington and Welsh's systematic reviews: the odds ratio
 * <pre>
 *   RES = (a·d) / (b·c)   a, b: response area before, after;  c, d: control area before, after
 *   var(ln RES) = 1/a + 1/b + 1/c + 1/d       interval: exp(ln RES ± z·√var)
 * </pre>
 * RES above 1 means the response area fared better than the control area: after the response it
 * had 1/RES times the incidents the control area's change predicts. The variance assumes Poisson
 * counts; real crime counts are overdispersed, so the interval is, if anything, too narrow.
 * Undefined (with the reason) when any count is zero. Stateless.
 */
public final class RelativeEffectSize {
  /** z for a two-sided 95 % interval. */
  public static final double Z95 = 1.959963984540054;

  /**
   * @param res the odds ratio
   * @param lower lower end of the 95 % interval
   * @param upper upper end
   * @param change the response area's change relative to the control, 1/RES − 1 (−0.2: 20 % fewer)
   * @param significant whether the interval excludes 1; null when undefined
   */
  public record Result(Measure res, Measure lower, Measure upper, Measure change,
      Boolean significant) {}

  private RelativeEffectSize() {}

  public static Result compute(PeriodCounts response, PeriodCounts control) {
    String zero = zeroCell(response, control);
    if (zero != null) {
      Measure none = Measure.undefined("the " + zero + " had no incidents, so the odds ratio and "
          + "its interval are undefined");
      return new Result(none, none, none, none, null);
    }
    double a = response.before();
    double b = response.after();
    double c = control.before();
    double d = control.after();
    double logRes = Math.log(a) + Math.log(d) - Math.log(b) - Math.log(c);
    double se = Math.sqrt(1 / a + 1 / b + 1 / c + 1 / d);
    double lower = Math.exp(logRes - Z95 * se);
    double upper = Math.exp(logRes + Z95 * se);
    return new Result(Measure.of(Math.exp(logRes)), Measure.of(lower), Measure.of(upper),
        Measure.of(Math.exp(-logRes) - 1), lower > 1 || upper < 1);
  }

  private static String zeroCell(PeriodCounts response, PeriodCounts control) {
    if (response.before() == 0) {
      return "response area before the response";
    }
    if (response.after() == 0) {
      return "response area after the response";
    }
    if (control.before() == 0) {
      return "control area before the response";
    }
    if (control.after() == 0) {
      return "control area after the response";
    }
    return null;
  }
}
