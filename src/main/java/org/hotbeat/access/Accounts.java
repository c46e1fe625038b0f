package org.hotbeat.access;

import java.time.Clock;
import javax.sql.DataSource;
import org.hotbeat.config.AccessSettings;

/**
 * Everything about people and scripts signing in, built once per process on one clock (a test
 * passes a movable one to check timeouts).
 */
public record Accounts(AccessSettings settings, Clock clock, UserRepository users,
    SessionRepository sessions, SignInRepository signIns, SignInService signIn,
    TokenRepository tokens, AccessLogRepository accessLog) {

  public static Accounts create(DataSource dataSource, AccessSettings settings, Clock clock) {
    UserRepository users = new UserRepository(dataSource, clock);
    SessionRepository sessions = new SessionRepository(dataSource, clock, settings.sessionIdle(),
        settings.sessionMax());
    SignInRepository signIns = new SignInRepository(dataSource, clock);
    return new Accounts(settings, clock, users, sessions, signIns,
        new SignInService(users, sessions, signIns, settings),
        new TokenRepository(dataSource, clock, settings.tokenLifetime()),
        new AccessLogRepository(dataSource, clock));
  }
}
