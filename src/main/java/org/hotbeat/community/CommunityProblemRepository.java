package org.hotbeat.community;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.hotbeat.InvalidInputException;
import org.hotbeat.NotFoundException;

/** Problems and their notes, each change audited. Thread-safe. */
public final class CommunityProblemRepository {
  private static final String COLUMNS = "id, agency, title, area_kind, area_beat, "
      + "ST_AsGeoJSON(geom, 6), categories, raised_on, raised_beat, raised_by, meeting_id, status, "
      + "created_by, created_at, updated_at, public_summary";

  private final DataSource dataSource;
  private final AreaResolver areas = new AreaResolver();

  public CommunityProblemRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public CommunityProblem create(CommunityProblem.Input in, String by) throws SQLException {
    in.checked(true);
    return Transactions.inTransaction(dataSource, c -> {
      String agency = areas.agency(c, in.agency());
      byte[] area = area(c, agency, in.area());
      areas.requireBeat(c, agency, "raisedBeat", in.raisedBeat());
      requireMeeting(c, in.meetingId());
      long id;
      try (PreparedStatement ps = c.prepareStatement("""
          INSERT INTO community_problem (agency, title, area_kind, area_beat, geom, categories,
            raised_on, raised_beat, raised_by, meeting_id, status, created_by)
          VALUES (?, ?, ?, ?, ST_Multi(ST_GeomFromWKB(?, 4326)), ?, ?, ?, ?, ?,
            coalesce(?, 'scanning'), ?) RETURNING id""")) {
        ps.setString(1, agency);
        ps.setString(2, in.title());
        ps.setString(3, in.area().kind());
        ps.setString(4, in.area().beat());
        ps.setBytes(5, area);
        ps.setArray(6, c.createArrayOf("text", in.categories() == null ? new String[0]
            : in.categories().toArray(String[]::new)));
        ps.setDate(7, Date.valueOf(in.raisedOn()));
        ps.setString(8, in.raisedBeat());
        ps.setString(9, in.raisedBy());
        ps.setObject(10, in.meetingId(), Types.BIGINT);
        ps.setString(11, in.status());
        ps.setString(12, by);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          id = rs.getLong(1);
        }
      }
      AuditRepository.created(c, "problem", "community_problem", id, by);
      return get(c, id).orElseThrow();
    });
  }

  public CommunityProblem update(long id, CommunityProblem.Input in, String by) throws SQLException {
    in.checked(false);
    return Transactions.inTransaction(dataSource, c -> {
      CommunityProblem old = get(c, id).orElseThrow(() -> notFound(id));
      if (in.agency() != null && !in.agency().equals(old.agency())) {
        throw new InvalidInputException("agency", "cannot change");
      }
      byte[] area = in.area() == null ? null : area(c, old.agency(), in.area());
      if (in.raisedBeat() != null) {
        areas.requireBeat(c, old.agency(), "raisedBeat", in.raisedBeat());
      }
      requireMeeting(c, in.meetingId());
      AuditRepository.updated(c, "problem", "community_problem", id, by, () -> {
        try (PreparedStatement ps = c.prepareStatement("""
            UPDATE community_problem SET title = coalesce(?, title),
              area_kind = coalesce(?, area_kind),
              area_beat = CASE WHEN ?::text IS NULL THEN area_beat ELSE ? END,
              geom = coalesce(ST_Multi(ST_GeomFromWKB(?, 4326)), geom),
              categories = coalesce(?, categories), raised_on = coalesce(?, raised_on),
              raised_beat = coalesce(?, raised_beat), raised_by = coalesce(?, raised_by),
              meeting_id = coalesce(?, meeting_id), status = coalesce(?, status),
              updated_at = now() WHERE id = ?""")) {
          String kind = in.area() == null ? null : in.area().kind();
          ps.setString(1, in.title());
          ps.setString(2, kind);
          ps.setString(3, kind);
          ps.setString(4, in.area() == null ? null : in.area().beat());
          ps.setBytes(5, area);
          ps.setArray(6, in.categories() == null ? null
              : c.createArrayOf("text", in.categories().toArray(String[]::new)));
          ps.setObject(7, in.raisedOn() == null ? null : Date.valueOf(in.raisedOn()), Types.DATE);
          ps.setString(8, in.raisedBeat());
          ps.setString(9, in.raisedBy());
          ps.setObject(10, in.meetingId(), Types.BIGINT);
          ps.setString(11, in.status());
          ps.setLong(12, id);
          ps.executeUpdate();
        }
      });
      return get(c, id).orElseThrow();
    });
  }

  public void delete(long id, String by) throws SQLException {
    AuditRepository.delete(dataSource, "problem", "community_problem", id, by, () -> notFound(id));
  }


  public CommunityProblem.Note addNote(long problemId, LocalDate on, String text, String by)
      throws SQLException {
    Checks.required("date", on);
    Checks.required("text", text);
    Checks.text("text", text, 5000);
    return Transactions.inTransaction(dataSource, c -> {
      get(c, problemId).orElseThrow(() -> notFound(problemId));
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO community_note (problem_id, "
          + "noted_on, text, created_by) VALUES (?, ?, ?, ?) "
          + "RETURNING id, problem_id, noted_on, text, created_by, created_at, public_summary")) {
        ps.setLong(1, problemId);
        ps.setDate(2, Date.valueOf(on));
        ps.setString(3, text);
        ps.setString(4, by);
        List<CommunityProblem.Note> notes = notes(ps);
        CommunityProblem.Note n = notes.get(0);
        AuditRepository.created(c, "note", "community_note", n.id(), by);
        return n;
      }
    });
  }

  public CommunityProblem get(long id) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return get(c, id).orElseThrow(() -> notFound(id));
    }
  }

  /**
   * Problems raised in a beat (all when null), with a status (any when null), raised in
   * [from, to), oldest first, without notes and responses.
   */
  public List<CommunityProblem> list(String agency, String beat, String status, LocalDate from,
      LocalDate to, int limit) throws SQLException {
    Checks.oneOf("status", status, Checks.SARA);
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
        "SELECT " + COLUMNS + " FROM community_problem WHERE (?::text IS NULL OR agency = ?) "
            + "AND (?::text IS NULL OR raised_beat = ?) AND (?::text IS NULL OR status = ?) "
            + "AND (?::date IS NULL OR raised_on >= ?) AND (?::date IS NULL OR raised_on < ?) "
            + "ORDER BY raised_on, id LIMIT ?")) {
      int k = 1;
      for (Object v : new Object[] {agency, beat, status}) {
        ps.setObject(k++, v, Types.VARCHAR);
        ps.setObject(k++, v, Types.VARCHAR);
      }
      for (LocalDate d : new LocalDate[] {from, to}) {
        ps.setObject(k++, d == null ? null : Date.valueOf(d), Types.DATE);
        ps.setObject(k++, d == null ? null : Date.valueOf(d), Types.DATE);
      }
      ps.setInt(k, limit);
      List<CommunityProblem> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(problem(rs, List.of(), List.of()));
        }
      }
      return out;
    }
  }

  static Optional<CommunityProblem> get(Connection c, long id) throws SQLException {
    List<CommunityProblem.Note> notes;
    try (PreparedStatement ps = c.prepareStatement("SELECT id, problem_id, noted_on, text, "
        + "created_by, created_at, public_summary FROM community_note WHERE problem_id = ? "
        + "ORDER BY noted_on, id")) {
      ps.setLong(1, id);
      notes = notes(ps);
    }
    List<ProblemResponse> responses = ResponseRepository.forProblem(c, id);
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
        + " FROM community_problem WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(problem(rs, notes, responses)) : Optional.empty();
      }
    }
  }

  private byte[] area(Connection c, String agency, CommunityProblem.Area a) throws SQLException {
    Checks.oneOf("area.kind", a.kind(), java.util.Set.of("beat", "polygon", "hotspot"));
    AreaSpec spec = new AreaSpec(a.kind().equals("beat") ? a.beat() : null,
        a.kind().equals("beat") ? null : a.polygonGeoJson()).checked("area");
    return areas.resolve(c, agency, "area", spec).wkb();
  }

  private static void requireMeeting(Connection c, Long id) throws SQLException {
    if (id != null && AuditRepository.snapshot(c, "community_meeting", id) == null) {
      throw new NotFoundException("meetingId: " + MeetingRepository.notFound(id).getMessage());
    }
  }

  private static List<CommunityProblem.Note> notes(PreparedStatement ps) throws SQLException {
    List<CommunityProblem.Note> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new CommunityProblem.Note(rs.getLong(1), rs.getLong(2), rs.getDate(3).toLocalDate(),
            rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7)));
      }
    }
    return out;
  }

  private static CommunityProblem problem(ResultSet rs, List<CommunityProblem.Note> notes,
      List<ProblemResponse> responses) throws SQLException {
    long meeting = rs.getLong(11);
    return new CommunityProblem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
        rs.getString(5), rs.getString(6), Arrays.asList((String[]) rs.getArray(7).getArray()),
        rs.getDate(8).toLocalDate(), rs.getString(9), rs.getString(10),
        rs.wasNull() ? null : meeting, rs.getString(12), rs.getString(13),
        rs.getTimestamp(14).toInstant(), rs.getTimestamp(15).toInstant(), notes, responses,
        rs.getString(16));
  }

  static NotFoundException notFound(long id) {
    return new NotFoundException("no problem " + id);
  }
}
