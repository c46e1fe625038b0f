package org.hotbeat.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;
import org.hotbeat.InvalidInputException;

/**
 * A period of time, {@code from} inclusive to {@code to} exclusive; either end may be open (null).
 * The one type for every period a request or command names: filters, base periods, training and
 * test periods, shifts.
 *
 * <p>Text ends are read on the agency's local clock, the same in every route, command and the
 * map: {@code 2017-06} is the start of that month, {@code 2017-06-02} the start of that day and
 * {@code 2017-06-02T20:00} that minute, all in the agency's zone; a timestamp with an offset
 * ({@code 2017-06-02T20:00:00-05:00} or {@code …Z}) is that instant. So {@code from=2017-06&to=2017-07}
 * is June, and {@code to=2017-06-02} ends just before that day starts. The zone is asked for
 * only when an end has no offset, so a request with offsets never needs to name its agency.
 */
public record TimeWindow(Instant from, Instant to) {
  /** The earliest and latest instants accepted: beyond them is a typo, and PostgreSQL may refuse. */
  public static final Instant EARLIEST = Instant.parse("1800-01-01T00:00:00Z");
  public static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");
  /** No bounds at all. */
  public static final TimeWindow ALWAYS = new TimeWindow(null, null);

  public TimeWindow {
    if (from != null && to != null && !from.isBefore(to)) {
      throw new IllegalArgumentException("a time window must end after it starts: " + from
          + " to " + to);
    }
  }

  /**
   * Reads two ends given as text (either may be null or blank for an open end), naming the
   * fields in errors.
   *
   * @throws InvalidInputException for an unreadable end, one outside {@link #EARLIEST}–{@link
   *     #LATEST}, or an end that is not after the start
   */
  public static TimeWindow parse(String fromField, String fromText, String toField,
      String toText, Supplier<ZoneId> zone) {
    Instant from = instant(fromField, fromText, zone);
    Instant to = instant(toField, toText, zone);
    if (from != null && to != null && !from.isBefore(to)) {
      throw new InvalidInputException(toField, "must be after '" + fromField + "': the period "
          + "would be empty");
    }
    return new TimeWindow(from, to);
  }

  /** One end read as {@link TimeWindow} describes; null for null or blank text. */
  public static Instant instant(String field, String text, Supplier<ZoneId> clock) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String v = text.strip();
    Instant at;
    ZoneId zone = v.length() > 10 && hasOffset(v) ? null : clock.get();
    try {
      if (v.length() == 7) {
        at = YearMonth.parse(v).atDay(1).atStartOfDay(zone).toInstant();
      } else if (v.length() == 10) {
        at = LocalDate.parse(v).atStartOfDay(zone).toInstant();
      } else if (hasOffset(v)) {
        at = OffsetDateTime.parse(v).toInstant();
      } else {
        at = ZonedDateTime.of(LocalDateTime.parse(v), zone).toInstant();
      }
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new InvalidInputException(field, "'" + shortened(text) + "' is not a date "
          + "(2017-06-02), a month (2017-06), a local time (2017-06-02T20:00) or a timestamp with "
          + "offset (2017-06-02T20:00:00-05:00)");
    }
    if (at.isBefore(EARLIEST) || !at.isBefore(LATEST)) {
      throw new InvalidInputException(field, "must lie between the years 1800 and 2199");
    }
    return at;
  }

  /** Whether both ends are given. */
  public boolean bounded() {
    return from != null && to != null;
  }

  /** The same length just before this window (which must be bounded). */
  public TimeWindow preceding() {
    return new TimeWindow(from.minus(java.time.Duration.between(from, to)), from);
  }

  /** Whether the two windows share any instant (open ends reach forever). */
  public boolean overlaps(TimeWindow other) {
    return (to == null || other.from == null || other.from.isBefore(to))
        && (from == null || other.to == null || from.isBefore(other.to));
  }

  private static boolean hasOffset(String v) {
    int t = v.indexOf('T');
    if (t < 0) {
      return false;
    }
    String time = v.substring(t);
    return time.endsWith("Z") || time.endsWith("z") || time.indexOf('+') > 0
        || time.indexOf('-') > 0;
  }

  private static String shortened(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }
}
