package org.hotbeat.community;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Suggests control beats for a response beat: beats whose monthly counts in the 'before' period
 * had a similar level and trend, away from the response beat and its buffer. Thread-safe.
 *
 * <p>Level is the mean monthly count; trend is the least-squares slope as a share of the level
 * (the relative change per month). The distance between two beats is
 * √((ln level ratio)² + (trend difference × months)²): both terms are relative changes over the
 * period, so a beat at half the level weighs like one drifting apart by ln 2 ≈ 69 % over it.
 */
public final class ControlCandidates {
  /** One suggestion. {@code trend} is the relative change per month. */
  public record Candidate(String beat, double monthlyMean, double trend, double distance) {}

  /** The response beat's own figures and the suggestions, closest first. */
  public record Suggestions(String agency, String response, Period before, double monthlyMean,
      double trend, List<Candidate> candidates) {}

  private static final String MONTHLY = """
      SELECT b.code, to_char(i.occurred_at AT TIME ZONE ?, 'YYYY-MM'), count(*)
      FROM beat b JOIN incident i ON i.agency = b.agency AND ST_Covers(b.geom, i.geom)
      WHERE b.agency = ? AND i.occurred_at >= ? AND i.occurred_at < ?
        AND (cardinality(?::text[]) = 0 OR i.category = ANY (?))
      GROUP BY 1, 2""";

  private final DataSource dataSource;
  private final AreaResolver areas = new AreaResolver();

  public ControlCandidates(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public Suggestions suggest(String agencyNamed, String responseBeat, Period before,
      double bufferMetres, List<String> categories, int limit) throws SQLException {
    Period.checked("before", before);
    try (Connection c = dataSource.getConnection()) {
      String agency = areas.agency(c, agencyNamed);
      ZoneId zone = areas.timeZone(c, agency);
      areas.resolve(c, agency, "response", AreaSpec.beat(responseBeat));
      Set<String> near = near(c, agency, responseBeat, bufferMetres);
      List<String> months = new ArrayList<>();
      for (YearMonth m = YearMonth.from(before.from());
          !m.atDay(1).isAfter(before.to().minusDays(1)); m = m.plusMonths(1)) {
        months.add(m.toString());
      }
      Map<String, double[]> series = new HashMap<>();
      try (PreparedStatement ps = c.prepareStatement(MONTHLY)) {
        ps.setString(1, zone.getId());
        ps.setString(2, agency);
        ps.setTimestamp(3, AssessmentService.start(before.from(), zone));
        ps.setTimestamp(4, AssessmentService.start(before.to(), zone));
        String[] cats = categories.toArray(String[]::new);
        ps.setArray(5, c.createArrayOf("text", cats));
        ps.setArray(6, c.createArrayOf("text", cats));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            int m = months.indexOf(rs.getString(2));
            if (m >= 0) {
              series.computeIfAbsent(rs.getString(1), k -> new double[months.size()])[m] +=
                  rs.getLong(3);
            }
          }
        }
      }
      double[] own = series.getOrDefault(responseBeat, new double[months.size()]);
      double level = mean(own);
      double trend = level > 0 ? slope(own) / level : 0;
      List<Candidate> out = new ArrayList<>();
      series.forEach((beat, s) -> {
        double l = mean(s);
        if (near.contains(beat) || l == 0 || level == 0) {
          return;
        }
        double t = slope(s) / l;
        double d = Math.hypot(Math.log(l / level), (t - trend) * months.size());
        out.add(new Candidate(beat, l, t, d));
      });
      out.sort(Comparator.comparingDouble(Candidate::distance));
      return new Suggestions(agency, responseBeat, before, level, trend,
          out.subList(0, Math.min(limit, out.size())));
    }
  }

  /** The response beat and every beat within {@code metres} of it: unusable as controls. */
  private static Set<String> near(Connection c, String agency, String beat, double metres)
      throws SQLException {
    Set<String> out = new HashSet<>();
    try (PreparedStatement ps = c.prepareStatement("""
        SELECT b.code FROM beat b, beat r
        WHERE b.agency = ? AND r.agency = b.agency AND r.code = ?
          AND ST_DWithin(b.geom::geography, r.geom::geography, ?)""")) {
      ps.setString(1, agency);
      ps.setString(2, beat);
      ps.setDouble(3, metres);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  static double mean(double[] s) {
    double sum = 0;
    for (double v : s) {
      sum += v;
    }
    return s.length == 0 ? 0 : sum / s.length;
  }

  /** Least-squares slope of {@code s} against 0, 1, 2, …; 0 for fewer than two points. */
  static double slope(double[] s) {
    int n = s.length;
    if (n < 2) {
      return 0;
    }
    double mx = (n - 1) / 2.0;
    double my = mean(s);
    double num = 0;
    double den = 0;
    for (int i = 0; i < n; i++) {
      num += (i - mx) * (s[i] - my);
      den += (i - mx) * (i - mx);
    }
    return num / den;
  }
}
