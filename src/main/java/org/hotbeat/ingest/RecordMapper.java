package org.hotbeat.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hotbeat.InvalidInputException;
import org.hotbeat.store.BeatEnvelope;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Turns raw rows into validated incidents by a {@link Mapping}, or says why a row is rejected.
 * Every check the ingest path makes on a row is here (the value rules shared with corrections are
 * in {@link IncidentValues}), so the file importer and the HTTP API reject the same rows for the
 * same reasons, and no value reaches the database that it would refuse: one such value would
 * otherwise abort the import's transaction and lose every good row. Not thread-safe (it remembers
 * derived ids within one input).
 */
public final class RecordMapper {
  /** The outcome for one row: an incident, or the reason it was rejected. */
  public record Result(IncidentRecord incident, String rejection) {
    static Result reject(String why) {
      return new Result(null, why);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Mapping m;
  private final ZoneId zone;
  private final DateTimeFormatter format;
  private final boolean monthOnly;
  private final CoordinateTransform toWgs84;
  private final Integer srid;
  private final Clock clock;
  private final BeatEnvelope beats;
  private final Map<String, Integer> derivedIdCounts = new HashMap<>();
  private final Map<String, String> categoryLookup = new HashMap<>();

  /**
   * @param sridOverride EPSG code of x/y instead of the mapping's, or null
   */
  public RecordMapper(Mapping mapping, Integer sridOverride, Clock clock) {
    this(mapping, sridOverride, clock, null);
  }

  /**
   * @param sridOverride EPSG code of x/y instead of the mapping's, or null
   * @param beats the envelope of the agency's beats, or null when it has none: points far outside
   *     it are rejected (see {@link BeatEnvelope#whyOutside})
   */
  public RecordMapper(Mapping mapping, Integer sridOverride, Clock clock, BeatEnvelope beats) {
    this.m = mapping;
    this.clock = clock;
    this.beats = beats;
    Mapping.TimeSpec t = mapping.occurredAt();
    this.zone = ZoneId.of(t.zone() == null ? "UTC" : t.zone());
    String pattern = t.format() == null ? "iso" : t.format();
    this.monthOnly = "month".equals(t.precision()) || pattern.equals("yyyy-MM");
    this.format = pattern.equals("iso") ? null : DateTimeFormatter.ofPattern(pattern, Locale.US);
    this.srid = sridOverride != null ? sridOverride : mapping.location().srid();
    this.toWgs84 = srid == null || srid == 4326 ? null : transformFrom(srid);
    if (mapping.category() != null && mapping.category().map() != null) {
      mapping.category().map().forEach((k, v) -> categoryLookup.put(k.toUpperCase(Locale.ROOT), v));
    }
  }

  public Result map(RawRecord r) {
    if (r.error() != null) {
      return Result.reject(r.error());
    }
    try {
      return mapReadable(r);
    } catch (Rejected e) {
      return Result.reject(e.getMessage());
    }
  }

  /** A row refused by a value check deep in the mapping; cheap, as no stack trace is taken. */
  private static final class Rejected extends RuntimeException {
    Rejected(String reason) {
      super(reason, null, false, false);
    }
  }

  private Result mapReadable(RawRecord r) {
    String id = text(r, m.id().column());
    if (id == null) {
      if (!"hash".equals(m.id().whenEmpty())) {
        return Result.reject("empty id (" + m.id().column() + ")");
      }
      id = derivedId(r);
    } else if (id.length() > IncidentValues.MAX_CODE_CHARS) {
      return Result.reject("id longer than " + IncidentValues.MAX_CODE_CHARS + " characters");
    }

    String when = text(r, m.occurredAt().column());
    if (when == null) {
      return Result.reject("empty date (" + m.occurredAt().column() + ")");
    }
    Instant at;
    try {
      at = parseTime(when);
    } catch (DateTimeParseException e) {
      return Result.reject("date '" + when + "' does not match the format "
          + (format == null ? "ISO-8601" : m.occurredAt().format()));
    }
    String badTime = IncidentValues.timeProblem(when, at, clock);
    if (badTime != null) {
      return Result.reject(badTime);
    }

    double[] lonLat = new double[2];
    String where = locate(r, lonLat);
    if (where != null) {
      return Result.reject(where);
    }

    String offense = text(r, m.offense() == null ? null : m.offense().code());
    if (offense != null && offense.length() > IncidentValues.MAX_CODE_CHARS) {
      return Result.reject("offence code longer than " + IncidentValues.MAX_CODE_CHARS
          + " characters");
    }
    return new Result(new IncidentRecord(r.row(), id, at,
        monthOnly ? "month" : m.occurredAt().precision() == null ? "exact"
            : m.occurredAt().precision(),
        offense, category(r), lonLat[0], lonLat[1],
        m.location().precision() == null ? "exact" : m.location().precision(),
        attributes(r)), null);
  }

  private Instant parseTime(String s) {
    if (monthOnly) {
      return YearMonth.parse(s.strip(), format == null
          ? DateTimeFormatter.ofPattern("yyyy-MM") : format).atDay(1).atStartOfDay(zone).toInstant();
    }
    if (format != null) {
      var parsed = format.parseBest(s.strip(), OffsetDateTime::from, LocalDateTime::from,
          LocalDate::from);
      if (parsed instanceof OffsetDateTime odt) {
        return odt.toInstant();
      }
      if (parsed instanceof LocalDateTime ldt) {
        return ldt.atZone(zone).toInstant();
      }
      return ((LocalDate) parsed).atStartOfDay(zone).toInstant();
    }
    String v = s.strip();
    try {
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException e) {
      if (v.length() == 10) {
        return LocalDate.parse(v).atStartOfDay(zone).toInstant();
      }
      return LocalDateTime.parse(v).atZone(zone).toInstant();
    }
  }

  /** Fills lon/lat or returns why the row has no usable point. */
  private String locate(RawRecord r, double[] out) {
    Mapping.LocationSpec l = m.location();
    String lonText = firstText(r, l.lon(), RawRecord.GEOMETRY_LON);
    String latText = firstText(r, l.lat(), RawRecord.GEOMETRY_LAT);
    double lon;
    double lat;
    if (lonText != null || latText != null) {
      if (lonText == null || latText == null) {
        return "only one of longitude and latitude is given";
      }
      Double a = number(lonText);
      Double b = number(latText);
      if (a == null || b == null) {
        return "coordinates '" + lonText + "', '" + latText + "' are not numbers";
      }
      lon = a;
      lat = b;
    } else {
      String xText = text(r, l.x());
      String yText = text(r, l.y());
      if (xText == null || yText == null) {
        return "no coordinates";
      }
      Double x = number(xText);
      Double y = number(yText);
      if (x == null || y == null) {
        return "coordinates '" + xText + "', '" + yText + "' are not numbers";
      }
      if (x == 0 && y == 0) {
        return "placeholder point (0, 0)";
      }
      if (toWgs84 == null) {
        lon = x;
        lat = y;
      } else {
        ProjCoordinate p = new ProjCoordinate();
        toWgs84.transform(new ProjCoordinate(x, y), p);
        lon = p.x;
        lat = p.y;
        if (!Double.isFinite(lon) || !Double.isFinite(lat)) {
          return "x/y " + xText + ", " + yText + " cannot be transformed from EPSG:" + srid;
        }
      }
    }
    String badPoint = IncidentValues.pointProblem(lon, lat);
    if (badPoint != null) {
      return badPoint;
    }
    if (l.placeholders() != null) {
      for (List<Double> p : l.placeholders()) {
        if (Math.abs(p.get(0) - lon) < 1e-7 && Math.abs(p.get(1) - lat) < 1e-7) {
          return "placeholder point (" + lon + ", " + lat + ") stands for an unknown location";
        }
      }
    }
    List<Double> e = m.extent();
    if (e != null && !(lon >= e.get(0) && lon <= e.get(2) && lat >= e.get(1) && lat <= e.get(3))) {
      if (lat >= e.get(0) && lat <= e.get(2) && lon >= e.get(1) && lon <= e.get(3)) {
        return "point (" + lon + ", " + lat + ") is outside the agency's extent: latitude and "
            + "longitude look swapped";
      }
      return "point (" + lon + ", " + lat + ") is outside the agency's extent " + e
          + (toWgs84 != null ? " (is EPSG:" + srid + " right for x/y?)" : "");
    }
    String far = beats == null ? null : beats.whyOutside(lon, lat);
    if (far != null) {
      return far;
    }
    out[0] = lon;
    out[1] = lat;
    return null;
  }

  private String category(RawRecord r) {
    Mapping.CategorySpec c = m.category();
    if (c == null) {
      return "other";
    }
    String v = text(r, c.column());
    if (v != null) {
      String found = categoryLookup.get(v.toUpperCase(Locale.ROOT));
      if (found != null) {
        return found;
      }
      String lower = v.toLowerCase(Locale.ROOT);
      if (Taxonomy.isCategory(lower)) {
        return lower;
      }
    }
    return c.fallback() == null ? "other" : c.fallback();
  }

  private String attributes(RawRecord r) {
    if (m.attributes() == null || m.attributes().isEmpty()) {
      return "{}";
    }
    Map<String, String> a = new LinkedHashMap<>();
    m.attributes().forEach((name, column) -> {
      String v = text(r, column);
      if (v != null) {
        a.put(name, v);
      }
    });
    try {
      return JSON.writeValueAsString(a);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings always serialises", e);
    }
  }

  /**
   * A stable id for a row without one: a hash of its mapped values, plus how many identical rows
   * came before it in this input (identical rows are distinct incidents, e.g. two anti-social
   * behaviour reports at one snap point in one month).
   */
  private String derivedId(RawRecord r) {
    StringBuilder key = new StringBuilder();
    for (String col : new String[] {m.occurredAt().column(), m.location().lon(), m.location().lat(),
        m.location().x(), m.location().y(), m.offense() == null ? null : m.offense().code()}) {
      key.append(col == null ? "" : String.valueOf(r.get(col))).append('\u001f');
    }
    if (m.attributes() != null) {
      m.attributes().values().forEach(col -> key.append(r.get(col)).append('\u001f'));
    }
    String digest = sha256(key.toString()).substring(0, 24);
    int n = derivedIdCounts.merge(digest, 1, Integer::sum);
    return "h:" + digest + ":" + n;
  }

  private static String sha256(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder(64);
      for (byte b : d) {
        hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The column's stripped value, or null when empty; a value PostgreSQL refuses rejects the row. */
  private static String text(RawRecord r, String column) {
    if (column == null) {
      return null;
    }
    String v = r.get(column);
    if (v == null) {
      return null;
    }
    // Longer values were already cut off by the reader's field limit.
    String bad = IncidentValues.textProblem("column '" + column + "'", v, Integer.MAX_VALUE);
    if (bad != null) {
      throw new Rejected(bad);
    }
    v = v.strip();
    return v.isEmpty() ? null : v;
  }

  private static String firstText(RawRecord r, String column, String geometryField) {
    String v = text(r, column);
    return v != null ? v : text(r, geometryField);
  }

  private static Double number(String s) {
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static CoordinateTransform transformFrom(int epsg) {
    CRSFactory crs = new CRSFactory();
    CoordinateReferenceSystem source;
    try {
      source = crs.createFromName("EPSG:" + epsg);
    } catch (RuntimeException e) {
      throw new InvalidInputException("srid", "EPSG:" + epsg + " is not a known coordinate "
          + "system");
    }
    return new CoordinateTransformFactory().createTransform(source,
        crs.createFromName("EPSG:4326"));
  }
}
