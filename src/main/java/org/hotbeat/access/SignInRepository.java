package org.hotbeat.access;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The audit of sign-ins in table {@code sign_in_event}: every attempt (success, failure, refused
 * while locked), every lock-out, sign-out, one-time link and password change, by the name as typed.
 * Lock-out is read from the same rows, so a name that is no account locks alike. Thread-safe.
 */
public final class SignInRepository {
  /** What happened. */
  public enum Outcome {
    SUCCESS("success"), FAILURE("failure"), LOCKED("locked"), LOCKOUT("lockout"),
    SIGN_OUT("sign-out"), ONE_TIME_LINK("one-time-link"), PASSWORD_SET("password-set");

    private final String id;

    Outcome(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }
  }

  /** One row of the audit, as admins read it. */
  public record Event(long id, Instant at, String name, String outcome, String address) {}

  private final DataSource dataSource;
  private final Clock clock;

  public SignInRepository(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  public void record(String name, Outcome outcome, String address) throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
        "INSERT INTO sign_in_event (at, name, outcome, address) VALUES (?, ?, ?, ?)")) {
      ps.setTimestamp(1, Timestamp.from(clock.instant()));
      ps.setString(2, auditName(name));
      ps.setString(3, outcome.id());
      ps.setString(4, address);
      ps.executeUpdate();
    }
  }

  /** True while a lock-out of {@code name} less than {@code lockout} old stands. */
  boolean locked(String name, Duration lockout) throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
        "SELECT 1 FROM sign_in_event WHERE name = ? AND outcome = 'lockout' AND at > ? LIMIT 1")) {
      ps.setString(1, auditName(name));
      ps.setTimestamp(2, Timestamp.from(clock.instant().minus(lockout)));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /**
   * Failures of {@code name} within {@code window}, counted since its last success, lock-out or
   * password change.
   */
  int recentFailures(String name, Duration window) throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
        SELECT count(*) FROM sign_in_event
         WHERE name = ? AND outcome = 'failure' AND at > ?
           AND at > coalesce((SELECT max(at) FROM sign_in_event WHERE name = ?
                               AND outcome IN ('success', 'lockout', 'password-set')),
                             '-infinity')""")) {
      String n = auditName(name);
      ps.setString(1, n);
      ps.setTimestamp(2, Timestamp.from(clock.instant().minus(window)));
      ps.setString(3, n);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  /** Events from {@code from} (inclusive) to {@code to} (exclusive), newest first. */
  public List<Event> list(Instant from, Instant to, String name, int limit) throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
        "SELECT id, at, name, outcome, address FROM sign_in_event WHERE at >= ? AND at < ? "
            + "AND (?::text IS NULL OR name = ?) ORDER BY at DESC, id DESC LIMIT ?")) {
      ps.setTimestamp(1, Timestamp.from(from));
      ps.setTimestamp(2, Timestamp.from(to));
      ps.setString(3, name == null ? null : auditName(name));
      ps.setString(4, name == null ? null : auditName(name));
      ps.setInt(5, limit);
      try (ResultSet rs = ps.executeQuery()) {
        List<Event> out = new ArrayList<>();
        while (rs.next()) {
          out.add(new Event(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
              rs.getString(4), rs.getString(5)));
        }
        return out;
      }
    }
  }

  /** The name as the audit keeps it: normalised, at most 100 characters. */
  private static String auditName(String name) {
    String n = UserRepository.normalise(name);
    return n.length() > 100 ? n.substring(0, 100) : n;
  }
}
