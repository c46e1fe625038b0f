package org.hotbeat.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hotbeat.InvalidInputException;
import org.hotbeat.geo.LonLat;
import org.hotbeat.ingest.Taxonomy;
import org.hotbeat.patrol.PlanRequest;
import org.hotbeat.streets.TravelMode;
import org.hotbeat.time.TimeWindow;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * The JSON body of {@code POST /api/patrol-plans}, and its validation into a {@link PlanRequest}
 * with every default filled in. Every bad field is reported, not only the first.
 */
record PatrolPlanBody(Area area, Shift shift, List<Unit> units, Double dwellMinutes,
    Integer maxStops, Double revisitMinutes, Long seed, Risk risk, Candidates candidates) {

  record Area(String beat, String agency, JsonNode polygon) {}

  record Shift(String start, String end) {}

  record Unit(String name, String mode, List<Double> start, List<Double> end) {}

  /** {@code hours}: "shift" (default), "all", or a list of local hours 0–23. */
  record Risk(String from, String to, List<String> categories, Map<String, Double> weights,
      JsonNode hours, Double bandwidth) {}

  record Candidates(Double separationMetres, Integer max, Double minRisk) {}

  static final double DEFAULT_DWELL_MIN = 12;
  static final double DEFAULT_REVISIT_MIN = 120;
  static final double DEFAULT_BANDWIDTH_M = 150;
  static final double DEFAULT_SEPARATION_M = 200;
  static final int DEFAULT_MAX_CANDIDATES = 50;
  static final double DEFAULT_MIN_RISK = 1;
  static final int MAX_UNITS = 12;
  private static final Duration MAX_SHIFT = Duration.ofHours(24);

  /** @param clockSeed the seed used when the body names none (reported in the plan) */
  PlanRequest validate(long clockSeed) {
    List<ProblemDetail.FieldError> errors = new ArrayList<>();
    PlanRequest.Area a = area(errors);
    OffsetDateTime start = time(shift == null ? null : shift.start(), "shift.start", errors);
    OffsetDateTime end = time(shift == null ? null : shift.end(), "shift.end", errors);
    if (start != null && end != null) {
      if (!end.isAfter(start)) {
        errors.add(new ProblemDetail.FieldError("shift.end", "must be after shift.start"));
      } else if (Duration.between(start, end).compareTo(MAX_SHIFT) > 0) {
        errors.add(new ProblemDetail.FieldError("shift.end", "a shift lasts at most 24 hours"));
      }
    }
    List<PlanRequest.Unit> us = units(errors);
    double dwell = range(dwellMinutes, DEFAULT_DWELL_MIN, 1, 120, "dwellMinutes", errors);
    double revisit = range(revisitMinutes, DEFAULT_REVISIT_MIN, 15, 1440, "revisitMinutes", errors);
    int stops = (int) range(maxStops == null ? null : maxStops.doubleValue(), 0, 0, 100,
        "maxStops", errors);
    PlanRequest.Risk r = risk(start, end, errors);
    Candidates c = candidates == null ? new Candidates(null, null, null) : candidates;
    PlanRequest.Candidates cand = new PlanRequest.Candidates(
        range(c.separationMetres(), DEFAULT_SEPARATION_M, 50, 2000, "candidates.separationMetres",
            errors),
        (int) range(c.max() == null ? null : c.max().doubleValue(), DEFAULT_MAX_CANDIDATES, 1, 200,
            "candidates.max", errors),
        range(c.minRisk(), DEFAULT_MIN_RISK, 0, 1e9, "candidates.minRisk", errors));
    if (!errors.isEmpty()) {
      throw new ProblemException(400, "Bad Request", "invalid patrol plan request", errors);
    }
    return new PlanRequest(a, start, end, us, seconds(dwell), stops, seconds(revisit),
        seed == null ? clockSeed : seed, r, cand);
  }

  private PlanRequest.Area area(List<ProblemDetail.FieldError> errors) {
    if (area == null || (area.beat() == null) == (area.polygon() == null)) {
      errors.add(new ProblemDetail.FieldError("area", "give either {\"beat\": CODE} or "
          + "{\"polygon\": GeoJSON Polygon}"));
      return null;
    }
    if (area.beat() != null) {
      if (area.beat().isBlank()) {
        errors.add(new ProblemDetail.FieldError("area.beat", "must not be blank"));
      }
      return new PlanRequest.Area(area.beat().strip(), area.agency(), null);
    }
    try {
      Geometry g = new GeoJsonReader().read(area.polygon().toString());
      String why = g instanceof Polygonal ? polygonProblem(g) : "must be a GeoJSON Polygon or "
          + "MultiPolygon, got " + g.getGeometryType();
      if (why != null) {
        errors.add(new ProblemDetail.FieldError("area.polygon", why));
        return null;
      }
      return new PlanRequest.Area(null, area.agency(), g);
    } catch (org.locationtech.jts.io.ParseException | RuntimeException e) {
      errors.add(new ProblemDetail.FieldError("area.polygon", "not GeoJSON: " + e.getMessage()));
      return null;
    }
  }

  private static String polygonProblem(Geometry g) {
    for (var c : g.getCoordinates()) {
      if (!(Math.abs(c.x) <= 180 && Math.abs(c.y) <= 90)) {
        return "coordinates must be [lon, lat] in degrees (EPSG:4326)";
      }
    }
    if (g.isEmpty() || !g.isValid()) {
      return "the polygon is empty or not valid (rings must close and must not cross themselves)";
    }
    return null;
  }

  private List<PlanRequest.Unit> units(List<ProblemDetail.FieldError> errors) {
    if (units == null || units.isEmpty() || units.size() > MAX_UNITS) {
      errors.add(new ProblemDetail.FieldError("units", "give 1 to " + MAX_UNITS + " units"));
      return List.of();
    }
    List<PlanRequest.Unit> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < units.size(); i++) {
      Unit u = units.get(i);
      String f = "units[" + i + "]";
      if (u == null) {
        errors.add(new ProblemDetail.FieldError(f, "must be an object"));
        continue;
      }
      String name = u.name() == null || u.name().isBlank() ? "unit " + (i + 1) : u.name().strip();
      if (name.length() > 40 || !names.add(name)) {
        errors.add(new ProblemDetail.FieldError(f + ".name", "must be unique and at most 40 characters"));
      }
      TravelMode mode = TravelMode.CAR;
      try {
        mode = u.mode() == null ? TravelMode.CAR : TravelMode.parse(u.mode());
      } catch (IllegalArgumentException e) {
        errors.add(new ProblemDetail.FieldError(f + ".mode", e.getMessage()));
      }
      LonLat s = point(u.start(), f + ".start", true, errors);
      LonLat e = point(u.end(), f + ".end", false, errors);
      if (s != null) {
        out.add(new PlanRequest.Unit(name, mode, s, e == null ? s : e));
      }
    }
    return out;
  }

  private static LonLat point(List<Double> p, String field, boolean required,
      List<ProblemDetail.FieldError> errors) {
    if (p == null) {
      if (required) {
        errors.add(new ProblemDetail.FieldError(field, "required: [lon, lat]"));
      }
      return null;
    }
    try {
      if (p.size() != 2 || p.get(0) == null || p.get(1) == null) {
        throw new IllegalArgumentException("must be [lon, lat]");
      }
      return LonLat.of(p.get(0), p.get(1));
    } catch (IllegalArgumentException e) {
      errors.add(new ProblemDetail.FieldError(field, e.getMessage()));
      return null;
    }
  }

  private PlanRequest.Risk risk(OffsetDateTime start, OffsetDateTime end,
      List<ProblemDetail.FieldError> errors) {
    Risk r = risk == null ? new Risk(null, null, null, null, null, null) : risk;
    Instant to = r.to() == null ? (start == null ? null : start.toInstant())
        : instant(r.to(), "risk.to", errors);
    Instant from = r.from() == null ? (to == null ? null : to.minus(365, ChronoUnit.DAYS))
        : instant(r.from(), "risk.from", errors);
    if (from != null && to != null && !from.isBefore(to)) {
      errors.add(new ProblemDetail.FieldError("risk.from", "must be before risk.to"));
    }
    Map<String, Double> weights = new LinkedHashMap<>();
    if (r.categories() != null && r.weights() != null) {
      errors.add(new ProblemDetail.FieldError("risk", "give categories or weights, not both"));
    } else if (r.categories() != null) {
      r.categories().forEach(cat -> weights.put(cat, 1.0));
    } else if (r.weights() != null) {
      weights.putAll(r.weights());
    }
    for (Map.Entry<String, Double> w : weights.entrySet()) {
      if (!Taxonomy.isCategory(w.getKey())) {
        errors.add(new ProblemDetail.FieldError("risk.categories", "'" + w.getKey()
            + "' is not a category; expected one of " + Taxonomy.CATEGORIES));
      } else if (w.getValue() == null || !(w.getValue() > 0 && w.getValue() <= 100)) {
        errors.add(new ProblemDetail.FieldError("risk.weights." + w.getKey(),
            "a harm weight must be more than 0 and at most 100"));
      }
    }
    Set<Integer> hours = new TreeSet<>();
    boolean ofShift = false;
    JsonNode h = r.hours();
    if (h == null || h.isNull() || "shift".equals(h.asText())) {
      ofShift = true;
      if (start != null && end != null && Duration.between(start, end).toHours() < 24) {
        for (OffsetDateTime t = start.truncatedTo(ChronoUnit.HOURS); t.isBefore(end);
            t = t.plusHours(1)) {
          hours.add(t.getHour());
        }
      }
    } else if (h.isArray()) {
      h.forEach(x -> {
        if (!x.canConvertToInt() || x.asInt() < 0 || x.asInt() > 23) {
          errors.add(new ProblemDetail.FieldError("risk.hours", "hours are whole numbers 0 to 23"));
        } else {
          hours.add(x.asInt());
        }
      });
    } else if (!"all".equals(h.asText())) {
      errors.add(new ProblemDetail.FieldError("risk.hours", "\"shift\", \"all\" or a list of hours"));
    }
    double bw = range(r.bandwidth(), DEFAULT_BANDWIDTH_M, 25, 2000, "risk.bandwidth", errors);
    if (from == null || to == null) {
      return null;
    }
    return new PlanRequest.Risk(from, to, weights, hours.size() == 24 ? Set.of() : hours, ofShift,
        bw);
  }

  private static OffsetDateTime time(String s, String field, List<ProblemDetail.FieldError> errors) {
    if (s == null) {
      errors.add(new ProblemDetail.FieldError(field, "required: a time with offset, e.g. "
          + "2017-06-02T20:00:00-05:00"));
      return null;
    }
    try {
      return OffsetDateTime.parse(s.strip());
    } catch (DateTimeParseException e) {
      errors.add(new ProblemDetail.FieldError(field, "'" + s + "' is not a time with offset, e.g. "
          + "2017-06-02T20:00:00-05:00"));
      return null;
    }
  }

  private static Instant instant(String s, String field, List<ProblemDetail.FieldError> errors) {
    try {
      return TimeWindow.instant(field, s, () -> java.time.ZoneOffset.UTC);
    } catch (InvalidInputException e) {
      errors.add(new ProblemDetail.FieldError(field, e.reason()));
      return null;
    }
  }

  private static double range(Double v, double dflt, double min, double max, String field,
      List<ProblemDetail.FieldError> errors) {
    if (v == null) {
      return dflt;
    }
    if (!(v >= min && v <= max)) {
      errors.add(new ProblemDetail.FieldError(field, "must be between " + fmt(min) + " and "
          + fmt(max)));
      return dflt;
    }
    return v;
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }

  private static Duration seconds(double minutes) {
    return Duration.ofSeconds(Math.round(minutes * 60));
  }
}
