package org.hotbeat.evaluation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.hotbeat.geo.MetricProjection;
import org.hotbeat.store.PublicFilter;

/**
 * The per-beat report: counts by category in a period, the rate per km², and the change against
 * the period just before (same length) and the same period a year earlier, each with the exact
 * conditional Poisson test of {@link CountComparison}. Thread-safe.
 *
 * <p>{@link #suppressed} makes the public version: categories with fewer than the public minimum
 * ({@link org.hotbeat.config.Limits#publicMinCount()}) incidents merge into one line, and if that line would itself be small
 * (so that the total would give it away) the next smallest categories join it until it is not.
 */
public final class BeatReport {
  /** One line: a category (or "all"), its counts and changes. Nulls mean suppressed. */
  public record Line(String category, Long count, Double perKm2, CountComparison.Result
      vsPrevious, CountComparison.Result vsLastYear, String note) {}

  /**
   * One of the beat's busiest cells in the period: a square of {@value #HOTSPOT_CELL_M} m in the
   * beat's UTM zone (outline as a closed lon/lat ring), its count and its share of the beat's.
   */
  public record Hotspot(int rank, double lon, double lat, double[][] ring, long count,
      double share) {}

  public record Report(String agency, String beat, String name, double areaKm2, Instant from,
      Instant to, List<Line> lines, List<Hotspot> hotspots, boolean suppressed) {}

  /** Side of the cells ranked as the beat's top hotspots, metres. */
  public static final double HOTSPOT_CELL_M = 150;
  /** How many top hotspots a report lists. */
  public static final int TOP_HOTSPOTS = 5;

  private final DataSource dataSource;

  public BeatReport(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The full report, or empty when the agency has no such beat. */
  public Optional<Report> build(String agency, String beat, Instant from, Instant to)
      throws SQLException {
    return build(agency, beat, from, to, null);
  }

  /**
   * The report, or empty when the agency has no such beat. With {@code publicClock} (the
   * agency's clock) it is the public's raw material (docs/privacy.md): the period is whole months
   * on that clock, the periods compared are the whole months before and a year before, and
   * sensitive incidents ({@link PublicFilter}) are left out; {@link #suppressed} then hides
   * small counts.
   */
  public Optional<Report> build(String agency, String beat, Instant from, Instant to,
      ZoneId publicClock) throws SQLException {
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("the period must end after it starts");
    }
    boolean publicView = publicClock != null;
    ZoneId zone = publicView ? publicClock : ZoneOffset.UTC;
    Duration length = Duration.between(from, to);
    Instant prevFrom = publicView ? from.atZone(zone).minusMonths(ChronoUnit.MONTHS.between(
        from.atZone(zone), to.atZone(zone))).toInstant() : from.minus(length);
    Instant lyFrom = from.atZone(zone).minusYears(1).toInstant();
    Instant lyTo = to.atZone(zone).minusYears(1).toInstant();
    String notSensitive = publicView ? PublicFilter.NOT_SENSITIVE_SQL : "";
    try (Connection c = dataSource.getConnection()) {
      String name;
      double area;
      try (PreparedStatement ps = c.prepareStatement("SELECT name, "
          + "ST_Area(geom::geography) / 1e6 FROM beat WHERE agency = ? AND code = ?")) {
        ps.setString(1, agency);
        ps.setString(2, beat);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          name = rs.getString(1);
          area = rs.getDouble(2);
        }
      }
      List<Line> lines = new ArrayList<>();
      long[] total = new long[3];
      try (PreparedStatement ps = c.prepareStatement("""
          SELECT i.category,
                 count(*) FILTER (WHERE i.occurred_at >= ? AND i.occurred_at < ?),
                 count(*) FILTER (WHERE i.occurred_at >= ? AND i.occurred_at < ?),
                 count(*) FILTER (WHERE i.occurred_at >= ? AND i.occurred_at < ?)
          FROM incident i JOIN beat b ON b.agency = i.agency AND b.code = ?
               AND ST_Covers(b.geom, i.geom)
          WHERE i.agency = ? AND i.occurred_at >= least(?::timestamptz, ?::timestamptz)
            AND i.occurred_at < ?""" + notSensitive
          + " GROUP BY i.category ORDER BY i.category")) {
        Timestamp[] t = {Timestamp.from(from), Timestamp.from(to), Timestamp.from(prevFrom),
            Timestamp.from(from), Timestamp.from(lyFrom), Timestamp.from(lyTo)};
        for (int k = 0; k < 6; k++) {
          ps.setTimestamp(k + 1, t[k]);
        }
        ps.setString(7, beat);
        ps.setString(8, agency);
        ps.setTimestamp(9, Timestamp.from(prevFrom));
        ps.setTimestamp(10, Timestamp.from(lyFrom));
        ps.setTimestamp(11, Timestamp.from(to));
        if (publicView) {
          PublicFilter.bindSensitive(c, ps, 12);
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            long cur = rs.getLong(2);
            long prev = rs.getLong(3);
            long ly = rs.getLong(4);
            total[0] += cur;
            total[1] += prev;
            total[2] += ly;
            lines.add(line(rs.getString(1), cur, prev, ly, area, length,
                Duration.between(lyFrom, lyTo)));
          }
        }
      }
      lines.add(0, line("all", total[0], total[1], total[2], area, length,
          Duration.between(lyFrom, lyTo)));
      return Optional.of(new Report(agency, beat, name, area, from, to, lines,
          hotspots(c, agency, beat, from, to, total[0], notSensitive), false));
    }
  }

  /** The {@value #TOP_HOTSPOTS} cells of the beat with the most incidents in the period. */
  private static List<Hotspot> hotspots(Connection c, String agency, String beat, Instant from,
      Instant to, long total, String notSensitive) throws SQLException {
    List<double[]> pts = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("""
        SELECT ST_X(i.geom), ST_Y(i.geom)
        FROM incident i JOIN beat b ON b.agency = i.agency AND b.code = ?
             AND ST_Covers(b.geom, i.geom)
        WHERE i.agency = ? AND i.occurred_at >= ? AND i.occurred_at < ?""" + notSensitive)) {
      ps.setString(1, beat);
      ps.setString(2, agency);
      ps.setTimestamp(3, Timestamp.from(from));
      ps.setTimestamp(4, Timestamp.from(to));
      if (!notSensitive.isEmpty()) {
        PublicFilter.bindSensitive(c, ps, 5);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          pts.add(new double[] {rs.getDouble(1), rs.getDouble(2)});
        }
      }
    }
    if (pts.isEmpty()) {
      return List.of();
    }
    double[] lons = pts.stream().mapToDouble(p -> p[0]).toArray();
    double[] lats = pts.stream().mapToDouble(p -> p[1]).toArray();
    MetricProjection proj = MetricProjection.utmFor(lons, lats);
    java.util.Map<List<Long>, Long> counts = new java.util.HashMap<>();
    for (int i = 0; i < lons.length; i++) {
      double[] xy = proj.forward(lons[i], lats[i]);
      counts.merge(List.of((long) Math.floor(xy[0] / HOTSPOT_CELL_M),
          (long) Math.floor(xy[1] / HOTSPOT_CELL_M)), 1L, Long::sum);
    }
    List<java.util.Map.Entry<List<Long>, Long>> ranked = new ArrayList<>(counts.entrySet());
    // Most incidents first; ties by position, so the order never depends on hashing.
    ranked.sort(java.util.Map.Entry.<List<Long>, Long>comparingByValue().reversed()
        .thenComparing(e -> e.getKey().get(0)).thenComparing(e -> e.getKey().get(1)));
    List<Hotspot> out = new ArrayList<>();
    for (int k = 0; k < Math.min(TOP_HOTSPOTS, ranked.size()); k++) {
      double x0 = ranked.get(k).getKey().get(0) * HOTSPOT_CELL_M;
      double y0 = ranked.get(k).getKey().get(1) * HOTSPOT_CELL_M;
      double h = HOTSPOT_CELL_M;
      double[] centre = proj.inverse(x0 + h / 2, y0 + h / 2);
      double[][] ring = {proj.inverse(x0, y0), proj.inverse(x0 + h, y0),
          proj.inverse(x0 + h, y0 + h), proj.inverse(x0, y0 + h), proj.inverse(x0, y0)};
      long n = ranked.get(k).getValue();
      out.add(new Hotspot(k + 1, centre[0], centre[1], ring, n, (double) n / total));
    }
    return out;
  }

  private static Line line(String category, long cur, long prev, long ly, double area,
      Duration length, Duration lastYearLength) {
    return new Line(category, cur, area > 0 ? cur / area : null,
        CountComparison.compare(cur, prev, length.toSeconds(), length.toSeconds()),
        CountComparison.compare(cur, ly, length.toSeconds(), lastYearLength.toSeconds()), null);
  }

  /** The public version of a report: no count below {@code minCount} can be read or derived. */
  public static Report suppressed(Report r, int minCount) {
    Line all = r.lines().get(0);
    List<Line> categories = new ArrayList<>(r.lines().subList(1, r.lines().size()));
    List<Line> out = new ArrayList<>();
    if (all.count() < minCount) {
      out.add(hidden("all", "fewer than " + minCount));
      return new Report(r.agency(), r.beat(), r.name(), r.areaKm2(), r.from(), r.to(), out,
          List.of(), true);
    }
    out.add(publicLine(all, minCount));
    categories.sort(Comparator.comparingLong(Line::count));
    long merged = 0;
    int mergedLines = 0;
    while (!categories.isEmpty() && (categories.get(0).count() < minCount
        || (merged > 0 && merged < minCount))) {
      merged += categories.remove(0).count();
      mergedLines++;
    }
    categories.sort(Comparator.comparing(Line::category));
    categories.forEach(l -> out.add(publicLine(l, minCount)));
    if (mergedLines > 0) {
      out.add(merged >= minCount
          ? new Line("other categories", merged, null, null, null, mergedLines
              + " small categories combined")
          : hidden("other categories", "fewer than " + minCount));
    }
    // Public hotspots: only cells of at least minCount incidents, so none singles out a few.
    List<Hotspot> hotspots = r.hotspots().stream().filter(h -> h.count() >= minCount).toList();
    return new Report(r.agency(), r.beat(), r.name(), r.areaKm2(), r.from(), r.to(), out,
        hotspots, true);
  }

  /** Changes are shown only where both counts compared are themselves publishable. */
  private static Line publicLine(Line l, int minCount) {
    return new Line(l.category(), l.count(), l.perKm2(), publishable(l.vsPrevious(), minCount),
        publishable(l.vsLastYear(), minCount), null);
  }

  private static CountComparison.Result publishable(CountComparison.Result c, int minCount) {
    return c.current() >= minCount && c.previous() >= minCount ? c : null;
  }

  private static Line hidden(String category, String note) {
    return new Line(category, null, null, null, null, note);
  }
}
