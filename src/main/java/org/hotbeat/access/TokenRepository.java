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
import java.util.Optional;
import javax.sql.DataSource;

/**
 * API bearer tokens in table {@code api_token}, for scripts and GIS clients. A token is {@code hb_}
 * plus 32 random bytes in base64url; only its SHA-256 is stored, so a leaked database does not leak
 * tokens. Every token expires ({@code token-days}, 90 by default) and has a scope: {@code full},
 * or {@code read-only} (refused on POST, PUT, PATCH and DELETE). Thread-safe.
 */
public final class TokenRepository {
  /** What a token may do. */
  public enum Scope {
    FULL("full"), READ_ONLY("read-only");

    private final String id;

    Scope(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }

    static Scope parse(String id) {
      return id.equals(READ_ONLY.id) ? READ_ONLY : FULL;
    }
  }

  /** A token as listed: never the secret itself. */
  public record TokenInfo(long id, String name, Role role, Scope scope, Instant createdAt,
      Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {
    public boolean active(Instant now) {
      return revokedAt == null && expiresAt.isAfter(now);
    }
  }

  /** A token just created: the only time its secret is known. */
  public record NewToken(TokenInfo info, String secret) {}

  /** How a caller proved who it is. */
  public enum Via { NONE, TOKEN, SESSION }

  /**
   * Whom a request identifies: a token's or an account's name and role; {@code readOnly} for a
   * read-only token.
   */
  public record Caller(String name, Role role, Via via, boolean readOnly) {
    public static final Caller ANONYMOUS = new Caller("anonymous", Role.PUBLIC, Via.NONE, false);
  }

  private static final String PREFIX = "hb_";
  private static final String COLUMNS =
      "id, name, role, scope, created_at, expires_at, revoked_at, last_used_at";
  private final DataSource dataSource;
  private final Clock clock;
  private final Duration defaultLifetime;

  /** Tokens on the system clock with the default lifetime of 90 days. */
  public TokenRepository(DataSource dataSource) {
    this(dataSource, Clock.systemUTC(), Duration.ofDays(90));
  }

  public TokenRepository(DataSource dataSource, Clock clock, Duration defaultLifetime) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.defaultLifetime = defaultLifetime;
  }

  /** A full-scope token with the default lifetime. */
  public NewToken create(String name, Role role) throws SQLException {
    return create(name, role, Scope.FULL, defaultLifetime);
  }

  /** A token of {@code scope} that expires {@code lifetime} from now (null: the default). */
  public NewToken create(String name, Role role, Scope scope, Duration lifetime)
      throws SQLException {
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new IllegalArgumentException("a token needs a name of 1 to 200 characters");
    }
    if (!Role.tokenRoles().contains(role)) {
      throw new IllegalArgumentException("tokens carry analyst, patrol or admin; public needs none");
    }
    Duration life = lifetime == null ? defaultLifetime : lifetime;
    if (life.isNegative() || life.isZero()) {
      throw new IllegalArgumentException("a token must live a day or more");
    }
    String secret = Secrets.random(PREFIX);
    Instant now = clock.instant();
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
        "INSERT INTO api_token (name, role, token_hash, scope, created_at, expires_at) "
            + "VALUES (?, ?, ?, ?, ?, ?) RETURNING " + COLUMNS)) {
      ps.setString(1, name.strip());
      ps.setString(2, role.id());
      ps.setBytes(3, Secrets.sha256(secret));
      ps.setString(4, scope.id());
      ps.setTimestamp(5, Timestamp.from(now));
      ps.setTimestamp(6, Timestamp.from(now.plus(life)));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new NewToken(info(rs), secret);
      }
    }
  }

  /**
   * The caller a presented token identifies, if it is known, not revoked and not expired. Revocation takes
   * effect at the next request; {@code last_used_at} is refreshed at most once a minute so that
   * tile bursts do not turn into writes.
   */
  public Optional<Caller> authenticate(String presented) throws SQLException {
    if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 100) {
      return Optional.empty();
    }
    byte[] hash = Secrets.sha256(presented);
    Instant now = clock.instant();
    try (Connection c = dataSource.getConnection()) {
      Caller caller;
      boolean stale;
      try (PreparedStatement ps = c.prepareStatement("SELECT name, role, scope, "
          + "coalesce(last_used_at < ?, true) FROM api_token "
          + "WHERE token_hash = ? AND revoked_at IS NULL AND expires_at > ?")) {
        ps.setTimestamp(1, Timestamp.from(now.minus(Duration.ofMinutes(1))));
        ps.setBytes(2, hash);
        ps.setTimestamp(3, Timestamp.from(now));
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          caller = new Caller(rs.getString(1), Role.parse(rs.getString(2)), Via.TOKEN,
              Scope.parse(rs.getString(3)) == Scope.READ_ONLY);
          stale = rs.getBoolean(4);
        }
      }
      if (stale) {
        Secrets.stampUse(c, "UPDATE api_token SET last_used_at = ? WHERE token_hash = ?", now,
            hash);
      }
      return Optional.of(caller);
    }
  }

  public List<TokenInfo> list() throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
        "SELECT " + COLUMNS + " FROM api_token ORDER BY id");
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
        "UPDATE api_token SET revoked_at = ? "
            + "WHERE revoked_at IS NULL AND (name = ? OR id::text = ?)")) {
      ps.setTimestamp(1, Timestamp.from(clock.instant()));
      ps.setString(2, idOrName);
      ps.setString(3, idOrName);
      return ps.executeUpdate();
    }
  }

  private static TokenInfo info(ResultSet rs) throws SQLException {
    return new TokenInfo(rs.getLong("id"), rs.getString("name"), Role.parse(rs.getString("role")),
        Scope.parse(rs.getString("scope")), UserRepository.instant(rs, "created_at"),
        UserRepository.instant(rs, "expires_at"), UserRepository.instant(rs, "revoked_at"),
        UserRepository.instant(rs, "last_used_at"));
  }
}
