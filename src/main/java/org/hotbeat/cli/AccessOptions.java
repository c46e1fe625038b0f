package org.hotbeat.cli;

import java.time.Duration;
import org.hotbeat.config.AccessSettings;
import picocli.CommandLine.Option;

/** The options of {@link AccessSettings}: sessions, lock-out, token lifetime, cookies. */
final class AccessOptions {
  private static final AccessSettings DEFAULTS = AccessSettings.defaults();

  @Option(names = "--" + AccessSettings.SESSION_IDLE_MINUTES, paramLabel = "MIN",
      description = "A signed-in session unused this many minutes ends. Default: ${DEFAULT-VALUE}.")
  long sessionIdleMinutes = DEFAULTS.sessionIdle().toMinutes();

  @Option(names = "--" + AccessSettings.SESSION_MAX_HOURS, paramLabel = "H",
      description = "A session ends this many hours after sign-in, used or not. "
          + "Default: ${DEFAULT-VALUE}.")
  long sessionMaxHours = DEFAULTS.sessionMax().toHours();

  @Option(names = "--" + AccessSettings.LOCKOUT_FAILURES, paramLabel = "N",
      description = "Failed sign-ins of one name within --" + AccessSettings.LOCKOUT_MINUTES
          + " that lock it for that long. Default: ${DEFAULT-VALUE}.")
  int lockoutFailures = DEFAULTS.lockoutFailures();

  @Option(names = "--" + AccessSettings.LOCKOUT_MINUTES, paramLabel = "MIN",
      description = "Window in which failed sign-ins count, and how long a lock-out lasts. "
          + "Default: ${DEFAULT-VALUE}.")
  long lockoutMinutes = DEFAULTS.lockout().toMinutes();

  @Option(names = "--" + AccessSettings.TOKEN_DAYS, paramLabel = "DAYS",
      description = "Days a new API token works unless 'token create --days' says otherwise. "
          + "Default: ${DEFAULT-VALUE}.")
  long tokenDays = DEFAULTS.tokenLifetime().toDays();

  @Option(names = "--" + AccessSettings.ONE_TIME_LINK_MINUTES, paramLabel = "MIN",
      description = "Minutes a one-time sign-in link (the demo's) works. Default: ${DEFAULT-VALUE}.")
  long oneTimeLinkMinutes = DEFAULTS.oneTimeLinkLifetime().toMinutes();

  @Option(names = "--" + AccessSettings.SECURE_COOKIES, paramLabel = "BOOL", arity = "0..1",
      description = "Mark the session cookie Secure on every response, not only on requests that "
          + "came over HTTPS (set it behind a TLS proxy). Default: ${DEFAULT-VALUE}.")
  boolean secureCookies = DEFAULTS.secureCookies();

  AccessSettings toSettings() {
    return new AccessSettings(Duration.ofMinutes(sessionIdleMinutes),
        Duration.ofHours(sessionMaxHours), lockoutFailures, Duration.ofMinutes(lockoutMinutes),
        Duration.ofDays(tokenDays), Duration.ofMinutes(oneTimeLinkMinutes), secureCookies);
  }
}
