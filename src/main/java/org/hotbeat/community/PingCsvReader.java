package org.hotbeat.community;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.hotbeat.InvalidInputException;

/**
 * Reads vehicle location pings as CSV, line by line: a header naming the longitude
 * ({@code lon}, {@code lng}, {@code longitude}), latitude ({@code lat}, {@code latitude}) and time
 * ({@code time}, {@code timestamp}: ISO-8601 with an offset) columns, in any order, other columns
 * ignored. The same refusals as {@link GpxReader}, naming the line. Pings form one segment.
 */
public final class PingCsvReader {
  private PingCsvReader() {}

  public static List<TrackPoint> read(InputStream in) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in,
        StandardCharsets.UTF_8))) {
      String header = r.readLine();
      if (header == null) {
        throw bad("the file is empty");
      }
      List<String> names = Arrays.stream(split(header.replace("\uFEFF", "")))
          .map(h -> h.toLowerCase(Locale.ROOT)).toList();
      int lon = column(names, "lon", "lng", "longitude");
      int lat = column(names, "lat", "latitude");
      int time = column(names, "time", "timestamp");
      List<TrackPoint> out = new ArrayList<>();
      int lineNo = 1;
      for (String line; (line = r.readLine()) != null; ) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        String[] f = split(line);
        if (f.length < names.size()) {
          throw bad("line " + lineNo + " has " + f.length + " fields, the header " + names.size());
        }
        TrackPoint p = new TrackPoint(number(f[lon], "longitude", lineNo, 180),
            number(f[lat], "latitude", lineNo, 90), time(f[time], lineNo), out.isEmpty());
        if (!out.isEmpty() && p.time().isBefore(out.get(out.size() - 1).time())) {
          throw bad("line " + lineNo + " at " + p.time() + " comes before the line ahead of it ("
              + out.get(out.size() - 1).time() + "): pings must be in time order");
        }
        if (out.size() == GpxReader.MAX_POINTS) {
          throw bad("more than " + GpxReader.MAX_POINTS + " pings: split the upload");
        }
        out.add(p);
      }
      if (out.isEmpty()) {
        throw bad("no pings below the header");
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String[] split(String line) {
    String[] f = line.split(",", -1);
    for (int i = 0; i < f.length; i++) {
      f[i] = f[i].strip().replaceAll("^\"|\"$", "");
    }
    return f;
  }

  private static int column(List<String> names, String... accepted) {
    for (String a : accepted) {
      if (names.contains(a)) {
        return names.indexOf(a);
      }
    }
    throw bad("the header has no " + accepted[0] + " column (accepted: "
        + String.join(", ", accepted) + ")");
  }

  private static double number(String text, String what, int line, double limit) {
    try {
      double v = Double.parseDouble(text);
      if (Math.abs(v) <= limit) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw bad("line " + line + " has no valid " + what + " ('" + text + "')");
  }

  private static Instant time(String text, int line) {
    if (text.isEmpty()) {
      throw bad("line " + line + " has no timestamp: dosage needs the time of every ping");
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw bad("line " + line + " has the time '" + text + "', not an ISO-8601 timestamp with an "
          + "offset or Z");
    }
  }

  private static InvalidInputException bad(String message) {
    return new InvalidInputException("csv", message);
  }
}
