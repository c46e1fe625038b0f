package org.hotbeat.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hotbeat.HotbeatException;

/**
 * How people and scripts sign in (docs/access.md): session timeouts, lock-out, token lifetime and
 * the cookie's {@code Secure} flag. Each is an option of {@code hotbeat serve} with the name given
 * here ({@code HOTBEAT_} + that name in capitals as its environment variable); {@link #defaults()}
 * holds the defaults. Validated when built, immutable.
 *
 * @param sessionIdle a session unused this long ends (option {@value #SESSION_IDLE_MINUTES})
 * @param sessionMax a session ends this long after sign-in, used or not
 *     ({@value #SESSION_MAX_HOURS})
 * @param lockoutFailures failed sign-ins of one name within {@code lockout} that lock it
 *     ({@value #LOCKOUT_FAILURES})
 * @param lockout the window in which failures count, and how long a lock-out lasts
 *     ({@value #LOCKOUT_MINUTES})
 * @param tokenLifetime how long a new API token works unless its creator says otherwise
 *     ({@value #TOKEN_DAYS})
 * @param oneTimeLinkLifetime how long a one-time sign-in link works ({@value #ONE_TIME_LINK_MINUTES})
 * @param secureCookies mark the session cookie {@code Secure} on every response, not only on
 *     requests that came over HTTPS ({@value #SECURE_COOKIES}; set it behind a TLS proxy)
 */
public record AccessSettings(
    Duration sessionIdle,
    Duration sessionMax,
    int lockoutFailures,
    Duration lockout,
    Duration tokenLifetime,
    Duration oneTimeLinkLifetime,
    boolean secureCookies) {

  public static final String SESSION_IDLE_MINUTES = "session-idle-minutes";
  public static final String SESSION_MAX_HOURS = "session-max-hours";
  public static final String LOCKOUT_FAILURES = "lockout-failures";
  public static final String LOCKOUT_MINUTES = "lockout-minutes";
  public static final String TOKEN_DAYS = "token-days";
  public static final String ONE_TIME_LINK_MINUTES = "one-time-link-minutes";
  public static final String SECURE_COOKIES = "secure-cookies";

  public AccessSettings {
    List<String> errors = new ArrayList<>();
    if (sessionIdle == null || sessionIdle.toMinutes() < 1 || sessionIdle.toMinutes() > 1440) {
      errors.add("--" + SESSION_IDLE_MINUTES + " must be 1 to 1440");
    }
    if (sessionMax == null || sessionMax.toHours() < 1 || sessionMax.toHours() > 720) {
      errors.add("--" + SESSION_MAX_HOURS + " must be 1 to 720");
    } else if (sessionIdle != null && sessionIdle.compareTo(sessionMax) > 0) {
      errors.add("--" + SESSION_IDLE_MINUTES + " must not exceed --" + SESSION_MAX_HOURS);
    }
    if (lockoutFailures < 1 || lockoutFailures > 100) {
      errors.add("--" + LOCKOUT_FAILURES + " must be 1 to 100");
    }
    if (lockout == null || lockout.toMinutes() < 1 || lockout.toMinutes() > 1440) {
      errors.add("--" + LOCKOUT_MINUTES + " must be 1 to 1440");
    }
    if (tokenLifetime == null || tokenLifetime.toDays() < 1 || tokenLifetime.toDays() > 3660) {
      errors.add("--" + TOKEN_DAYS + " must be 1 to 3660");
    }
    if (oneTimeLinkLifetime == null || oneTimeLinkLifetime.toMinutes() < 1
        || oneTimeLinkLifetime.toMinutes() > 60) {
      errors.add("--" + ONE_TIME_LINK_MINUTES + " must be 1 to 60");
    }
    if (!errors.isEmpty()) {
      throw new HotbeatException("invalid access settings: " + String.join("; ", errors));
    }
  }

  public static AccessSettings defaults() {
    return new AccessSettings(Duration.ofMinutes(30), Duration.ofHours(12), 5,
        Duration.ofMinutes(15), Duration.ofDays(90), Duration.ofMinutes(5), false);
  }
}
