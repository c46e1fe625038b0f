package org.hotbeat.demo;

import java.io.IOException;
import java.io.Writer;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.DoubleConsumer;

/**
 * Draws the generated city's incidents and writes them through {@link IncidentCsv}, one day at a
 * time and sorted by time within the day, so memory stays flat whatever the count: only one day's
 * rows, the pending near-repeat burglaries and the list of bad rows are held.
 *
 * <p>Each day gets a share of the rows proportional to its expected intensity (season, weekday,
 * day-to-day noise, the hotspots active that day). Within a day, each row is a near-repeat
 * burglary due that day, or else drawn from the background categories and active hotspots by
 * their weights. Every burglary triggers a Poisson number of follow-ups nearby in the next days
 * (self-exciting, branching ratio {@value #BRANCHING}). Not thread-safe; one instance writes one
 * file.
 */
final class IncidentStream {
  static final double BRANCHING = 0.4;
  static final double NEAR_REPEAT_SIGMA_METRES = 50;
  static final double NEAR_REPEAT_MEAN_DELAY_DAYS = 4;
  /** The component of a near-repeat follow-up (others are categories, then hotspots). */
  private static final int NEAR_REPEAT = -1;

  /** What was written: valid rows by source, and the bad rows. */
  record Counts(long rows, Map<Category, Long> background, long[] hotspots, long nearRepeat,
      long nearRepeatDropped, List<IncidentCsv.BadRow> badRows) {}

  private record Pending(int day, long order, double x, double y) {}

  private final StreetIndex streets;
  private final List<Hotspot> hotspots;
  private final long seed;
  private final long total;
  private final Category[] categories = Category.values();
  private final int days =
      (int) ChronoUnit.DAYS.between(DemoCity.FIRST_DAY, DemoCity.LAST_DAY) + 1;
  private final SplittableRandom random;
  private final PriorityQueue<Pending> pending = new PriorityQueue<>(
      (a, b) -> a.day != b.day ? Integer.compare(a.day, b.day) : Long.compare(a.order, b.order));
  private long pendingOrder;
  private long nearRepeatDropped;
  private final double[] point = new double[2];
  /** One day's rows, in drawing order; reused from day to day. */
  private int[] component = new int[0];
  private int[] category = new int[0];
  private int[] secondOfDay = new int[0];
  private double[] x = new double[0];
  private double[] y = new double[0];
  private long[] order = new long[0];

  IncidentStream(StreetIndex streets, List<Hotspot> hotspots, long seed, long total) {
    this.streets = streets;
    this.hotspots = hotspots;
    this.seed = seed;
    this.total = total;
    this.random = new SplittableRandom(seed);
  }

  Counts write(Writer out, DoubleConsumer progress) throws IOException {
    double[][] weight = dayWeights();
    long[] quota = dayQuotas(weight);
    IncidentCsv csv = new IncidentCsv(out, random);
    Map<Category, Long> background = new EnumMap<>(Category.class);
    for (Category c : categories) {
      background.put(c, 0L);
    }
    long[] hotspotRows = new long[hotspots.size()];
    long nearRepeat = 0;
    int lastPercent = -1;
    for (int d = 0; d < days; d++) {
      LocalDate day = DemoCity.FIRST_DAY.plusDays(d);
      int n = (int) quota[d];
      drawDay(d, n, weight[d]);
      Arrays.sort(order, 0, n);
      for (int k = 0; k < n; k++) {
        int i = (int) (order[k] & 0xFFFFFF);
        Category cat = categories[category[i]];
        ZonedDateTime at = ZonedDateTime.of(day, LocalTime.ofSecondOfDay(secondOfDay[i]),
            DemoCity.ZONE);
        boolean valid = csv.write(at, TownPlan.PROJECTION.lon(x[i]),
            TownPlan.PROJECTION.lat(y[i]), cat);
        int c = component[i];
        if (c == NEAR_REPEAT) {
          nearRepeat++;
        } else if (valid && c >= categories.length) {
          hotspotRows[c - categories.length]++;
        } else if (valid) {
          background.merge(cat, 1L, Long::sum);
        }
      }
      int percent = (int) (100L * (d + 1) / days);
      if (percent != lastPercent) {
        lastPercent = percent;
        progress.accept(percent / 100.0);
      }
    }
    nearRepeatDropped += pending.size();
    return new Counts(csv.rows(), background, hotspotRows, nearRepeat, nearRepeatDropped,
        csv.badRows());
  }

  /**
   * The expected rows of each component (categories, then hotspots) on each day, relative:
   * each component's column sums to its share of all rows.
   */
  private double[][] dayWeights() {
    int components = categories.length + hotspots.size();
    double backgroundShare = 1 - hotspots.stream().mapToDouble(Hotspot::share).sum();
    SplittableRandom noiseRandom = new SplittableRandom(seed * 31 + 7);
    double[] dayNoise = new double[days];
    for (int d = 0; d < days; d++) {
      dayNoise[d] = Math.exp(0.15 * Gaussian.next(noiseRandom));
    }
    double[][] weight = new double[days][components];
    for (int c = 0; c < components; c++) {
      double sum = 0;
      for (int d = 0; d < days; d++) {
        LocalDate day = DemoCity.FIRST_DAY.plusDays(d);
        double w;
        if (c < categories.length) {
          w = season(day) * categories[c].weekdayWeight(day.getDayOfWeek());
        } else {
          Hotspot h = hotspots.get(c - categories.length);
          w = h.activity(day) * meanWeekday(h.categories(), day.getDayOfWeek());
        }
        weight[d][c] = w * dayNoise[d];
        sum += weight[d][c];
      }
      double share = c < categories.length ? backgroundShare * categories[c].backgroundShare
          : hotspots.get(c - categories.length).share();
      for (int d = 0; d < days; d++) {
        weight[d][c] = sum == 0 ? 0 : weight[d][c] * share / sum;
      }
    }
    return weight;
  }

  /** Rows per day: cumulative rounding of the expected totals, so they add up exactly. */
  private long[] dayQuotas(double[][] weight) {
    long[] quota = new long[days];
    double totalWeight = Arrays.stream(weight).flatMapToDouble(Arrays::stream).sum();
    double cumulative = 0;
    long assigned = 0;
    for (int d = 0; d < days; d++) {
      cumulative += Arrays.stream(weight[d]).sum();
      long upTo = Math.round(total * (cumulative / totalWeight));
      quota[d] = upTo - assigned;
      assigned = upTo;
    }
    quota[days - 1] += total - assigned;
    return quota;
  }

  /** Draws day {@code d}'s {@code n} rows into the day arrays, follow-ups due that day first. */
  private void drawDay(int d, int n, double[] weight) {
    if (n > order.length) {
      int capacity = Math.max(n, order.length * 2);
      component = new int[capacity];
      category = new int[capacity];
      secondOfDay = new int[capacity];
      x = new double[capacity];
      y = new double[capacity];
      order = new long[capacity];
    }
    double[] cdf = new double[weight.length];
    double sum = 0;
    for (int c = 0; c < weight.length; c++) {
      sum += weight[c];
      cdf[c] = sum;
    }
    for (int i = 0; i < n; i++) {
      Pending due = pending.peek() != null && pending.peek().day == d ? pending.poll() : null;
      int c;
      Category cat;
      if (due != null) {
        c = NEAR_REPEAT;
        cat = Category.BURGLARY;
        streets.snap(due.x + Gaussian.next(random) * NEAR_REPEAT_SIGMA_METRES,
            due.y + Gaussian.next(random) * NEAR_REPEAT_SIGMA_METRES, random, point);
      } else {
        c = pick(cdf, random.nextDouble() * sum);
        if (c < categories.length) {
          cat = categories[c];
          streets.alongStreets(cat, random, point);
        } else {
          Hotspot h = hotspots.get(c - categories.length);
          cat = h.categories().get(random.nextInt(h.categories().size()));
          double s = h.sigma();
          streets.snap(h.x() + Gaussian.next(random) * s, h.y() + Gaussian.next(random) * s,
              random, point);
        }
      }
      component[i] = c;
      category[i] = cat.ordinal();
      secondOfDay[i] = cat.hour(random.nextDouble()) * 3600 + random.nextInt(60) * 60;
      x[i] = point[0];
      y[i] = point[1];
      order[i] = ((long) secondOfDay[i] << 24) | i;
      if (cat == Category.BURGLARY) {
        scheduleFollowUps(d, point[0], point[1]);
      }
    }
    while (pending.peek() != null && pending.peek().day == d) {
      pending.poll();
      nearRepeatDropped++; // more follow-ups due than the day has rows: only in tiny cities
    }
  }

  private void scheduleFollowUps(int d, double px, double py) {
    int children = Gaussian.poisson(random, BRANCHING);
    for (int k = 0; k < children; k++) {
      int delay = Math.max(1, (int) Math.round(
          -Math.log(1 - random.nextDouble()) * NEAR_REPEAT_MEAN_DELAY_DAYS));
      if (d + delay < days) {
        pending.add(new Pending(d + delay, pendingOrder++, px, py));
      } else {
        nearRepeatDropped++;
      }
    }
  }

  private static int pick(double[] cdf, double u) {
    for (int c = 0; c < cdf.length - 1; c++) {
      if (u < cdf[c]) {
        return c;
      }
    }
    return cdf.length - 1;
  }

  /** Mild seasonality: about +12 % in midsummer and -12 % in midwinter. */
  private static double season(LocalDate day) {
    return 1 + 0.12 * Math.sin(2 * Math.PI * (day.getDayOfYear() - 105) / 365.25);
  }

  private static double meanWeekday(List<Category> categories, DayOfWeek day) {
    return categories.stream().mapToDouble(c -> c.weekdayWeight(day)).average().orElse(1);
  }
}
