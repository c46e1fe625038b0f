package org.hotbeat.web;

import io.javalin.http.Context;
import io.javalin.validation.Validator;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotbeat.evaluation.Backtest;
import org.hotbeat.evaluation.Evaluation;
import org.hotbeat.evaluation.HitRatePlot;
import org.hotbeat.evaluation.Method;
import org.hotbeat.evaluation.StudyArea;
import org.hotbeat.evaluation.StudyGrid;
import org.hotbeat.store.BeatRepository;
import org.hotbeat.store.IncidentQuery;
import org.hotbeat.store.IncidentRepository;
import org.hotbeat.time.TimeWindow;
import org.locationtech.jts.geom.Geometry;

/**
 * {@code GET /api/evaluate}: the forecast backtest of {@code hotbeat evaluate} for analysts. Query:
 * the incident filters of {@link IncidentParams} (but not {@code from}/{@code to}), plus
 * {@code trainFrom, trainTo, testFrom, testTo} (required), {@code method} (repeatable; all when
 * absent), {@code cell} (metres, default 150), {@code boundary} (beat codes, repeatable; default
 * the convex hull) and {@code format} ({@code json}, {@code svg} or {@code png}: the hit-rate
 * curves).
 */
final class EvaluationResource {
  static final double DEFAULT_CELL_M = 150;
  private static final int MAX_INCIDENTS = 5_000_000;

  private final IncidentRepository incidents;
  private final BeatRepository beats;
  private final long maxCells;

  EvaluationResource(IncidentRepository incidents, BeatRepository beats, long maxCells) {
    this.incidents = incidents;
    this.beats = beats;
    this.maxCells = maxCells;
  }

  void evaluate(Context ctx) throws SQLException {
    Validator<Double> cell = ctx.queryParamAsClass("cell", Double.class)
        .check(c -> c == null || (c > 0 && c <= 50_000), "must be more than 0 and at most 50000 m");
    Validator<String> format = ctx.queryParamAsClass("format", String.class)
        .check(f -> f == null || List.of("json", "svg", "png").contains(f),
            "must be json, svg or png");
    TimeWindow[] windows = QueryParams.validateAll(() -> new TimeWindow[] {
        TimeParams.requiredWindow(ctx, "trainFrom", "trainTo"),
        TimeParams.requiredWindow(ctx, "testFrom", "testTo")}, cell, format);
    if (ctx.queryParam("from") != null || ctx.queryParam("to") != null) {
      throw ProblemException.badRequest("from", "the periods are trainFrom–trainTo and "
          + "testFrom–testTo; from and to do not apply");
    }
    Evaluation.Periods periods;
    try {
      periods = new Evaluation.Periods(windows[0].from(), windows[0].to(), windows[1].from(),
          windows[1].to());
    } catch (Evaluation.BadPeriods e) {
      throw ProblemException.badRequest(e.field(), e.getMessage());
    }
    List<Method> methods = new ArrayList<>();
    for (String m : names(ctx, "method")) {
      try {
        methods.add(Method.parse(m));
      } catch (IllegalArgumentException e) {
        throw ProblemException.badRequest("method", e.getMessage());
      }
    }
    if (methods.isEmpty()) {
      Backtest.METHODS.forEach(m -> methods.add(Method.parse(m)));
    }
    IncidentQuery f = IncidentParams.read(ctx, 1);
    IncidentQuery q = new IncidentQuery(f.agency(), f.bbox(), periods.trainFrom(),
        periods.testTo(), f.categories(), f.offenses(), f.hours(), f.weekdays(), f.beat(), null, 1);
    Geometry area = boundary(ctx, f.agency());
    Evaluation.Outcome o;
    try {
      o = Evaluation.run(incidents.events(q, MAX_INCIDENTS), periods, methods,
          cell.getOrDefault(DEFAULT_CELL_M), area, maxCells);
    } catch (StudyGrid.TooManyCells e) {
      throw new ProblemException(413, "Content Too Large", e.getMessage(), null);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(400, "Bad Request", e.getMessage(), null);
    }
    String title = "Hit rate: train " + periods.trainFrom() + " – " + periods.trainTo()
        + ", test " + periods.testFrom() + " – " + periods.testTo();
    switch (format.getOrDefault("json")) {
      case "svg" -> ctx.contentType("image/svg+xml").result(HitRatePlot.svg(o.result(), title));
      case "png" -> ctx.contentType("image/png").result(HitRatePlot.png(o.result(), title));
      default -> {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("trainFrom", periods.trainFrom());
        out.put("trainTo", periods.trainTo());
        out.put("testFrom", periods.testFrom());
        out.put("testTo", periods.testTo());
        out.put("studyArea", o.area());
        out.put("areaKm2", o.areaKm2());
        out.put("projection", "EPSG:" + o.epsg());
        out.putAll(Backtest.json(o.result()));
        ctx.json(out);
      }
    }
  }

  /** The named beats' union in WGS84, or null for the convex hull. */
  private Geometry boundary(Context ctx, String agency) throws SQLException {
    Set<String> codes = names(ctx, "boundary");
    if (codes.isEmpty()) {
      return null;
    }
    List<String> json = new ArrayList<>();
    Set<String> found = new LinkedHashSet<>();
    for (BeatRepository.Beat b : beats.list(agency, 0)) {
      if (codes.contains(b.code())) {
        json.add(b.geometryJson());
        found.add(b.code());
      }
    }
    Set<String> missing = new LinkedHashSet<>(codes);
    missing.removeAll(found);
    if (!missing.isEmpty()) {
      throw ProblemException.badRequest("boundary", "unknown beat " + String.join(", ", missing)
          + (agency == null ? "" : " in agency " + agency));
    }
    return StudyArea.fromGeoJson(json);
  }

  private static Set<String> names(Context ctx, String name) {
    Set<String> out = new LinkedHashSet<>();
    for (String v : ctx.queryParams(name)) {
      for (String part : v.split(",")) {
        if (!part.isBlank()) {
          out.add(part.strip());
        }
      }
    }
    return out;
  }
}
