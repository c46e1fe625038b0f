package org.hotbeat.community;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.hotbeat.InvalidInputException;
import org.hotbeat.evaluation.CountComparison;
import org.hotbeat.store.PublicFilter;

/**
 * The community report of a beat for whole months: what residents raised ("you told us"), what
 * was done ("we did") and what changed, in plain words. Public by design: every figure is
 * aggregated, counts below the public minimum read "fewer than N", nothing is dated
 * finer than the month, and no address, coordinate or geometry is included. Thread-safe.
 */
public final class CommunityReport {
  public record Report(String beat, String period, Meetings meetings, List<Raised> youToldUs,
      List<Done> weDid, List<Patrols> patrols, List<Change> whatChanged, List<String> notes) {}

  /** Meetings held in the period; attendance summed. */
  public record Meetings(int held, String attendance, String satisfaction) {}

  public record Raised(String title, String month, String raisedBy, String status,
      List<String> categories) {}

  public record Done(String problem, String kind, String description, String from, String to) {}

  /** Patrol presence measured from tracks in a problem's area. */
  public record Patrols(String problem, String hours, String visits, String months) {}

  /** Counts before and after, and the change in words. */
  public record Change(String area, String what, String before, String after, String periods,
      String summary) {}

  private static final Map<String, String> STATUS = Map.of(
      "scanning", "noted, being looked into", "analysis", "being analysed",
      "response", "action under way", "assessment", "checking whether it worked",
      "closed", "closed");

  private final DataSource dataSource;
  private final int minCount;
  private final AreaResolver areas = new AreaResolver();

  /** @param minCount smallest count shown ({@code config.Limits.publicMinCount()}) */
  public CommunityReport(DataSource dataSource, int minCount) {
    this.dataSource = dataSource;
    this.minCount = minCount;
  }

  /**
   * What the public reads of a problem: its public summary, scrubbed, or a placeholder until an
   * officer writes one. The title and notes are internal and never shown.
   */
  private static String publicName(CommunityProblem p) {
    return p.publicSummary() == null ? "a problem raised in "
        + PublicText.month(YearMonth.from(p.raisedOn())) + " (details not yet published)"
        : PublicText.scrub(p.publicSummary());
  }

  /** The report for the months {@code from} to {@code to}, both included. */
  public Report build(String agencyNamed, String beat, YearMonth from, YearMonth to)
      throws SQLException {
    if (to.isBefore(from)) {
      throw new InvalidInputException("to", "must not be before 'from'");
    }
    if (ChronoUnit.MONTHS.between(from, to) >= 36) {
      throw new InvalidInputException("to", "a report covers at most 36 months");
    }
    try (Connection c = dataSource.getConnection()) {
      String agency = areas.agency(c, agencyNamed);
      areas.requireBeat(c, agency, "beat", beat);
      ZoneId zone = areas.timeZone(c, agency);
      LocalDate start = from.atDay(1);
      LocalDate end = to.plusMonths(1).atDay(1);
      List<String> notes = new ArrayList<>();
      Meetings meetings = meetings(c, agency, beat, start, end);
      List<Raised> raised = new ArrayList<>();
      List<Done> done = new ArrayList<>();
      List<Patrols> patrols = new ArrayList<>();
      List<Change> changes = new ArrayList<>();
      // Problems raised in the period, and older ones still being worked on in it.
      for (CommunityProblem p : new CommunityProblemRepository(dataSource).list(agency, beat, null, null, end, 200)) {
        String title = publicName(p);
        boolean raisedNow = !p.raisedOn().isBefore(start);
        if (raisedNow) {
          raised.add(new Raised(title, PublicText.month(YearMonth.from(p.raisedOn())),
              p.raisedBy().equals("community") ? "residents" : "police", STATUS.get(p.status()),
              p.categories().stream().map(PublicText::scrub).toList()));
        }
        LocalDate first = null;   // the first response, which splits before from after
        boolean active = false;   // a response under way in the period
        for (ProblemResponse r : ResponseRepository.forProblem(c, p.id())) {
          if (!r.startedOn().isBefore(end)) {
            continue;
          }
          first = first == null || r.startedOn().isBefore(first) ? r.startedOn() : first;
          if (r.endedOn() == null || !r.endedOn().isBefore(start)) {
            active = true;
            done.add(new Done(title, r.kind(), r.publicSummary() == null
                ? "details not yet published" : PublicText.scrub(r.publicSummary()),
                PublicText.month(YearMonth.from(r.startedOn())), r.endedOn() == null ? "ongoing"
                : PublicText.month(YearMonth.from(r.endedOn()))));
          }
        }
        Patrols presence = patrols(c, p.id(), title, start, end);
        if (presence != null) {
          patrols.add(presence);
        }
        if (first != null && (raisedNow || active)) {
          changes.add(change(c, zone, p, title, YearMonth.from(first), to));
        }
      }
      changes.add(beatChange(c, agency, zone, beat, from, to));
      notes.add("Counts below " + minCount + " are shown as \"fewer than " + minCount
          + "\" to protect the people involved. Dates are given by month; sexual offences and "
          + "domestic abuse are never counted in public.");
      notes.add("\"Could be chance\" means a change this size happens often without any cause "
          + "(exact Poisson test, 5 % level). Comparing an area with itself over time cannot rule "
          + "out other causes such as the season or a city-wide trend; the police analyst's "
          + "assessment against a comparison area is the stronger test.");
      return new Report(beat, PublicText.month(from) + " to " + PublicText.month(to), meetings,
          raised, done, patrols, changes, notes);
    }
  }

  private Meetings meetings(Connection c, String agency, String beat, LocalDate start,
      LocalDate end) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("""
        SELECT count(*), sum(attendance), avg(satisfaction), count(satisfaction)
        FROM community_meeting WHERE agency = ? AND beat = ? AND held_on >= ? AND held_on < ?""")) {
      ps.setString(1, agency);
      ps.setString(2, beat);
      ps.setDate(3, Date.valueOf(start));
      ps.setDate(4, Date.valueOf(end));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        long attendance = rs.getLong(2);
        String satisfaction = rs.getLong(4) == 0 ? null : String.format(Locale.ROOT,
            "%.0f %% of those surveyed said they were satisfied", rs.getDouble(3));
        return new Meetings(rs.getInt(1), rs.getInt(1) == 0 ? null
            : PublicText.count(attendance, minCount), satisfaction);
      }
    }
  }

  private Patrols patrols(Connection c, long problem, String title, LocalDate start,
      LocalDate end) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT sum(minutes), sum(visits), min(day), "
        + "max(day) FROM patrol_dosage WHERE problem_id = ? AND day >= ? AND day < ?")) {
      ps.setLong(1, problem);
      ps.setDate(2, Date.valueOf(start));
      ps.setDate(3, Date.valueOf(end));
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next() || rs.getObject(3) == null) {
          return null;
        }
        YearMonth a = YearMonth.from(rs.getDate(3).toLocalDate());
        YearMonth b = YearMonth.from(rs.getDate(4).toLocalDate());
        double hours = rs.getDouble(1) / 60;
        return new Patrols(title, hours < 1 ? "less than an hour" : String.format(Locale.ROOT,
            "about %.0f hours", hours), PublicText.count(rs.getLong(2), minCount),
            a.equals(b) ? PublicText.month(a) : PublicText.month(a) + " to " + PublicText.month(b));
      }
    }
  }

  /** The problem's area and categories: as many months before the response as after it. */
  private Change change(Connection c, ZoneId zone, CommunityProblem p, String title,
      YearMonth start, YearMonth to) throws SQLException {
    long months = Math.min(12, ChronoUnit.MONTHS.between(start, to) + 1);
    YearMonth beforeFrom = start.minusMonths(months);
    long[] n;
    try (PreparedStatement ps = c.prepareStatement("""
        SELECT count(*) FILTER (WHERE i.occurred_at < ?), count(*) FILTER (WHERE i.occurred_at >= ?)
        FROM incident i JOIN community_problem p ON p.id = ? AND i.agency = p.agency
          AND ST_Intersects(p.geom, i.geom)
        WHERE i.occurred_at >= ? AND i.occurred_at < ?
          AND (cardinality(p.categories) = 0 OR i.category = ANY (p.categories))"""
        + PublicFilter.NOT_SENSITIVE_SQL)) {
      ps.setTimestamp(1, AssessmentService.start(start.atDay(1), zone));
      ps.setTimestamp(2, AssessmentService.start(start.atDay(1), zone));
      ps.setLong(3, p.id());
      ps.setTimestamp(4, AssessmentService.start(beforeFrom.atDay(1), zone));
      ps.setTimestamp(5, AssessmentService.start(start.plusMonths(months).atDay(1), zone));
      PublicFilter.bindSensitive(c, ps, 6);
      n = counts(ps);
    }
    String what = p.categories().isEmpty() ? "incidents"
        : "incidents of " + PublicText.scrub(String.join(", ", p.categories()));
    return describe(title, what, n[0], n[1], PublicText.month(beforeFrom) + " to "
        + PublicText.month(start.minusMonths(1)) + ", against " + PublicText.month(start)
        + " to " + PublicText.month(start.plusMonths(months - 1)));
  }

  /** All incidents in the beat in the period, against the same months a year before. */
  private Change beatChange(Connection c, String agency, ZoneId zone, String beat,
      YearMonth from, YearMonth to) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("""
        SELECT count(*) FILTER (WHERE i.occurred_at < ?), count(*) FILTER (WHERE i.occurred_at >= ?)
        FROM incident i JOIN beat b ON b.agency = i.agency AND b.code = ?
          AND ST_Covers(b.geom, i.geom)
        WHERE i.agency = ? AND (i.occurred_at >= ? AND i.occurred_at < ?
          OR i.occurred_at >= ? AND i.occurred_at < ?)""" + PublicFilter.NOT_SENSITIVE_SQL)) {
      ps.setTimestamp(1, AssessmentService.start(from.atDay(1), zone));
      ps.setTimestamp(2, AssessmentService.start(from.atDay(1), zone));
      ps.setString(3, beat);
      ps.setString(4, agency);
      ps.setTimestamp(5, AssessmentService.start(from.minusYears(1).atDay(1), zone));
      ps.setTimestamp(6, AssessmentService.start(to.minusYears(1).plusMonths(1).atDay(1), zone));
      ps.setTimestamp(7, AssessmentService.start(from.atDay(1), zone));
      ps.setTimestamp(8, AssessmentService.start(to.plusMonths(1).atDay(1), zone));
      PublicFilter.bindSensitive(c, ps, 9);
      long[] n = counts(ps);
      return describe("the whole beat", "incidents of all kinds", n[0], n[1],
          "the same months a year earlier, against " + PublicText.month(from) + " to "
              + PublicText.month(to));
    }
  }

  private static long[] counts(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      rs.next();
      return new long[] {rs.getLong(1), rs.getLong(2)};
    }
  }

  private Change describe(String area, String what, long before, long after,
      String periods) {
    return new Change(area, what, PublicText.count(before, minCount),
        PublicText.count(after, minCount), periods, summary(what, before, after, minCount));
  }

  /** The change in plain words, with its uncertainty (periods of equal length). */
  static String summary(String what, long before, long after, int minCount) {
    if (before < minCount || after < minCount) {
      return "too few " + what + " to say whether anything changed";
    }
    double change = (after - before) / (double) before;
    double p = CountComparison.compare(after, before, 1, 1).p();
    long pct = Math.round(Math.abs(change) * 100 / 5) * 5;
    String size = pct < 5 ? "about the same number of " + what
        : "about " + pct + " % " + (change < 0 ? "fewer " : "more ") + what;
    return size + (p < 0.05 ? "; a change this size is unlikely to be chance alone"
        : "; a change this size could be chance");
  }
}
