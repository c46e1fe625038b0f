package org.hotbeat.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Reads time query parameters: an ISO-8601 timestamp with offset, or a date (00:00 UTC). */
final class Timestamps {
  private Timestamps() {}

  static Instant parse(String s) {
    String v = s.strip();
    try {
      if (v.length() == 10) {
        return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + s + "' is not a date (2017-06-02) or a timestamp "
          + "with offset (2017-06-02T20:00:00-05:00)");
    }
  }
}
