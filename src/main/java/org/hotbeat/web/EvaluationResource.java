package org.hotbeat.web;

import io.javalin.http.Context;
import io.javalin.validation.Validator;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.hotbeat.InvalidInputException;
import org.hotbeat.evaluation.Backtest;
import org.hotbeat.evaluation.Evaluation;
import org.hotbeat.evaluation.EvaluationService;
import org.hotbeat.evaluation.HitRatePlot;
import org.hotbeat.time.TimeWindow;

/**
 * {@code GET /api/evaluate}: the forecast backtest of {@code hotbeat evaluate} for analysts, run
 * by {@link EvaluationService}. Query: the incident filters of {@link IncidentParams} (but not
 * {@code from}/{@code to}), plus {@code trainFrom, trainTo, testFrom, testTo} (required),
 * {@code method} (repeatable; all when absent), {@code cell} (metres, default
 * {@value #DEFAULT_CELL_M}), {@code boundary} (beat codes, repeatable; default the convex hull)
 * and {@code format} ({@code json}, {@code svg} or {@code png}: the hit-rate curves).
 */
final class EvaluationResource {
  static final double DEFAULT_CELL_M = 150;

  /** The backtest's JSON: the periods, where it was measured, and each method's scores. */
  record Report(Instant trainFrom, Instant trainTo, Instant testFrom, Instant testTo,
      String studyArea, double areaKm2, String projection, int cells, double cellSize,
      int trainIncidents, int testIncidents, List<Backtest.MethodResult> methods) {}

  private final EvaluationService evaluations;

  EvaluationResource(EvaluationService evaluations) {
    this.evaluations = evaluations;
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
      throw new InvalidInputException("from", "the periods are trainFrom–trainTo and "
          + "testFrom–testTo; from and to do not apply");
    }
    Evaluation.Periods p = new Evaluation.Periods(windows[0].from(), windows[0].to(),
        windows[1].from(), windows[1].to());
    Evaluation.Outcome o = evaluations.backtest(IncidentParams.read(ctx, 1),
        IncidentParams.list(ctx, "boundary"), new EvaluationService.Request(p,
            List.copyOf(IncidentParams.list(ctx, "method")), cell.getOrDefault(DEFAULT_CELL_M)));
    String title = "Hit rate: train " + p.trainFrom() + " – " + p.trainTo() + ", test "
        + p.testFrom() + " – " + p.testTo();
    Backtest.Result r = o.result();
    switch (format.getOrDefault("json")) {
      case "svg" -> ctx.contentType("image/svg+xml").result(HitRatePlot.svg(r, title));
      case "png" -> ctx.contentType("image/png").result(HitRatePlot.png(r, title));
      default -> ctx.json(new Report(p.trainFrom(), p.trainTo(), p.testFrom(), p.testTo(),
          o.area(), o.areaKm2(), "EPSG:" + o.epsg(), r.cells(), r.cellSize(),
          r.trainIncidents(), r.testIncidents(), r.methods()));
    }
  }
}
