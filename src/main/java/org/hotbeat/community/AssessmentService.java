package org.hotbeat.community;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Runs an assessment on the database: resolves the three areas, refuses overlaps, counts incidents
 * per area, period and month, and computes the measures of {@link WeightedDisplacement} and
 * {@link RelativeEffectSize}. Thread-safe.
 */
public final class AssessmentService {
  /** Overlaps smaller than this (m²) are slivers of polygon arithmetic, not shared ground. */
  static final double OVERLAP_TOLERANCE_M2 = 1.0;

  private static final String COUNTS = """
      WITH area(name, geom) AS (VALUES ('response', ST_GeomFromWKB(?, 4326)),
                                       ('buffer', ST_GeomFromWKB(?, 4326)),
                                       ('control', ST_GeomFromWKB(?, 4326)))
      SELECT a.name, to_char(i.occurred_at AT TIME ZONE ?, 'YYYY-MM'),
             count(*) FILTER (WHERE i.occurred_at >= ? AND i.occurred_at < ?),
             count(*) FILTER (WHERE i.occurred_at >= ? AND i.occurred_at < ?),
             count(*)
      FROM area a JOIN incident i ON ST_Intersects(a.geom, i.geom)
      WHERE i.agency = ? AND i.occurred_at >= ? AND i.occurred_at < ?
        AND (cardinality(?::text[]) = 0 OR i.category = ANY (?))
        -- a point on the response area's edge belongs to the response area, not the ring
        AND (a.name <> 'buffer' OR NOT ST_Intersects(ST_GeomFromWKB(?, 4326), i.geom))
      GROUP BY 1, 2""";

  private final DataSource dataSource;
  private final AreaResolver areas;

  public AssessmentService(DataSource dataSource) {
    this.dataSource = dataSource;
    this.areas = new AreaResolver();
  }

  public Assessment assess(AssessmentRequest request) throws SQLException {
    request.checked();
    try (Connection c = dataSource.getConnection()) {
      String agency = areas.agency(c, request.agency());
      ZoneId zone = areas.timeZone(c, agency);
      AreaResolver.Shape response = areas.resolve(c, agency, "response", request.response());
      AreaResolver.Shape control = areas.resolve(c, agency, "control", request.control());
      AreaResolver.Shape buffer = areas.ring(c, response, request.bufferMetres());
      areas.refuseOverlaps(c, response, buffer, control);
      Map<String, long[]> totals = new LinkedHashMap<>();
      Map<String, long[]> months = new LinkedHashMap<>();
      for (YearMonth m = YearMonth.from(request.before().from());
          !m.atDay(1).isAfter(request.after().to().minusDays(1)); m = m.plusMonths(1)) {
        months.put(m.toString(), new long[3]);
      }
      count(c, agency, zone, request, response, buffer, control, totals, months);
      boolean perDay = request.before().days() != request.after().days();
      Assessment.AreaResult r = result(response, totals.get("response"), request, perDay);
      Assessment.AreaResult b = result(buffer, totals.get("buffer"), request, perDay);
      Assessment.AreaResult k = result(control, totals.get("control"), request, perDay);
      List<Assessment.Month> series = new ArrayList<>();
      months.forEach((m, n) -> series.add(new Assessment.Month(m, n[0], n[1], n[2])));
      List<String> notes = new ArrayList<>();
      if (perDay) {
        notes.add(String.format(Locale.ROOT, "the periods differ in length (%d days before, %d "
            + "after): counts are also given per day; the WDQ and the effect size compare each "
            + "area with the control over the same periods, so the lengths cancel out",
            request.before().days(), request.after().days()));
      }
      if (request.after().from().isAfter(request.before().to())) {
        notes.add("the " + (request.after().from().toEpochDay() - request.before().to()
            .toEpochDay()) + " days between the periods are left out of both");
      }
      return new Assessment(agency, zone.getId(), request.categories(), request.bufferMetres(),
          request.before(), request.after(), request.after().from(),
          new Assessment.Areas(r, b, k),
          WeightedDisplacement.compute(r.counts(), b.counts(), k.counts()),
          RelativeEffectSize.compute(r.counts(), k.counts()), series, notes);
    }
  }

  private static void count(Connection c, String agency, ZoneId zone, AssessmentRequest q,
      AreaResolver.Shape response, AreaResolver.Shape buffer, AreaResolver.Shape control,
      Map<String, long[]> totals, Map<String, long[]> months) throws SQLException {
    List<String> names = List.of("response", "buffer", "control");
    names.forEach(n -> totals.put(n, new long[2]));
    try (PreparedStatement ps = c.prepareStatement(COUNTS)) {
      int k = 1;
      ps.setBytes(k++, response.wkb());
      ps.setBytes(k++, buffer.wkb());
      ps.setBytes(k++, control.wkb());
      ps.setString(k++, zone.getId());
      ps.setTimestamp(k++, start(q.before().from(), zone));
      ps.setTimestamp(k++, start(q.before().to(), zone));
      ps.setTimestamp(k++, start(q.after().from(), zone));
      ps.setTimestamp(k++, start(q.after().to(), zone));
      ps.setString(k++, agency);
      ps.setTimestamp(k++, start(q.before().from(), zone));
      ps.setTimestamp(k++, start(q.after().to(), zone));
      String[] cats = q.categories().toArray(String[]::new);
      ps.setArray(k++, c.createArrayOf("text", cats));
      ps.setArray(k++, c.createArrayOf("text", cats));
      ps.setBytes(k, response.wkb());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int area = names.indexOf(rs.getString(1));
          long[] t = totals.get(rs.getString(1));
          t[0] += rs.getLong(3);
          t[1] += rs.getLong(4);
          long[] m = months.get(rs.getString(2));
          if (m != null) {
            m[area] += rs.getLong(5);
          }
        }
      }
    }
  }

  /** The first instant of {@code day} on the agency's clock. */
  static Timestamp start(LocalDate day, ZoneId zone) {
    return Timestamp.from(day.atStartOfDay(zone).toInstant());
  }

  private static Assessment.AreaResult result(AreaResolver.Shape shape, long[] counts,
      AssessmentRequest q, boolean perDay) {
    return new Assessment.AreaResult(shape.label(), shape.km2(), counts[0], counts[1],
        perDay ? counts[0] / (double) q.before().days() : null,
        perDay ? counts[1] / (double) q.after().days() : null);
  }
}
