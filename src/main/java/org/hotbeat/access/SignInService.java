package org.hotbeat.access;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import org.hotbeat.config.AccessSettings;

/**
 * Signing in and out: checks a name and password, applies the lock-out, begins and ends sessions,
 * redeems one-time links, and writes each step to the sign-in audit. Unknown names, disabled
 * accounts and wrong passwords get the same answer after the same work (an Argon2id check each),
 * and lock-out counts by name whether or not the account exists, so no answer tells whether a
 * user exists. Thread-safe.
 */
public final class SignInService {
  /** What a sign-in came to. */
  public sealed interface Result {}

  /** Signed in: the session, whose secret goes into the cookie. */
  public record SignedIn(SessionRepository.NewSession session) implements Result {}

  /** Wrong name or password (or a disabled account: the same answer). */
  public record Refused() implements Result {}

  /** Too many failures: refused without checking the password until the lock-out ends. */
  public record LockedOut(Duration lockout) implements Result {}

  private final UserRepository users;
  private final SessionRepository sessions;
  private final SignInRepository audit;
  private final AccessSettings settings;

  public SignInService(UserRepository users, SessionRepository sessions, SignInRepository audit,
      AccessSettings settings) {
    this.users = users;
    this.sessions = sessions;
    this.audit = audit;
    this.settings = settings;
  }

  public Result signIn(String name, String password, String address) throws SQLException {
    if (audit.locked(name, settings.lockout())) {
      Passwords.verify(null, password);   // the same work as an attempt
      audit.record(name, SignInRepository.Outcome.LOCKED, address);
      return new LockedOut(settings.lockout());
    }
    Optional<UserRepository.Account> account = users.find(name);
    boolean ok = Passwords.verify(account.map(UserRepository.Account::passwordHash).orElse(null),
        password);
    if (ok && !account.get().disabled()) {
      UserRepository.Account a = account.get();
      audit.record(name, SignInRepository.Outcome.SUCCESS, address);
      return new SignedIn(sessions.begin(a.id(), a.name(), a.role()));
    }
    audit.record(name, SignInRepository.Outcome.FAILURE, address);
    if (audit.recentFailures(name, settings.lockout()) >= settings.lockoutFailures()) {
      audit.record(name, SignInRepository.Outcome.LOCKOUT, address);
    }
    return new Refused();
  }

  /** Signs in with a one-time link's code; empty when the code is unknown, used or expired. */
  public Optional<SessionRepository.NewSession> signInOnce(String code, String address)
      throws SQLException {
    Optional<UserRepository.Account> account = sessions.redeem(code);
    if (account.isEmpty()) {
      return Optional.empty();
    }
    UserRepository.Account a = account.get();
    audit.record(a.name(), SignInRepository.Outcome.ONE_TIME_LINK, address);
    return Optional.of(sessions.begin(a.id(), a.name(), a.role()));
  }

  /** A one-time sign-in code for the active account {@code name}, valid for the configured minutes. */
  public Optional<String> oneTimeCode(String name) throws SQLException {
    Optional<UserRepository.Account> account = users.find(name).filter(a -> !a.disabled());
    if (account.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(sessions.createOneTimeCode(account.get().id(),
        settings.oneTimeLinkLifetime()));
  }

  /** Ends the session {@code secret} of {@code name}. */
  public void signOut(String secret, String name, String address) throws SQLException {
    if (sessions.end(secret)) {
      audit.record(name, SignInRepository.Outcome.SIGN_OUT, address);
    }
  }

  /** Sets a password (an admin's reset) and notes it in the audit, which also lifts a lock-out. */
  public boolean setPassword(String name, String password, String by) throws SQLException {
    boolean done = users.setPassword(name, password);
    if (done) {
      audit.record(name, SignInRepository.Outcome.PASSWORD_SET, by);
    }
    return done;
  }
}
