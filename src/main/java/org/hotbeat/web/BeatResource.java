package org.hotbeat.web;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.javalin.http.Context;
import io.javalin.validation.Validator;
import java.sql.SQLException;
import java.time.ZoneId;
import org.hotbeat.store.PublicFilter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hotbeat.InvalidInputException;
import org.hotbeat.NotFoundException;
import org.hotbeat.access.Role;
import org.hotbeat.config.Limits;
import org.hotbeat.evaluation.BeatReport;
import org.hotbeat.store.BeatRepository;
import org.hotbeat.time.TimeWindow;

/**
 * {@code GET /api/beats}: beat outlines and names as GeoJSON, public (no incident data).
 * Query: {@code agency}, {@code simplify} (tolerance in metres, default 0).
 */
final class BeatResource {
  record Feature(String type, String id, @JsonRawValue String geometry,
      Map<String, Object> properties) {}

  record FeatureCollection(String type, List<Feature> features) {}

  private static final double METRES_PER_DEGREE = 111_320;
  private final BeatRepository beats;
  private final BeatReport reports;
  private final int publicMinCount;

  BeatResource(BeatRepository beats, BeatReport reports, Limits limits) {
    this.beats = beats;
    this.reports = reports;
    this.publicMinCount = limits.publicMinCount();
  }

  /**
   * {@code GET /api/beats/{code}/report?from=&to=[&agency=]}: public, with small counts
   * suppressed for callers without a patrol or analyst token.
   */
  void report(Context ctx) throws SQLException {
    ctx.json(build(ctx));
  }

  /** The same report as a printable HTML page. */
  void reportHtml(Context ctx) throws SQLException {
    ctx.contentType("text/html; charset=utf-8").result(BeatReportPage.html(build(ctx), publicMinCount));
  }

  /** The report of the request, suppressed unless the caller is patrol or above. */
  private BeatReport.Report build(Context ctx) throws SQLException {
    TimeWindow period = TimeParams.requiredWindow(ctx, "from", "to");
    String code = ctx.pathParam("code");
    String agency = ctx.queryParam("agency");
    if (agency == null) {
      List<String> agencies = beats.agenciesWith(code);
      if (agencies.size() > 1) {
        throw new InvalidInputException("agency", "beat " + code + " exists for "
            + String.join(", ", agencies) + ": name one");
      }
      agency = agencies.isEmpty() ? "" : agencies.get(0);
    }
    String theAgency = agency;
    boolean full = AccessControl.caller(ctx).role().grants(Role.PATROL);
    ZoneId publicClock = null;
    if (!full) {
      ZoneId clock = TimeParams.clock(ctx, agency.isEmpty() ? null : agency).get();
      PublicFilter.requireMonthStart("from", period.from(), () -> clock);
      PublicFilter.requireMonthStart("to", period.to(), () -> clock);
      publicClock = clock;
    }
    BeatReport.Report report = reports.build(agency, code, period.from(), period.to(),
            publicClock)
        .orElseThrow(() -> new NotFoundException("no beat " + code
            + (theAgency.isEmpty() ? "" : " in agency " + theAgency)));
    return full ? report : BeatReport.suppressed(report, publicMinCount);
  }

  void list(Context ctx) throws SQLException {
    Validator<Double> simplify = ctx.queryParamAsClass("simplify", Double.class)
        .check(v -> v == null || (v >= 0 && v <= 10_000), "must be 0 to 10000 metres");
    QueryParams.validateAll(simplify);
    double tolerance = simplify.getOrDefault(0.0) / METRES_PER_DEGREE;
    List<Feature> features = beats.list(ctx.queryParam("agency"), tolerance).stream()
        .map(b -> new Feature("Feature", b.agency() + ":" + b.code(), b.geometryJson(),
            properties(b)))
        .toList();
    ctx.json(new FeatureCollection("FeatureCollection", features));
  }

  private static Map<String, Object> properties(BeatRepository.Beat b) {
    java.util.LinkedHashMap<String, Object> p = new java.util.LinkedHashMap<>();
    p.put("agency", b.agency());
    p.put("code", b.code());
    p.put("name", b.name());
    p.put("district", b.district());
    return p;
  }
}
