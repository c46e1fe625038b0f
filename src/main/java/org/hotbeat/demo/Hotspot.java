package org.hotbeat.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A planted hotspot: incidents of its categories drawn around a centre (metres in the town's
 * plane) with a Gaussian spread such that 90 % fall within {@code radius} metres before they are
 * snapped to the nearest street, over its active period.
 *
 * @param share the hotspot's expected share of all incidents
 */
public record Hotspot(String id, Kind kind, double x, double y, double radius, LocalDate from,
    LocalDate to, List<Category> categories, double share) {

  /** How a hotspot's intensity runs over time. */
  public enum Kind {
    /** Constant over both years. */
    PERSISTENT,
    /** Constant in the last six months only. */
    EMERGING,
    /** Falling linearly from its full intensity on the first day to zero after {@code to}. */
    FADING
  }

  /** σ of the Gaussian spread: 90 % of a 2-D Gaussian lies within 2.146 σ. */
  public double sigma() {
    return radius / Math.sqrt(2 * Math.log(10));
  }

  /**
   * How the hotspots of one kind are planted: one per entry of {@code categories}, with radius
   * and share drawn uniformly from their ranges.
   */
  private record Recipe(Kind kind, String prefix, LocalDate from, LocalDate to, double minRadius,
      double radiusSpan, double minShare, double shareSpan, Category[][] categories) {}

  private static final List<Recipe> RECIPES = List.of(
      new Recipe(Kind.PERSISTENT, "P", DemoCity.FIRST_DAY, DemoCity.LAST_DAY, 120, 130, 0.020,
          0.015, new Category[][] {{Category.THEFT}, {Category.BATTERY, Category.ASSAULT},
              {Category.NARCOTICS}, {Category.ROBBERY, Category.THEFT},
              {Category.MOTOR_VEHICLE_THEFT}, {Category.CRIMINAL_DAMAGE, Category.BATTERY}}),
      new Recipe(Kind.EMERGING, "E", DemoCity.LAST_SIX_MONTHS, DemoCity.LAST_DAY, 100, 100, 0.008,
          0.006, new Category[][] {{Category.ROBBERY}, {Category.NARCOTICS},
              {Category.THEFT, Category.CRIMINAL_DAMAGE}}),
      new Recipe(Kind.FADING, "F", DemoCity.FIRST_DAY, DemoCity.LAST_SIX_MONTHS.minusDays(1), 120,
          100, 0.015, 0.005, new Category[][] {{Category.BURGLARY},
              {Category.MOTOR_VEHICLE_THEFT, Category.THEFT}}));

  /** The relative intensity on {@code day}: 0 outside the period, 1 at full strength. */
  public double activity(LocalDate day) {
    if (day.isBefore(from) || day.isAfter(to)) {
      return 0;
    }
    if (kind != Kind.FADING) {
      return 1;
    }
    double length = ChronoUnit.DAYS.between(from, to) + 1;
    return 1 - (ChronoUnit.DAYS.between(from, day) + 0.5) / length;
  }

  /** Plants the persistent, emerging and fading hotspots of the generated city for a seed. */
  static List<Hotspot> plant(TownPlan plan, long seed) {
    SplittableRandom random = new SplittableRandom(seed ^ 0x5EED_4077_5B07L);
    List<double[]> candidates = new ArrayList<>();
    for (double[] p : plan.intersections()) {
      boolean inside = p[0] >= 700 && p[0] <= TownPlan.WIDTH - 700 && p[1] >= 700
          && p[1] <= TownPlan.HEIGHT - 700;
      boolean nearRiver = Math.abs(p[1] - TownPlan.riverY(p[0])) < 500;
      boolean nearPark = TownPlan.inPark(p[0], p[1] - 300) || TownPlan.inPark(p[0], p[1] + 300)
          || TownPlan.inPark(p[0] - 300, p[1]) || TownPlan.inPark(p[0] + 300, p[1]);
      if (inside && !nearRiver && !nearPark) {
        candidates.add(p);
      }
    }
    for (int i = candidates.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      double[] t = candidates.get(i);
      candidates.set(i, candidates.get(j));
      candidates.set(j, t);
    }
    List<Hotspot> hotspots = new ArrayList<>();
    int next = 0;
    for (Recipe r : RECIPES) {
      for (int i = 0; i < r.categories.length; i++) {
        double[] p = pick(candidates, hotspots, next);
        next = (int) p[2] + 1;
        hotspots.add(new Hotspot(r.prefix + (i + 1), r.kind, p[0], p[1],
            Math.round(r.minRadius + r.radiusSpan * random.nextDouble()), r.from, r.to,
            List.of(r.categories[i]), round4(r.minShare + r.shareSpan * random.nextDouble())));
      }
    }
    return List.copyOf(hotspots);
  }

  /** The next candidate at least 1 km from every hotspot planted so far: {x, y, index}. */
  private static double[] pick(List<double[]> candidates, List<Hotspot> planted, int start) {
    for (int i = start; i < candidates.size(); i++) {
      double[] c = candidates.get(i);
      boolean free = planted.stream().allMatch(h -> Math.hypot(h.x - c[0], h.y - c[1]) >= 1000);
      if (free) {
        return new double[] {c[0], c[1], i};
      }
    }
    throw new IllegalStateException("no room left for another hotspot");
  }

  private static double round4(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}
