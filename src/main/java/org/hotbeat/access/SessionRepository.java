package org.hotbeat.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Server-side sessions in table {@code user_session}, and one-time sign-in codes in
 * {@code one_time_sign_in}. A session id and a code are 256 random bits handed to the browser once;
 * only their SHA-256 is stored. A session ends at sign-out, when its account is disabled or its
 * password set, after {@code idle} without a request, or {@code max} after it began, whichever
 * comes first. Times come from the injected clock. Thread-safe.
 */
public final class SessionRepository {
  /** A live session's account and when it ends. */
  public record Session(long userId, String name, Role role, Instant createdAt,
      Instant expiresAt) {}

  /** A session just begun: the only time its id is known. */
  public record NewSession(Session session, String secret) {}

  private static final String SESSION_PREFIX = "hs_";
  private static final String CODE_PREFIX = "ho_";
  /** Seen-times are written at most this often, so that tile bursts do not turn into writes. */
  private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

  private final DataSource dataSource;
  private final Clock clock;
  private final Duration idle;
  private final Duration max;

  public SessionRepository(DataSource dataSource, Clock clock, Duration idle, Duration max) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.idle = idle;
    this.max = max;
  }

  /** Begins a session for the account {@code userId}. */
  NewSession begin(long userId, String name, Role role) throws SQLException {
    String secret = Secrets.random(SESSION_PREFIX);
    Instant now = clock.instant();
    Instant expires = now.plus(max);
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
        "INSERT INTO user_session (id_hash, user_id, created_at, last_seen_at, expires_at) "
            + "VALUES (?, ?, ?, ?, ?)")) {
      ps.setBytes(1, Secrets.sha256(secret));
      ps.setLong(2, userId);
      ps.setTimestamp(3, Timestamp.from(now));
      ps.setTimestamp(4, Timestamp.from(now));
      ps.setTimestamp(5, Timestamp.from(expires));
      ps.executeUpdate();
    }
    return new NewSession(new Session(userId, name, role, now, expires), secret);
  }

  /** The live session a cookie names, refreshing its seen-time; empty when it has ended. */
  public Optional<Session> authenticate(String secret) throws SQLException {
    if (secret == null || !secret.startsWith(SESSION_PREFIX) || secret.length() > 100) {
      return Optional.empty();
    }
    byte[] hash = Secrets.sha256(secret);
    Instant now = clock.instant();
    try (Connection c = dataSource.getConnection()) {
      Session session;
      boolean stale;
      try (PreparedStatement ps = c.prepareStatement("SELECT s.user_id, u.name, u.role, "
          + "s.created_at, s.expires_at, s.last_seen_at FROM user_session s "
          + "JOIN app_user u ON u.id = s.user_id WHERE s.id_hash = ? AND s.ended_at IS NULL "
          + "AND u.disabled_at IS NULL AND s.expires_at > ? AND s.last_seen_at > ?")) {
        ps.setBytes(1, hash);
        ps.setTimestamp(2, Timestamp.from(now));
        ps.setTimestamp(3, Timestamp.from(now.minus(idle)));
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          session = new Session(rs.getLong(1), rs.getString(2), Role.parse(rs.getString(3)),
              rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant());
          stale = rs.getTimestamp(6).toInstant().isBefore(now.minus(TOUCH_EVERY));
        }
      }
      if (stale) {
        Secrets.stampUse(c, "UPDATE user_session SET last_seen_at = ? WHERE id_hash = ?", now,
            hash);
      }
      return Optional.of(session);
    }
  }

  /** Ends the session a cookie names; false when it had ended already. */
  public boolean end(String secret) throws SQLException {
    if (secret == null) {
      return false;
    }
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
        "UPDATE user_session SET ended_at = ? WHERE id_hash = ? AND ended_at IS NULL")) {
      ps.setTimestamp(1, Timestamp.from(clock.instant()));
      ps.setBytes(2, Secrets.sha256(secret));
      return ps.executeUpdate() > 0;
    }
  }

  /**
   * The CSRF token of a session: derived from its id (a SHA-256 with its own label), so it needs
   * no storage, differs per session, and does not reveal the id.
   */
  public static String csrfToken(String secret) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(Secrets.sha256("csrf:" + secret));
  }

  /** True when {@code presented} is the CSRF token of the session {@code secret}. */
  public static boolean csrfMatches(String secret, String presented) {
    return presented != null && MessageDigest.isEqual(
        csrfToken(secret).getBytes(StandardCharsets.UTF_8),
        presented.getBytes(StandardCharsets.UTF_8));
  }

  /** A one-time sign-in code for the account {@code userId}, valid for {@code lifetime}. */
  public String createOneTimeCode(long userId, Duration lifetime) throws SQLException {
    String code = Secrets.random(CODE_PREFIX);
    Instant now = clock.instant();
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
        "INSERT INTO one_time_sign_in (code_hash, user_id, created_at, expires_at) "
            + "VALUES (?, ?, ?, ?)")) {
      ps.setBytes(1, Secrets.sha256(code));
      ps.setLong(2, userId);
      ps.setTimestamp(3, Timestamp.from(now));
      ps.setTimestamp(4, Timestamp.from(now.plus(lifetime)));
      ps.executeUpdate();
    }
    return code;
  }

  /**
   * Uses up a one-time code: the account it was made for, if the code is known, unused, not
   * expired and the account active. A second use finds nothing.
   */
  Optional<UserRepository.Account> redeem(String code) throws SQLException {
    if (code == null || !code.startsWith(CODE_PREFIX) || code.length() > 100) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
        "WITH used AS (UPDATE one_time_sign_in SET used_at = ? WHERE code_hash = ? "
            + "AND used_at IS NULL AND expires_at > ? RETURNING user_id) "
            + "SELECT u.id, u.name, u.role FROM used JOIN app_user u ON u.id = used.user_id "
            + "WHERE u.disabled_at IS NULL")) {
      ps.setTimestamp(1, Timestamp.from(now));
      ps.setBytes(2, Secrets.sha256(code));
      ps.setTimestamp(3, Timestamp.from(now));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(new UserRepository.Account(rs.getLong(1), rs.getString(2),
            Role.parse(rs.getString(3)), null, false)) : Optional.empty();
      }
    }
  }
}
