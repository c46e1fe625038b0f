package org.hotbeat.demo;

import java.io.IOException;
import java.io.Writer;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The incidents file of the generated city: the generic mapping's columns
 * ({@value #HEADER}), ids {@code HB000000001}, {@code HB000000002}, … in file order, times as
 * ISO-8601 with offset, lon/lat with six decimals. It spoils a share ({@value #BAD_ROW_RATE}) of
 * the rows on purpose and remembers each one ({@link BadRow}). Not thread-safe.
 */
final class IncidentCsv {
  static final String HEADER = "id,occurred_at,lon,lat,offense,category";
  static final double BAD_ROW_RATE = 0.0025;

  /** One spoiled row: its line in the file (the header is line 1), id and why it is bad. */
  record BadRow(long line, String id, Reason reason, String detail) {
    enum Reason { MISSING_COORDINATES, OUT_OF_AREA, BAD_DATE, DUPLICATE_ID }
  }

  private final Writer out;
  private final SplittableRandom random;
  private final StringBuilder row = new StringBuilder(128);
  private final List<BadRow> badRows = new ArrayList<>();
  private long line = 1;
  private String previousId;
  private boolean previousValid;

  IncidentCsv(Writer out, SplittableRandom random) throws IOException {
    this.out = out;
    this.random = random;
    out.write(HEADER);
    out.write('\n');
  }

  /** The id of the {@code n}-th incident (1-based): {@code HB000000001}. */
  static String id(long n) {
    String digits = Long.toString(n);
    return "HB" + "000000000".substring(digits.length()) + digits;
  }

  /** Rows written so far. */
  long rows() {
    return line - 1;
  }

  List<BadRow> badRows() {
    return badRows;
  }

  /**
   * Writes one incident at ({@code lon}, {@code lat}), or a spoiled version of it.
   *
   * @return true if the row was written as it is (valid), false if it was spoiled
   */
  boolean write(ZonedDateTime at, double lon, double lat, Category category) throws IOException {
    line++;
    String id = id(line - 1);
    String offense = category.offenses[random.nextInt(category.offenses.length)];
    String time = isoTime(at);
    BadRow.Reason reason = null;
    if (random.nextDouble() < BAD_ROW_RATE) {
      reason = BadRow.Reason.values()[random.nextInt(4)];
      if (reason == BadRow.Reason.DUPLICATE_ID && !previousValid) {
        reason = BadRow.Reason.MISSING_COORDINATES;
      }
    }
    String detail = null;
    if (reason == BadRow.Reason.DUPLICATE_ID) {
      id = previousId;
      detail = "repeats the id of line " + (line - 1);
    }
    row.setLength(0);
    row.append(id).append(',');
    if (reason == BadRow.Reason.BAD_DATE) {
      time = spoiledTime(at, time);
      detail = "occurred_at '" + time + "'";
    }
    row.append(time).append(',');
    if (reason == BadRow.Reason.MISSING_COORDINATES) {
      boolean both = random.nextInt(3) > 0;
      row.append(both ? "" : Decimals.format(lon, 6)).append(',');
      detail = both ? "lon and lat empty" : "lat empty";
    } else {
      if (reason == BadRow.Reason.OUT_OF_AREA) {
        switch (random.nextInt(3)) {
          case 0 -> {
            lon = 0;
            lat = 0;
            detail = "0,0";
          }
          case 1 -> {
            double t = lon;
            lon = lat;
            lat = t;
            detail = "lon and lat swapped";
          }
          default -> {
            lon += 2.5;
            lat += 1.5;
            detail = "about 250 km away";
          }
        }
      }
      Decimals.append(row, lon, 6).append(',');
      Decimals.append(row, lat, 6);
    }
    row.append(',').append(offense).append(',').append(category.id).append('\n');
    out.append(row);
    if (reason != null) {
      badRows.add(new BadRow(line, id, reason, detail));
    } else {
      previousId = id;
    }
    previousValid = reason == null;
    return previousValid;
  }

  private String spoiledTime(ZonedDateTime at, String time) {
    String[] spoiled = {"", "N/A", time.replaceFirst("-\\d\\d-\\d\\dT", "-02-30T"),
        time.replaceFirst("T\\d\\d:", "T25:"),
        String.format("%02d/%02d/%d %02d:%02d", at.getDayOfMonth(), at.getMonthValue(),
            at.getYear(), at.getHour(), at.getMinute())};
    return spoiled[random.nextInt(spoiled.length)];
  }

  /** {@code 2023-05-04T13:45:00-05:00}. */
  static String isoTime(ZonedDateTime t) {
    StringBuilder b = new StringBuilder(25);
    b.append(t.getYear()).append('-');
    two(b, t.getMonthValue()).append('-');
    two(b, t.getDayOfMonth()).append('T');
    two(b, t.getHour()).append(':');
    two(b, t.getMinute()).append(':');
    two(b, t.getSecond());
    int offset = t.getOffset().getTotalSeconds();
    b.append(offset < 0 ? '-' : '+');
    offset = Math.abs(offset);
    two(b, offset / 3600).append(':');
    two(b, offset / 60 % 60);
    return b.toString();
  }

  private static StringBuilder two(StringBuilder b, int v) {
    return b.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
  }
}
