package org.hotbeat.demo;

import java.io.IOException;
import java.io.Writer;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.DoubleConsumer;

/**
 * Writes the generated city's incidents as CSV in the generic mapping
 * ({@code id,occurred_at,lon,lat,offense,category}), one day at a time and sorted by time within
 * the day, so memory stays flat whatever the count: only one day's rows, the pending near-repeat
 * burglaries and the list of bad rows are held.
 *
 * <p>Each day gets a share of the rows proportional to its expected intensity (season, weekday,
 * day-to-day noise, the hotspots active that day). Within a day, each row is a near-repeat
 * burglary due that day, or else drawn from the background categories and active hotspots by
 * their weights. Every burglary triggers a Poisson number of follow-ups nearby in the next days
 * (self-exciting, branching ratio {@value #BRANCHING}). A small share of rows is then spoiled on
 * purpose ({@link BadRow.Reason}). Not thread-safe; one instance writes one file.
 */
final class IncidentStream {
  static final String HEADER = "id,occurred_at,lon,lat,offense,category";
  static final double BRANCHING = 0.4;
  static final double NEAR_REPEAT_SIGMA_METRES = 50;
  static final double NEAR_REPEAT_MEAN_DELAY_DAYS = 4;
  static final double BAD_ROW_RATE = 0.0025;

  /** One spoiled row: its line in the file (the header is line 1), id and why it is bad. */
  record BadRow(long line, String id, Reason reason, String detail) {
    enum Reason { MISSING_COORDINATES, OUT_OF_AREA, BAD_DATE, DUPLICATE_ID }
  }

  /** What was written: rows by source, and the bad rows. */
  record Counts(long rows, Map<Category, Long> background, long[] hotspots, long nearRepeat,
      long nearRepeatDropped, List<BadRow> badRows) {}

  private record Pending(int day, long order, double x, double y) {}

  private final TownPlan plan;
  private final StreetIndex streets;
  private final List<Hotspot> hotspots;
  private final long seed;
  private final long total;

  IncidentStream(TownPlan plan, StreetIndex streets, List<Hotspot> hotspots, long seed,
      long total) {
    this.plan = plan;
    this.streets = streets;
    this.hotspots = hotspots;
    this.seed = seed;
    this.total = total;
  }

  Counts write(Writer out, DoubleConsumer progress) throws IOException {
    int days = (int) ChronoUnit.DAYS.between(DemoCity.FIRST_DAY, DemoCity.LAST_DAY) + 1;
    Category[] cats = Category.values();
    int components = cats.length + hotspots.size();
    double backgroundShare = 1 - hotspots.stream().mapToDouble(Hotspot::share).sum();

    // Expected intensity of each component on each day, scaled so each sums to its share.
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
        if (c < cats.length) {
          w = season(day) * cats[c].weekdayWeight(day.getDayOfWeek());
        } else {
          Hotspot h = hotspots.get(c - cats.length);
          w = h.activity(day) * meanWeekday(h.categories(), day.getDayOfWeek());
        }
        weight[d][c] = w * dayNoise[d];
        sum += weight[d][c];
      }
      double share = c < cats.length ? backgroundShare * cats[c].backgroundShare
          : hotspots.get(c - cats.length).share();
      for (int d = 0; d < days; d++) {
        weight[d][c] = sum == 0 ? 0 : weight[d][c] * share / sum;
      }
    }
    // Rows per day: cumulative rounding of the expected totals, so they add up exactly.
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

    SplittableRandom random = new SplittableRandom(seed);
    PriorityQueue<Pending> pending = new PriorityQueue<>(
        (a, b) -> a.day != b.day ? Integer.compare(a.day, b.day) : Long.compare(a.order, b.order));
    long pendingOrder = 0;
    Map<Category, Long> background = new EnumMap<>(Category.class);
    for (Category c : cats) {
      background.put(c, 0L);
    }
    long[] hotspotCounts = new long[hotspots.size()];
    long nearRepeat = 0;
    long dropped = 0;
    List<BadRow> bad = new ArrayList<>();
    out.write(HEADER);
    out.write('\n');
    long line = 1;
    String previousId = null;
    boolean previousValid = false;
    StringBuilder row = new StringBuilder(128);
    double[] point = new double[2];
    double[] cdf = new double[components];
    int lastPercent = -1;

    int capacity = 16;
    int[] comp = new int[capacity];
    int[] cat = new int[capacity];
    int[] secondOfDay = new int[capacity];
    double[] px = new double[capacity];
    double[] py = new double[capacity];
    long[] order = new long[capacity];

    for (int d = 0; d < days; d++) {
      LocalDate day = DemoCity.FIRST_DAY.plusDays(d);
      int n = (int) quota[d];
      if (n > capacity) {
        capacity = Math.max(n, capacity * 2);
        comp = new int[capacity];
        cat = new int[capacity];
        secondOfDay = new int[capacity];
        px = new double[capacity];
        py = new double[capacity];
        order = new long[capacity];
      }
      double sum = 0;
      for (int c = 0; c < components; c++) {
        sum += weight[d][c];
        cdf[c] = sum;
      }
      for (int i = 0; i < n; i++) {
        Pending due = pending.peek() != null && pending.peek().day == d ? pending.poll() : null;
        int c;
        Category category;
        if (due != null) {
          c = -1;
          category = Category.BURGLARY;
          nearRepeat++;
          streets.snap(due.x + Gaussian.next(random) * NEAR_REPEAT_SIGMA_METRES,
              due.y + Gaussian.next(random) * NEAR_REPEAT_SIGMA_METRES, random, point);
        } else {
          c = pickComponent(cdf, components, random.nextDouble() * sum);
          if (c < cats.length) {
            category = cats[c];
            streets.alongStreets(category, random, point);
          } else {
            Hotspot h = hotspots.get(c - cats.length);
            category = h.categories().get(random.nextInt(h.categories().size()));
            double s = h.sigma();
            streets.snap(h.x() + Gaussian.next(random) * s, h.y() + Gaussian.next(random) * s,
                random, point);
          }
        }
        comp[i] = c;
        cat[i] = category.ordinal();
        secondOfDay[i] = category.hour(random.nextDouble()) * 3600 + random.nextInt(60) * 60;
        px[i] = point[0];
        py[i] = point[1];
        order[i] = ((long) secondOfDay[i] << 24) | i;
        if (category == Category.BURGLARY) {
          int children = Gaussian.poisson(random, BRANCHING);
          for (int k = 0; k < children; k++) {
            int delay = Math.max(1, (int) Math.round(
                -Math.log(1 - random.nextDouble()) * NEAR_REPEAT_MEAN_DELAY_DAYS));
            if (d + delay < days) {
              pending.add(new Pending(d + delay, pendingOrder++, point[0], point[1]));
            } else {
              dropped++;
            }
          }
        }
      }
      while (pending.peek() != null && pending.peek().day == d) {
        pending.poll();
        dropped++; // more follow-ups due than the day has rows: rare, and only for tiny cities
      }
      Arrays.sort(order, 0, n);
      for (int k = 0; k < n; k++) {
        int i = (int) (order[k] & 0xFFFFFF);
        line++;
        String id = DemoCity.incidentId(line - 1);
        int ci = comp[i];
        Category category = cats[cat[i]];
        boolean fromHotspot = ci >= cats.length;
        ZonedDateTime at = ZonedDateTime.of(day, LocalTime.ofSecondOfDay(secondOfDay[i]),
            DemoCity.ZONE);
        String offense = category.offenses[random.nextInt(category.offenses.length)];
        String time = isoTime(at);
        double lon = TownPlan.PROJECTION.lon(px[i]);
        double lat = TownPlan.PROJECTION.lat(py[i]);

        BadRow.Reason reason = null;
        if (random.nextDouble() < BAD_ROW_RATE) {
          reason = BadRow.Reason.values()[random.nextInt(4)];
          if (reason == BadRow.Reason.DUPLICATE_ID && !previousValid) {
            reason = BadRow.Reason.MISSING_COORDINATES;
          }
        }
        row.setLength(0);
        String detail = null;
        if (reason == BadRow.Reason.DUPLICATE_ID) {
          id = previousId;
          detail = "repeats the id of line " + (line - 1);
        }
        row.append(id).append(',');
        if (reason == BadRow.Reason.BAD_DATE) {
          String[] spoiled = {"", "N/A", time.replaceFirst("-\\d\\d-\\d\\dT", "-02-30T"),
              time.replaceFirst("T\\d\\d:", "T25:"),
              String.format("%02d/%02d/%d %02d:%02d", at.getDayOfMonth(), at.getMonthValue(),
                  at.getYear(), at.getHour(), at.getMinute())};
          time = spoiled[random.nextInt(spoiled.length)];
          detail = "occurred_at '" + time + "'";
        }
        row.append(time).append(',');
        if (reason == BadRow.Reason.MISSING_COORDINATES) {
          boolean both = random.nextInt(3) > 0;
          row.append(both ? "" : Decimals.format(lon, 6)).append(',');
          detail = both ? "lon and lat empty" : "lat empty";
        } else if (reason == BadRow.Reason.OUT_OF_AREA) {
          switch (random.nextInt(3)) {
            case 0 -> {
              lon = 0;
              lat = 0;
              detail = "0,0";
            }
            case 1 -> {
              double t = lon;
              lon = lat;
              lat = t;
              detail = "lon and lat swapped";
            }
            default -> {
              lon += 2.5;
              lat += 1.5;
              detail = "about 250 km away";
            }
          }
          Decimals.append(row, lon, 6);
          row.append(',');
          Decimals.append(row, lat, 6);
        } else {
          Decimals.append(row, lon, 6);
          row.append(',');
          Decimals.append(row, lat, 6);
        }
        row.append(',').append(offense).append(',').append(category.id).append('\n');
        out.append(row);

        if (reason != null) {
          bad.add(new BadRow(line, id, reason, detail));
        } else if (ci < 0) {
          // near-repeat follow-ups are counted with their own total
        } else if (fromHotspot) {
          hotspotCounts[ci - cats.length]++;
        } else {
          background.merge(category, 1L, Long::sum);
        }
        if (reason == null) {
          previousId = id;
          previousValid = true;
        } else {
          previousValid = false;
        }
      }
      int percent = (int) (100L * (d + 1) / days);
      if (percent != lastPercent) {
        lastPercent = percent;
        progress.accept(percent / 100.0);
      }
    }
    dropped += pending.size();
    return new Counts(line - 1, background, hotspotCounts, nearRepeat, dropped, bad);
  }

  private static int pickComponent(double[] cdf, int n, double u) {
    for (int c = 0; c < n - 1; c++) {
      if (u < cdf[c]) {
        return c;
      }
    }
    return n - 1;
  }

  /** Mild seasonality: about +12 % in midsummer and -12 % in midwinter. */
  private static double season(LocalDate day) {
    return 1 + 0.12 * Math.sin(2 * Math.PI * (day.getDayOfYear() - 105) / 365.25);
  }

  private static double meanWeekday(List<Category> categories, DayOfWeek day) {
    return categories.stream().mapToDouble(c -> c.weekdayWeight(day)).average().orElse(1);
  }

  /** {@code 2023-05-04T13:45:00-05:00}. */
  static String isoTime(ZonedDateTime t) {
    StringBuilder b = new StringBuilder(25);
    b.append(t.getYear()).append('-');
    two(b, t.getMonthValue()).append('-');
    two(b, t.getDayOfMonth()).append('T');
    two(b, t.getHour()).append(':');
    two(b, t.getMinute()).append(':');
    two(b, t.getSecond());
    int offset = t.getOffset().getTotalSeconds();
    b.append(offset < 0 ? '-' : '+');
    offset = Math.abs(offset);
    two(b, offset / 3600).append(':');
    two(b, offset / 60 % 60);
    return b.toString();
  }

  private static StringBuilder two(StringBuilder b, int v) {
    return b.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
  }
}
