package org.hotbeat.access;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.hotbeat.InvalidInputException;

/**
 * User accounts in table {@code app_user}: a name (stored in lower case), one role (analyst,
 * patrol or admin) and an Argon2id password hash ({@link Passwords}). Disabling an account or
 * setting its password ends its sessions. Thread-safe.
 */
public final class UserRepository {
  /** An account as listed: never its password hash. */
  public record UserInfo(long id, String name, Role role, Instant createdAt, Instant disabledAt,
      Instant passwordSetAt) {
    public boolean active() {
      return disabledAt == null;
    }
  }

  /** What a sign-in needs to know of an account. */
  record Account(long id, String name, Role role, String passwordHash, boolean disabled) {}

  private static final String COLUMNS =
      "id, name, role, created_at, disabled_at, password_set_at";
  private final DataSource dataSource;
  private final Clock clock;

  public UserRepository(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  /** The form names are kept in: trimmed, lower case. */
  public static String normalise(String name) {
    return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
  }

  /**
   * Creates an account.
   *
   * @throws InvalidInputException for a bad name, role or password, or a name already taken
   */
  public UserInfo create(String name, Role role, String password) throws SQLException {
    String n = normalise(name);
    if (!n.matches("[a-z0-9][a-z0-9._@-]{0,99}")) {
      throw new InvalidInputException("name", "a user name is 1 to 100 of a-z, 0-9, '.', '_', "
          + "'@', '-', starting with a letter or digit");
    }
    if (!Role.tokenRoles().contains(role)) {
      throw new InvalidInputException("role", "an account has role analyst, patrol or admin");
    }
    checkPassword(password);
    Timestamp now = Timestamp.from(clock.instant());
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
        "INSERT INTO app_user (name, role, password_hash, created_at, password_set_at) "
            + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING RETURNING " + COLUMNS)) {
      ps.setString(1, n);
      ps.setString(2, role.id());
      ps.setString(3, Passwords.hash(password));
      ps.setTimestamp(4, now);
      ps.setTimestamp(5, now);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new InvalidInputException("name", "the user '" + n + "' exists already");
        }
        return info(rs);
      }
    }
  }

  public List<UserInfo> list() throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
        "SELECT " + COLUMNS + " FROM app_user ORDER BY name"); ResultSet rs = ps.executeQuery()) {
      List<UserInfo> out = new ArrayList<>();
      while (rs.next()) {
        out.add(info(rs));
      }
      return out;
    }
  }

  /** Disables the account and ends its sessions; false when there is no active such account. */
  public boolean disable(String name) throws SQLException {
    return changeAndEndSessions(name, null);
  }

  /** Sets a new password and ends the account's sessions; false when there is no such account. */
  public boolean setPassword(String name, String password) throws SQLException {
    checkPassword(password);
    return changeAndEndSessions(name, Passwords.hash(password));
  }

  /** Disables the account ({@code newHash} null) or sets its password, and ends its sessions. */
  private boolean changeAndEndSessions(String name, String newHash) throws SQLException {
    Timestamp now = Timestamp.from(clock.instant());
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement change = c.prepareStatement(newHash == null
              ? "UPDATE app_user SET disabled_at = ? WHERE name = ? AND disabled_at IS NULL"
              : "UPDATE app_user SET password_set_at = ?, password_hash = ? WHERE name = ?");
          PreparedStatement end = c.prepareStatement("UPDATE user_session SET ended_at = ? "
              + "WHERE ended_at IS NULL AND user_id = (SELECT id FROM app_user WHERE name = ?)")) {
        change.setTimestamp(1, now);
        if (newHash != null) {
          change.setString(2, newHash);
        }
        change.setString(newHash == null ? 2 : 3, normalise(name));
        int n = change.executeUpdate();
        end.setTimestamp(1, now);
        end.setString(2, normalise(name));
        end.executeUpdate();
        c.commit();
        return n > 0;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  Optional<Account> find(String name) throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
        "SELECT id, name, role, password_hash, disabled_at IS NOT NULL FROM app_user "
            + "WHERE name = ?")) {
      ps.setString(1, normalise(name));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(new Account(rs.getLong(1), rs.getString(2),
            Role.parse(rs.getString(3)), rs.getString(4), rs.getBoolean(5))) : Optional.empty();
      }
    }
  }

  private static void checkPassword(String password) {
    if (password == null || password.length() < 12 || password.length() > 200) {
      throw new InvalidInputException("password", "a password has 12 to 200 characters");
    }
  }

  private static UserInfo info(ResultSet rs) throws SQLException {
    return new UserInfo(rs.getLong("id"), rs.getString("name"), Role.parse(rs.getString("role")),
        instant(rs, "created_at"), instant(rs, "disabled_at"), instant(rs, "password_set_at"));
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp ts = rs.getTimestamp(column);
    return ts == null ? null : ts.toInstant();
  }
}
