package org.hotbeat.community;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.hotbeat.InvalidInputException;
import org.hotbeat.time.TimeWindow;

/**
 * Whole days from {@code from} up to, not including, {@code to}, on the agency's local calendar
 * (so {@code 2016-01-01/2017-01-01} is the year 2016): the days view of a {@link TimeWindow},
 * which is the one parser of dates and periods.
 */
public record Period(LocalDate from, LocalDate to) {
  public Period {
    if (from == null || to == null) {
      throw new IllegalArgumentException("a period needs both ends");
    }
  }

  /**
   * Reads {@code FROM/TO} (dates or months, as {@link TimeWindow} reads them; TO exclusive),
   * naming {@code field} in the error. The days are calendar days; the service places them on
   * the agency's clock.
   */
  public static Period parse(String field, String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException(field, "is required, as FROM/TO (ISO dates, TO exclusive)");
    }
    String[] parts = text.split("/", -1);
    if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
      throw new InvalidInputException(field, "'" + text + "' is not FROM/TO, e.g. "
          + "2016-01-01/2017-01-01");
    }
    // Read on a fixed clock: a bare date's midnight there is the calendar day itself.
    TimeWindow w;
    try {
      w = TimeWindow.parse(field, parts[0], field, parts[1], () -> ZoneOffset.UTC);
    } catch (InvalidInputException e) {
      throw e.reason().startsWith("must be after")
          ? new InvalidInputException(field, "must end after it starts (the end is exclusive)")
          : e;
    }
    return of(field, w, ZoneOffset.UTC);
  }

  /**
   * The days of a bounded window whose ends fall on midnight of {@code zone}.
   *
   * @throws InvalidInputException naming {@code field} for an open end or an end within a day
   */
  public static Period of(String field, TimeWindow w, ZoneId zone) {
    if (!w.bounded()) {
      throw new InvalidInputException(field, "needs both ends");
    }
    LocalDate from = LocalDate.ofInstant(w.from(), zone);
    LocalDate to = LocalDate.ofInstant(w.to(), zone);
    if (!from.atStartOfDay(zone).toInstant().equals(w.from())
        || !to.atStartOfDay(zone).toInstant().equals(w.to())) {
      throw new InvalidInputException(field, "must be whole days, e.g. 2016-01-01/2017-01-01");
    }
    return checked(field, new Period(from, to));
  }

  /** {@code p} if it ends after it starts. */
  public static Period checked(String field, Period p) {
    if (!p.from.isBefore(p.to)) {
      throw new InvalidInputException(field, "must end after it starts (the end is exclusive)");
    }
    return p;
  }

  public long days() {
    return ChronoUnit.DAYS.between(from, to);
  }

  @Override
  public String toString() {
    return from + "/" + to;
  }
}
