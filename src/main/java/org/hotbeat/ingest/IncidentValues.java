package org.hotbeat.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The rules every stored incident value obeys, on import and on an admin's correction alike, so
 * that no value reaches the database that it would refuse (and fail a whole import with) or that
 * would mislead a map. Each check returns the reason a value is refused, or null. Stateless.
 */
public final class IncidentValues {
  /**
   * Longest id or offence code. Both are indexed, and a btree entry over about 2.7 kB fails the
   * statement; real codes are a few characters.
   */
  public static final int MAX_CODE_CHARS = 200;
  /** Earliest date: older ones are typing errors or sentinel values, not incidents. */
  public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
  /** Reports may be dated a little ahead by clock skew between systems; more is an error. */
  public static final Duration FUTURE_SLACK = Duration.ofDays(1);

  private IncidentValues() {}

  /** Why {@code value} of {@code what} cannot be stored as text: a NUL, or over {@code maxChars}. */
  public static String textProblem(String what, String value, int maxChars) {
    if (value.indexOf('\u0000') >= 0) {
      return what + " contains a NUL byte (\\u0000), which PostgreSQL text cannot hold";
    }
    if (value.length() > maxChars) {
      return what + " is longer than " + maxChars + " characters";
    }
    return null;
  }

  /** Why an incident cannot have happened at {@code at} (written {@code shown} in the input). */
  public static String timeProblem(String shown, Instant at, Clock clock) {
    if (at.isBefore(EARLIEST)) {
      return "date " + shown + " is before 1900";
    }
    if (at.isAfter(clock.instant().plus(FUTURE_SLACK))) {
      return "date " + shown + " is in the future";
    }
    return null;
  }

  /** Why (lon, lat) in WGS84 degrees is no incident's place, before any extent is known. */
  public static String pointProblem(double lon, double lat) {
    if (!Double.isFinite(lon) || !Double.isFinite(lat)) {
      return "coordinates are not finite numbers (NaN or Infinity)";
    }
    if (lon == 0 && lat == 0) {
      return "placeholder point (0, 0)";
    }
    if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
      if (Math.abs(lon) <= 90 && Math.abs(lat) <= 180) {
        return "latitude " + lat + " is out of range: latitude and longitude look swapped";
      }
      return "coordinates (" + lon + ", " + lat + ") are out of range";
    }
    return null;
  }
}
