package org.hotbeat.ingest;

import java.util.Map;
import org.hotbeat.config.IngestLimits;

/**
 * One input row before mapping: field name → text as written (null when absent).
 *
 * @param row 1-based data row number (the header of a CSV is not counted), as reported to users
 * @param fields the row's fields; for GeoJSON features the properties plus {@code $lon}/{@code $lat}
 * @param error why the row could not even be read (a ragged CSV row), or null
 */
public record RawRecord(long row, Map<String, String> fields, String error) {
  /** Field names under which GeoJSON readers put a Point's coordinates. */
  public static final String GEOMETRY_LON = "$lon";
  public static final String GEOMETRY_LAT = "$lat";

  public static RawRecord unreadable(long row, String error) {
    return new RawRecord(row, Map.of(), error);
  }

  /** A row with a field over {@link IngestLimits#maxFieldChars}, the same reason from any reader. */
  static RawRecord fieldTooLong(long row, String field, int limit) {
    return unreadable(row, "field '" + field + "' is longer than " + limit + " characters ("
        + "--" + IngestLimits.FIELD + ")");
  }

  public String get(String field) {
    return fields.get(field);
  }
}
