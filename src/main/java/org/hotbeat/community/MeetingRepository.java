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

/** Community meetings, each change audited. Thread-safe. */
public final class MeetingRepository {
  private static final String COLUMNS = "id, agency, beat, held_on, attendance, concerns, "
      + "satisfaction, created_by, created_at, updated_at";

  private final DataSource dataSource;
  private final AreaResolver areas = new AreaResolver();

  public MeetingRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public Meeting create(Meeting.Input in, String by) throws SQLException {
    in.checked(true);
    return Transactions.inTransaction(dataSource, c -> {
      String agency = areas.agency(c, in.agency());
      areas.requireBeat(c, agency, "beat", in.beat());
      long id;
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO community_meeting (agency, "
          + "beat, held_on, attendance, concerns, satisfaction, created_by) "
          + "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
        ps.setString(1, agency);
        ps.setString(2, in.beat());
        ps.setDate(3, Date.valueOf(in.heldOn()));
        ps.setObject(4, in.attendance(), Types.INTEGER);
        ps.setArray(5, c.createArrayOf("text", in.concerns() == null ? new String[0]
            : in.concerns().toArray(String[]::new)));
        ps.setObject(6, in.satisfaction(), Types.DOUBLE);
        ps.setString(7, by);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          id = rs.getLong(1);
        }
      }
      AuditRepository.created(c, "meeting", "community_meeting", id, by);
      return get(c, id).orElseThrow();
    });
  }

  public Meeting update(long id, Meeting.Input in, String by) throws SQLException {
    in.checked(false);
    return Transactions.inTransaction(dataSource, c -> {
      Meeting old = get(c, id).orElseThrow(() -> notFound(id));
      if (in.agency() != null && !in.agency().equals(old.agency())) {
        throw new InvalidInputException("agency", "cannot change");
      }
      if (in.beat() != null) {
        areas.requireBeat(c, old.agency(), "beat", in.beat());
      }
      AuditRepository.updated(c, "meeting", "community_meeting", id, by, () -> {
        try (PreparedStatement ps = c.prepareStatement("""
            UPDATE community_meeting SET beat = coalesce(?, beat),
              held_on = coalesce(?, held_on), attendance = coalesce(?, attendance),
              concerns = coalesce(?, concerns), satisfaction = coalesce(?, satisfaction),
              updated_at = now() WHERE id = ?""")) {
          ps.setString(1, in.beat());
          ps.setObject(2, in.heldOn() == null ? null : Date.valueOf(in.heldOn()), Types.DATE);
          ps.setObject(3, in.attendance(), Types.INTEGER);
          ps.setArray(4, in.concerns() == null ? null
              : c.createArrayOf("text", in.concerns().toArray(String[]::new)));
          ps.setObject(5, in.satisfaction(), Types.DOUBLE);
          ps.setLong(6, id);
          ps.executeUpdate();
        }
      });
      return get(c, id).orElseThrow();
    });
  }

  public void delete(long id, String by) throws SQLException {
    AuditRepository.delete(dataSource, "meeting", "community_meeting", id, by, () -> notFound(id));
  }


  public Meeting get(long id) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return get(c, id).orElseThrow(() -> notFound(id));
    }
  }

  /** Meetings of a beat (all beats when null) held in [from, to), oldest first. */
  public List<Meeting> list(String agency, String beat, LocalDate from, LocalDate to, int limit)
      throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
        "SELECT " + COLUMNS + " FROM community_meeting WHERE (?::text IS NULL OR agency = ?) "
            + "AND (?::text IS NULL OR beat = ?) AND (?::date IS NULL OR held_on >= ?) "
            + "AND (?::date IS NULL OR held_on < ?) ORDER BY held_on, id LIMIT ?")) {
      ps.setString(1, agency);
      ps.setString(2, agency);
      ps.setString(3, beat);
      ps.setString(4, beat);
      Date f = from == null ? null : Date.valueOf(from);
      Date t = to == null ? null : Date.valueOf(to);
      ps.setObject(5, f, Types.DATE);
      ps.setObject(6, f, Types.DATE);
      ps.setObject(7, t, Types.DATE);
      ps.setObject(8, t, Types.DATE);
      ps.setInt(9, limit);
      return read(ps);
    }
  }

  private static Optional<Meeting> get(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
        + " FROM community_meeting WHERE id = ?")) {
      ps.setLong(1, id);
      return read(ps).stream().findFirst();
    }
  }

  private static List<Meeting> read(PreparedStatement ps) throws SQLException {
    List<Meeting> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new Meeting(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getDate(4).toLocalDate(), (Integer) rs.getObject(5),
            Arrays.asList((String[]) rs.getArray(6).getArray()), (Double) rs.getObject(7),
            rs.getString(8), rs.getTimestamp(9).toInstant(), rs.getTimestamp(10).toInstant()));
      }
    }
    return out;
  }

  static NotFoundException notFound(long id) {
    return new NotFoundException("no meeting " + id);
  }
}
