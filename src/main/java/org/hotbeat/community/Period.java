package org.hotbeat.community;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.hotbeat.InvalidInputException;

/**
 * Whole days from {@code from} up to, not including, {@code to}, on the agency's local calendar
 * (so {@code 2016-01-01/2017-01-01} is the year 2016).
 */
public record Period(LocalDate from, LocalDate to) {
  public Period {
    if (from == null || to == null) {
      throw new IllegalArgumentException("a period needs both ends");
    }
  }

  /** Reads {@code FROM/TO} (ISO dates), naming {@code field} in the error. */
  public static Period parse(String field, String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException(field, "is required, as FROM/TO (ISO dates, TO exclusive)");
    }
    String[] parts = text.split("/", -1);
    if (parts.length != 2) {
      throw new InvalidInputException(field, "'" + text + "' is not FROM/TO, e.g. "
          + "2016-01-01/2017-01-01");
    }
    try {
      return checked(field, new Period(LocalDate.parse(parts[0].strip()),
          LocalDate.parse(parts[1].strip())));
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(field, "'" + e.getParsedString() + "' is not an ISO date "
          + "(YYYY-MM-DD)");
    }
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
