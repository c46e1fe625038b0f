package org.hotbeat.community;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.hotbeat.NotFoundException;

/** Responses to problems, each change audited. Thread-safe. */
public final class ResponseRepository {
  private static final String COLUMNS = "id, problem_id, kind, description, started_on, "
      + "ended_on, plan_id, created_by, created_at, updated_at, public_summary";

  private final DataSource dataSource;

  public ResponseRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public ProblemResponse create(long problemId, ProblemResponse.Input in, String by)
      throws SQLException {
    in.checked(true);
    return Transactions.inTransaction(dataSource, c -> {
      CommunityProblemRepository.get(c, problemId).orElseThrow(() -> CommunityProblemRepository.notFound(problemId));
      long id;
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO community_response "
          + "(problem_id, kind, description, started_on, ended_on, plan_id, created_by) "
          + "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
        ps.setLong(1, problemId);
        ps.setString(2, in.kind());
        ps.setString(3, in.description());
        ps.setDate(4, Date.valueOf(in.startedOn()));
        ps.setObject(5, in.endedOn() == null ? null : Date.valueOf(in.endedOn()), Types.DATE);
        ps.setString(6, in.planId());
        ps.setString(7, by);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          id = rs.getLong(1);
        }
      }
      AuditRepository.created(c, "response", "community_response", id, by);
      return get(c, id);
    });
  }

  public ProblemResponse update(long id, ProblemResponse.Input in, String by)
      throws SQLException {
    in.checked(false);
    return Transactions.inTransaction(dataSource, c -> {
      ProblemResponse old = get(c, id);
      ProblemResponse.Input merged = new ProblemResponse.Input(null, null,
          in.startedOn() == null ? old.startedOn() : in.startedOn(),
          in.endedOn() == null ? old.endedOn() : in.endedOn(), null);
      merged.checked(false);
      AuditRepository.updated(c, "response", "community_response", id, by, () -> {
        try (PreparedStatement ps = c.prepareStatement("""
            UPDATE community_response SET kind = coalesce(?, kind),
              description = coalesce(?, description), started_on = coalesce(?, started_on),
              ended_on = coalesce(?, ended_on), plan_id = coalesce(?, plan_id), updated_at = now()
            WHERE id = ?""")) {
          ps.setString(1, in.kind());
          ps.setString(2, in.description());
          ps.setObject(3, in.startedOn() == null ? null : Date.valueOf(in.startedOn()), Types.DATE);
          ps.setObject(4, in.endedOn() == null ? null : Date.valueOf(in.endedOn()), Types.DATE);
          ps.setString(5, in.planId());
          ps.setLong(6, id);
          ps.executeUpdate();
        }
      });
      return get(c, id);
    });
  }

  public void delete(long id, String by) throws SQLException {
    AuditRepository.delete(dataSource, "response", "community_response", id, by, () -> notFound(id));
  }


  private static ProblemResponse get(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
        + " FROM community_response WHERE id = ?")) {
      ps.setLong(1, id);
      List<ProblemResponse> r = read(ps);
      if (r.isEmpty()) {
        throw notFound(id);
      }
      return r.get(0);
    }
  }

  static List<ProblemResponse> forProblem(Connection c, long problemId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
        + " FROM community_response WHERE problem_id = ? ORDER BY started_on, id")) {
      ps.setLong(1, problemId);
      return read(ps);
    }
  }

  private static List<ProblemResponse> read(PreparedStatement ps) throws SQLException {
    List<ProblemResponse> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Date ended = rs.getDate(6);
        out.add(new ProblemResponse(rs.getLong(1), rs.getLong(2), rs.getString(3),
            rs.getString(4), rs.getDate(5).toLocalDate(), ended == null ? null
            : ended.toLocalDate(), rs.getString(7), rs.getString(8),
            rs.getTimestamp(9).toInstant(), rs.getTimestamp(10).toInstant(), rs.getString(11)));
      }
    }
    return out;
  }

  static NotFoundException notFound(long id) {
    return new NotFoundException("no response " + id);
  }
}
