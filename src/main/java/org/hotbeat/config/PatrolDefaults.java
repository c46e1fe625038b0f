package org.hotbeat.config;

import java.util.ArrayList;
import java.util.List;
import org.hotbeat.HotbeatException;

/**
 * What a patrol plan request gets for each setting it leaves out, and the two bounds on a request
 * (units, shift length). Each is an option of {@code hotbeat serve} with the name given here (and
 * {@code HOTBEAT_} + that name in capitals as its environment variable); {@link #defaults()}
 * holds the defaults. The ranges each default must lie in are the ranges a request may ask for,
 * so a default is always a value a request could have sent. Validated when built, immutable.
 *
 * @param dwellMinutes time at each stop, in minutes ({@value #DWELL}; Koper: 10–15)
 * @param revisitMinutes least time between two visits to one hotspot, in minutes
 *     ({@value #REVISIT})
 * @param riskBandwidthMetres quartic kernel bandwidth of the risk surface, in metres
 *     ({@value #BANDWIDTH})
 * @param separationMetres least distance between two hotspot candidates, in metres
 *     ({@value #SEPARATION})
 * @param maxCandidates most hotspot candidates per plan ({@value #CANDIDATES})
 * @param minRisk least risk (weighted incidents of the risk period) a candidate must cover
 *     ({@value #MIN_RISK})
 * @param maxUnits most units in one plan ({@value #MAX_UNITS})
 * @param maxShiftHours longest shift, in hours ({@value #MAX_SHIFT})
 */
public record PatrolDefaults(
    double dwellMinutes,
    double revisitMinutes,
    double riskBandwidthMetres,
    double separationMetres,
    int maxCandidates,
    double minRisk,
    int maxUnits,
    int maxShiftHours) {

  public static final String DWELL = "patrol-dwell-minutes";
  public static final String REVISIT = "patrol-revisit-minutes";
  public static final String BANDWIDTH = "patrol-bandwidth";
  public static final String SEPARATION = "patrol-separation";
  public static final String CANDIDATES = "patrol-candidates";
  public static final String MIN_RISK = "patrol-min-risk";
  public static final String MAX_UNITS = "patrol-max-units";
  public static final String MAX_SHIFT = "patrol-max-shift-hours";

  /** The range a request (and so a default) may give for each setting: {min, max}. */
  public static final double[] DWELL_RANGE = {1, 120};
  public static final double[] REVISIT_RANGE = {15, 1440};
  public static final double[] BANDWIDTH_RANGE = {25, 2000};
  public static final double[] SEPARATION_RANGE = {50, 2000};
  public static final double[] CANDIDATES_RANGE = {1, 200};
  public static final double[] MIN_RISK_RANGE = {0, 1e9};

  public PatrolDefaults {
    List<String> errors = new ArrayList<>();
    check(errors, DWELL, dwellMinutes, DWELL_RANGE);
    check(errors, REVISIT, revisitMinutes, REVISIT_RANGE);
    check(errors, BANDWIDTH, riskBandwidthMetres, BANDWIDTH_RANGE);
    check(errors, SEPARATION, separationMetres, SEPARATION_RANGE);
    check(errors, CANDIDATES, maxCandidates, CANDIDATES_RANGE);
    check(errors, MIN_RISK, minRisk, MIN_RISK_RANGE);
    check(errors, MAX_UNITS, maxUnits, new double[] {1, 50});
    check(errors, MAX_SHIFT, maxShiftHours, new double[] {1, 72});
    if (!errors.isEmpty()) {
      throw new HotbeatException("invalid patrol defaults: " + String.join("; ", errors));
    }
  }

  public static PatrolDefaults defaults() {
    return new PatrolDefaults(12, 120, 150, 200, 50, 1, 12, 24);
  }

  private static void check(List<String> errors, String option, double value, double[] range) {
    if (!(value >= range[0] && value <= range[1])) {
      errors.add("--" + option + " must be " + format(range[0]) + " to " + format(range[1]));
    }
  }

  /** A bound as people write it: 120, not 120.0. */
  public static String format(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }
}
