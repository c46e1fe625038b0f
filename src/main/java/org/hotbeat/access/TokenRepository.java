package org.hotbeat.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * API bearer tokens in table {@code api_token}. A token is {@code hb_} plus 32 random bytes in
 * base64url; only its SHA-256 is stored, so a leaked database does not leak tokens, and a plain
 * hash suffices because the tokens carry 256 bits of entropy. Thread-safe.
 */
public final class TokenRepository {
  /** A token as listed: never the secret itself. */
  public record TokenInfo(long id, String name, Role role, Instant createdAt, Instant revokedAt,
      Instant lastUsedAt) {
    public boolean active() {
      return revokedAt == null;
    }
  }

  /** A token just created: the only time its secret is known. */
  public record NewToken(TokenInfo info, String secret) {}

  /** Whom a request's token identifies. */
  public record Caller(String name, Role role) {
    public static final Caller ANONYMOUS = new Caller("anonymous", Role.PUBLIC);
  }

  private static final String PREFIX = "hb_";
  private static final SecureRandom RANDOM = new SecureRandom();
  private final DataSource dataSource;

  public TokenRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public NewToken create(String name, Role role) throws SQLException {
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new IllegalArgumentException("a token needs a name of 1 to 200 characters");
    }
    if (!Role.tokenRoles().contains(role)) {
      throw new IllegalArgumentException("tokens carry analyst, patrol or admin; public needs none");
    }
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
        "INSERT INTO api_token (name, role, token_hash) VALUES (?, ?, ?) "
            + "RETURNING id, name, role, created_at, revoked_at, last_used_at")) {
      ps.setString(1, name.strip());
      ps.setString(2, role.id());
      ps.setBytes(3, hash(secret));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new NewToken(info(rs), secret);
      }
    }
  }

  /**
   * The caller a presented token identifies, if it is known and not revoked. Revocation takes
   * effect at the next request; {@code last_used_at} is refreshed at most once a minute so that
   * tile bursts do not turn into writes.
   */
  public Optional<Caller> authenticate(String presented) throws SQLException {
    if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 100) {
      return Optional.empty();
    }
    byte[] hash = hash(presented);
    try (Connection c = dataSource.getConnection()) {
      Caller caller;
      boolean stale;
      try (PreparedStatement ps = c.prepareStatement("SELECT name, role, "
          + "coalesce(last_used_at < now() - interval '1 minute', true) FROM api_token "
          + "WHERE token_hash = ? AND revoked_at IS NULL")) {
        ps.setBytes(1, hash);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          caller = new Caller(rs.getString(1), Role.parse(rs.getString(2)));
          stale = rs.getBoolean(3);
        }
      }
      if (stale) {
        try (PreparedStatement ps = c.prepareStatement(
            "UPDATE api_token SET last_used_at = now() WHERE token_hash = ?")) {
          ps.setBytes(1, hash);
          ps.executeUpdate();
        }
      }
      return Optional.of(caller);
    }
  }

  public List<TokenInfo> list() throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
        "SELECT id, name, role, created_at, revoked_at, last_used_at FROM api_token ORDER BY id");
        ResultSet rs = ps.executeQuery()) {
      List<TokenInfo> out = new ArrayList<>();
      while (rs.next()) {
        out.add(info(rs));
      }
      return out;
    }
  }

  /**
   * Revokes the active tokens whose id or name is {@code idOrName}.
   *
   * @return how many were revoked
   */
  public int revoke(String idOrName) throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
        "UPDATE api_token SET revoked_at = now() "
            + "WHERE revoked_at IS NULL AND (name = ? OR id::text = ?)")) {
      ps.setString(1, idOrName);
      ps.setString(2, idOrName);
      return ps.executeUpdate();
    }
  }

  private static TokenInfo info(ResultSet rs) throws SQLException {
    return new TokenInfo(rs.getLong("id"), rs.getString("name"), Role.parse(rs.getString("role")),
        instant(rs, "created_at"), instant(rs, "revoked_at"), instant(rs, "last_used_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    var ts = rs.getTimestamp(column);
    return ts == null ? null : ts.toInstant();
  }

  static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
