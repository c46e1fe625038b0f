package org.hotbeat.hotspots;

/**
 * Emerging hot-spot categories of one cell from its Gi* series over time steps, after ArcGIS
 * Pro's Emerging Hot Spot Analysis. Inputs per time step: whether the cell is a significant hot
 * spot (+1), cold spot (−1) or neither (0), and the Mann–Kendall trend of its Gi* z over all steps.
 * The rules, checked in this order for hot spots (cold spots mirror them):
 *
 * <ol>
 *   <li>hot in the last step and in ≥ 90 % of steps: <b>intensifying</b> if z trends up
 *       significantly, <b>diminishing</b> if it trends down, else <b>persistent</b>;</li>
 *   <li>hot in the last step and cold in any earlier step: <b>oscillating</b>;</li>
 *   <li>hot in the last step only, never before: <b>new</b>;</li>
 *   <li>hot in an uninterrupted final run of ≥ 2 steps, never hot before it: <b>consecutive</b>;</li>
 *   <li>hot in the last step otherwise (on and off before): <b>sporadic</b>;</li>
 *   <li>not hot in the last step but hot in ≥ 90 % of steps: <b>historical</b>.</li>
 * </ol>
 * A cell matching neither the hot nor the cold rules has <b>no pattern</b>. Stateless.
 */
public final class EmergingHotspots {
  /** The categories, hot and cold. */
  public enum Category {
    NEW_HOT, CONSECUTIVE_HOT, INTENSIFYING_HOT, PERSISTENT_HOT, DIMINISHING_HOT, SPORADIC_HOT,
    OSCILLATING_HOT, HISTORICAL_HOT,
    NEW_COLD, CONSECUTIVE_COLD, INTENSIFYING_COLD, PERSISTENT_COLD, DIMINISHING_COLD,
    SPORADIC_COLD, OSCILLATING_COLD, HISTORICAL_COLD,
    NO_PATTERN;

    /** "new hot spot", as ArcGIS names it. */
    public String label() {
      if (this == NO_PATTERN) {
        return "no pattern detected";
      }
      String[] parts = name().toLowerCase(java.util.Locale.ROOT).split("_");
      return parts[0] + " " + parts[1] + " spot";
    }
  }

  private static final double MOSTLY = 0.9;

  private EmergingHotspots() {}

  /**
   * @param significance per time step, oldest first: +1 hot, −1 cold, 0 neither
   * @param zTrend direction of the Mann–Kendall trend of the cell's Gi* z: +1, −1 or 0
   */
  public static Category classify(int[] significance, int zTrend) {
    Category hot = classify(significance, zTrend, 1);
    if (hot != null) {
      return hot;
    }
    Category cold = classify(significance, zTrend, -1);
    return cold != null ? cold : Category.NO_PATTERN;
  }

  /** Hot rules for sign +1, cold rules for −1; null if none applies. */
  private static Category classify(int[] sig, int zTrend, int sign) {
    int n = sig.length;
    if (n < 2) {
      throw new IllegalArgumentException("emerging hot spots need at least 2 time steps");
    }
    boolean hot = sign > 0;
    int count = 0;
    boolean opposite = false;
    for (int i = 0; i < n; i++) {
      count += sig[i] == sign ? 1 : 0;
      opposite |= i < n - 1 && sig[i] == -sign;
    }
    boolean last = sig[n - 1] == sign;
    boolean mostly = count >= MOSTLY * n;
    if (last && mostly) {
      // For cold spots "intensifying" means z falling further (colder).
      int toward = zTrend * sign;
      return toward > 0 ? pick(hot, Category.INTENSIFYING_HOT, Category.INTENSIFYING_COLD)
          : toward < 0 ? pick(hot, Category.DIMINISHING_HOT, Category.DIMINISHING_COLD)
          : pick(hot, Category.PERSISTENT_HOT, Category.PERSISTENT_COLD);
    }
    if (last) {
      if (opposite) {
        return pick(hot, Category.OSCILLATING_HOT, Category.OSCILLATING_COLD);
      }
      if (count == 1) {
        return pick(hot, Category.NEW_HOT, Category.NEW_COLD);
      }
      int run = 0;
      while (run < n && sig[n - 1 - run] == sign) {
        run++;
      }
      if (run == count) {  // the final run holds every hot step: never hot before it
        return pick(hot, Category.CONSECUTIVE_HOT, Category.CONSECUTIVE_COLD);
      }
      return pick(hot, Category.SPORADIC_HOT, Category.SPORADIC_COLD);
    }
    return mostly ? pick(hot, Category.HISTORICAL_HOT, Category.HISTORICAL_COLD) : null;
  }

  private static Category pick(boolean hot, Category ifHot, Category ifCold) {
    return hot ? ifHot : ifCold;
  }
}
