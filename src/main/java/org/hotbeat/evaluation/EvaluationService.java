package org.hotbeat.evaluation;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hotbeat.InvalidInputException;
import org.hotbeat.config.Limits;
import org.hotbeat.store.BeatRepository;
import org.hotbeat.store.IncidentQuery;
import org.hotbeat.store.IncidentRepository;
import org.locationtech.jts.geom.Geometry;

/**
 * The forecast backtest as {@code GET /api/evaluate} and {@code hotbeat evaluate} both run it:
 * the methods named, the two periods, the cell size, the study area, checked once here, and the
 * grid bounded by {@link Limits#maxGridCells()} and the incidents by
 * {@link Limits#maxIncidents()}. Faults are {@link InvalidInputException} naming the field, or
 * {@link org.hotbeat.LimitExceededException}. Thread-safe.
 */
public final class EvaluationService {
  /**
   * What to backtest.
   *
   * @param methods method names or settings ({@link Method#parse}); empty for all
   *     ({@link Backtest#METHODS})
   * @param cellMetres side of the grid's cells
   */
  public record Request(Evaluation.Periods periods, List<String> methods, double cellMetres) {}

  private final IncidentRepository incidents;
  private final BeatRepository beats;
  private final Limits limits;

  /**
   * @param incidents, beats the stored data; may be null when only
   *     {@link #backtest(double[][], Request, Geometry)} is used (incidents read from files)
   */
  public EvaluationService(IncidentRepository incidents, BeatRepository beats, Limits limits) {
    this.incidents = incidents;
    this.beats = beats;
    this.limits = limits;
  }

  /**
   * Backtests the stored incidents of {@code filter} (its period ignored: the request's periods
   * apply) over the union of the named beats, or the convex hull when {@code boundaryBeats} is
   * empty.
   */
  public Evaluation.Outcome backtest(IncidentQuery filter, Set<String> boundaryBeats, Request r)
      throws SQLException {
    methods(r.methods());   // checks them before any reading
    return backtest(filter, boundaryBeats.isEmpty() ? null
        : beatArea(filter.agency(), boundaryBeats), r);
  }

  /**
   * Backtests the stored incidents of {@code filter} (its period ignored) over {@code boundary}
   * (WGS84), or their convex hull when null.
   */
  public Evaluation.Outcome backtest(IncidentQuery filter, Geometry boundary, Request r)
      throws SQLException {
    List<Method> methods = methods(r.methods());
    IncidentQuery q = new IncidentQuery(filter.agency(), filter.bbox(), r.periods().trainFrom(),
        r.periods().testTo(), filter.categories(), filter.offenses(), filter.hours(),
        filter.weekdays(), filter.beat(), null, 1);
    return run(incidents.events(q, limits.maxIncidents()), r, methods, boundary);
  }

  /**
   * Backtests incidents given as {lons, lats, epoch seconds} (WGS84), over {@code boundary}
   * (WGS84) or, when null, their convex hull.
   */
  public Evaluation.Outcome backtest(double[][] lonLatTime, Request r, Geometry boundary) {
    return run(lonLatTime, r, methods(r.methods()), boundary);
  }

  /** The union of the named beats' outlines (WGS84), all of which must exist. */
  public Geometry beatArea(String agency, Set<String> codes) throws SQLException {
    List<String> json = new ArrayList<>();
    Set<String> missing = new LinkedHashSet<>(codes);
    for (BeatRepository.Beat b : beats.list(agency, 0)) {
      if (codes.contains(b.code())) {
        json.add(b.geometryJson());
        missing.remove(b.code());
      }
    }
    if (!missing.isEmpty()) {
      throw new InvalidInputException("boundary", "unknown beat " + String.join(", ", missing)
          + (agency == null ? "" : " in agency " + agency));
    }
    return StudyArea.fromGeoJson(json);
  }

  private Evaluation.Outcome run(double[][] lonLatTime, Request r, List<Method> methods,
      Geometry boundary) {
    if (!(r.cellMetres() > 0)) {
      throw new InvalidInputException("cell", "must be more than 0 m");
    }
    return Evaluation.run(lonLatTime, r.periods(), methods, r.cellMetres(), boundary,
        limits.maxGridCells());
  }

  private static List<Method> methods(List<String> names) {
    List<Method> out = new ArrayList<>();
    for (String name : names.isEmpty() ? Backtest.METHODS : names) {
      try {
        out.add(Method.parse(name));
      } catch (IllegalArgumentException e) {   // Method.parse says what the known forms are
        throw new InvalidInputException("method", e.getMessage());
      }
    }
    return out;
  }
}
