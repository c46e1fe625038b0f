package org.hotbeat.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.validation.ValidationError;
import io.javalin.validation.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.hotbeat.InvalidInputException;
import org.hotbeat.config.PatrolDefaults;
import org.hotbeat.geo.GeoJsonAreas;
import org.hotbeat.geo.LonLat;
import org.hotbeat.ingest.Taxonomy;
import org.hotbeat.patrol.PlanRequest;
import org.hotbeat.streets.TravelMode;
import org.hotbeat.time.TimeWindow;

/**
 * The JSON body of {@code POST /api/patrol-plans}, and its validation into a {@link PlanRequest}
 * with every default filled in from {@link PatrolDefaults}. Every bad field is reported, not only
 * the first. Times without an offset are read on the clock of the plan's agency.
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

  /** The agency whose clock the body's local times are read on (null: the one all share). */
  String agency() {
    return area == null ? null : area.agency();
  }

  /**
   * @param clockSeed the seed used when the body names none (reported in the plan)
   * @param d what each setting left out defaults to, and the bounds on units and shift
   * @param clock the plan's agency's clock, asked for only when a time has no offset
   * @throws ValidationException listing every bad field
   */
  PlanRequest validate(long clockSeed, PatrolDefaults d, Supplier<ZoneId> clock) {
    FieldErrors errors = new FieldErrors();
    PlanRequest.Area a = area(errors);
    OffsetDateTime start = time(shift == null ? null : shift.start(), "shift.start", clock, errors);
    OffsetDateTime end = time(shift == null ? null : shift.end(), "shift.end", clock, errors);
    if (start != null && end != null) {
      if (!end.isAfter(start)) {
        errors.add("shift.end", "must be after shift.start");
      } else if (Duration.between(start, end).compareTo(Duration.ofHours(d.maxShiftHours())) > 0) {
        errors.add("shift.end", "a shift lasts at most " + d.maxShiftHours() + " hours");
      }
    }
    List<PlanRequest.Unit> us = units(d.maxUnits(), errors);
    double dwell = range(dwellMinutes, d.dwellMinutes(), PatrolDefaults.DWELL_RANGE,
        "dwellMinutes", errors);
    double revisit = range(revisitMinutes, d.revisitMinutes(), PatrolDefaults.REVISIT_RANGE,
        "revisitMinutes", errors);
    int stops = (int) range(maxStops == null ? null : maxStops.doubleValue(), 0,
        new double[] {0, 100}, "maxStops", errors);
    PlanRequest.Risk r = risk(start, end, d, clock, errors);
    Candidates c = candidates == null ? new Candidates(null, null, null) : candidates;
    PlanRequest.Candidates cand = new PlanRequest.Candidates(
        range(c.separationMetres(), d.separationMetres(), PatrolDefaults.SEPARATION_RANGE,
            "candidates.separationMetres", errors),
        (int) range(c.max() == null ? null : c.max().doubleValue(), d.maxCandidates(),
            PatrolDefaults.CANDIDATES_RANGE, "candidates.max", errors),
        range(c.minRisk(), d.minRisk(), PatrolDefaults.MIN_RISK_RANGE, "candidates.minRisk",
            errors));
    errors.throwIfAny();
    return new PlanRequest(a, start, end, us, seconds(dwell), stops, seconds(revisit),
        seed == null ? clockSeed : seed, r, cand);
  }

  private PlanRequest.Area area(FieldErrors errors) {
    if (area == null || (area.beat() == null) == (area.polygon() == null)) {
      errors.add("area", "give either {\"beat\": CODE} or {\"polygon\": GeoJSON Polygon}");
      return null;
    }
    if (area.beat() != null) {
      if (area.beat().isBlank()) {
        errors.add("area.beat", "must not be blank");
      }
      return new PlanRequest.Area(area.beat().strip(), area.agency(), null);
    }
    try {
      return new PlanRequest.Area(null, area.agency(),
          GeoJsonAreas.readValid("area.polygon", area.polygon().toString()));
    } catch (InvalidInputException e) {
      errors.add(e);
      return null;
    }
  }

  private List<PlanRequest.Unit> units(int maxUnits, FieldErrors errors) {
    if (units == null || units.isEmpty() || units.size() > maxUnits) {
      errors.add("units", "give 1 to " + maxUnits + " units");
      return List.of();
    }
    List<PlanRequest.Unit> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < units.size(); i++) {
      Unit u = units.get(i);
      String f = "units[" + i + "]";
      if (u == null) {
        errors.add(f, "must be an object");
        continue;
      }
      String name = u.name() == null || u.name().isBlank() ? "unit " + (i + 1) : u.name().strip();
      if (name.length() > 40 || !names.add(name)) {
        errors.add(f + ".name", "must be unique and at most 40 characters");
      }
      TravelMode mode = TravelMode.CAR;
      try {
        mode = u.mode() == null ? TravelMode.CAR : TravelMode.parse(u.mode());
      } catch (IllegalArgumentException e) {
        errors.add(f + ".mode", e.getMessage());
      }
      LonLat s = point(u.start(), f + ".start", true, errors);
      LonLat e = point(u.end(), f + ".end", false, errors);
      if (s != null) {
        out.add(new PlanRequest.Unit(name, mode, s, e == null ? s : e));
      }
    }
    return out;
  }

  private static LonLat point(List<Double> p, String field, boolean required, FieldErrors errors) {
    if (p == null) {
      if (required) {
        errors.add(field, "required: [lon, lat]");
      }
      return null;
    }
    try {
      if (p.size() != 2 || p.get(0) == null || p.get(1) == null) {
        throw new IllegalArgumentException("must be [lon, lat]");
      }
      return LonLat.of(p.get(0), p.get(1));
    } catch (IllegalArgumentException e) {
      errors.add(field, e.getMessage());
      return null;
    }
  }

  private PlanRequest.Risk risk(OffsetDateTime start, OffsetDateTime end, PatrolDefaults d,
      Supplier<ZoneId> clock, FieldErrors errors) {
    Risk r = risk == null ? new Risk(null, null, null, null, null, null) : risk;
    Instant to = r.to() == null ? (start == null ? null : start.toInstant())
        : instant(r.to(), "risk.to", clock, errors);
    Instant from = r.from() == null ? (to == null ? null : to.minus(365, ChronoUnit.DAYS))
        : instant(r.from(), "risk.from", clock, errors);
    if (from != null && to != null && !from.isBefore(to)) {
      errors.add("risk.from", "must be before risk.to");
    }
    Map<String, Double> weights = new LinkedHashMap<>();
    if (r.categories() != null && r.weights() != null) {
      errors.add("risk", "give categories or weights, not both");
    } else if (r.categories() != null) {
      r.categories().forEach(cat -> weights.put(cat, 1.0));
    } else if (r.weights() != null) {
      weights.putAll(r.weights());
    }
    for (Map.Entry<String, Double> w : weights.entrySet()) {
      if (!Taxonomy.isCategory(w.getKey())) {
        errors.add("risk.categories", "'" + w.getKey() + "' is not a category; expected one of "
            + Taxonomy.CATEGORIES);
      } else if (w.getValue() == null || !(w.getValue() > 0 && w.getValue() <= 100)) {
        errors.add("risk.weights." + w.getKey(),
            "a harm weight must be more than 0 and at most 100");
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
          errors.add("risk.hours", "hours are whole numbers 0 to 23");
        } else {
          hours.add(x.asInt());
        }
      });
    } else if (!"all".equals(h.asText())) {
      errors.add("risk.hours", "\"shift\", \"all\" or a list of hours");
    }
    double bw = range(r.bandwidth(), d.riskBandwidthMetres(), PatrolDefaults.BANDWIDTH_RANGE,
        "risk.bandwidth", errors);
    if (from == null || to == null) {
      return null;
    }
    return new PlanRequest.Risk(from, to, weights, hours.size() == 24 ? Set.of() : hours, ofShift,
        bw);
  }

  /**
   * A shift end: a time with an offset keeps that offset (the plan is written on it); a local
   * time is read on the agency's clock and written with the agency's offset at that instant.
   */
  private static OffsetDateTime time(String s, String field, Supplier<ZoneId> clock,
      FieldErrors errors) {
    if (s == null || s.isBlank()) {
      errors.add(field, "required: a local time on the agency's clock (2017-06-02T20:00) or a "
          + "time with offset (2017-06-02T20:00:00-05:00)");
      return null;
    }
    Instant at = instant(s, field, clock, errors);
    if (at == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(s.strip());
    } catch (DateTimeParseException e) {
      return at.atZone(clock.get()).toOffsetDateTime();
    }
  }

  private static Instant instant(String s, String field, Supplier<ZoneId> clock, FieldErrors errors) {
    try {
      return TimeWindow.instant(field, s, clock);
    } catch (InvalidInputException e) {
      errors.add(e);
      return null;
    }
  }

  private static double range(Double v, double dflt, double[] range, String field,
      FieldErrors errors) {
    if (v == null) {
      return dflt;
    }
    if (!(v >= range[0] && v <= range[1])) {
      errors.add(field, "must be between " + PatrolDefaults.format(range[0]) + " and "
          + PatrolDefaults.format(range[1]));
      return dflt;
    }
    return v;
  }

  private static Duration seconds(double minutes) {
    return Duration.ofSeconds(Math.round(minutes * 60));
  }
}
