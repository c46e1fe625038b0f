package org.hotbeat.web;

import io.javalin.http.Context;
import io.javalin.validation.Validator;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotbeat.store.Incident;
import org.hotbeat.store.IncidentQuery;
import org.hotbeat.store.IncidentRepository;

/**
 * {@code GET /api/incidents}: point-level incidents as a GeoJSON FeatureCollection, newest first,
 * for analysts only. Filters: {@code bbox}, {@code from}, {@code to}, {@code category}
 * (repeatable or comma-separated), {@code limit} (default 1000, at most 10000).
 */
final class IncidentResource {
  record PointGeometry(String type, double[] coordinates) {}

  record Feature(String type, String id, PointGeometry geometry, Map<String, Object> properties) {}

  record FeatureCollection(String type, List<Feature> features, int numberReturned,
      boolean limitReached) {}

  private final IncidentRepository incidents;

  IncidentResource(IncidentRepository incidents) {
    this.incidents = incidents;
  }

  void list(Context ctx) throws SQLException {
    Validator<Bbox> bboxParam = ctx.queryParamAsClass("bbox", Bbox.class);
    Validator<Instant> fromParam = ctx.queryParamAsClass("from", Instant.class);
    Validator<Instant> toParam = ctx.queryParamAsClass("to", Instant.class);
    Validator<Integer> limitParam = ctx.queryParamAsClass("limit", Integer.class)
        .check(n -> n == null || (n >= 1 && n <= IncidentQuery.MAX_LIMIT),
            "must be between 1 and " + IncidentQuery.MAX_LIMIT);
    QueryParams.validateAll(bboxParam, fromParam, toParam, limitParam);
    Bbox bbox = bboxParam.getOrNull();
    Instant from = fromParam.getOrNull();
    Instant to = toParam.getOrNull();
    int limit = limitParam.getOrDefault(1000);
    if (from != null && to != null && !from.isBefore(to)) {
      throw ProblemException.badRequest("to", "must be after 'from'");
    }
    Set<String> categories = new LinkedHashSet<>();
    for (String c : ctx.queryParams("category")) {
      for (String part : c.split(",")) {
        if (!part.isBlank()) {
          categories.add(part.strip());
        }
      }
    }
    List<Incident> found = incidents.find(new IncidentQuery(
        bbox == null ? null : bbox.toArray(), from, to, categories, limit));
    ctx.json(new FeatureCollection("FeatureCollection",
        found.stream().map(IncidentResource::feature).toList(), found.size(),
        found.size() == limit));
  }

  private static Feature feature(Incident i) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("agency", i.agency());
    p.put("source_id", i.sourceId());
    p.put("occurred_at", i.occurredAt());
    p.put("offense", i.offense());
    p.put("category", i.category());
    p.put("location_precision", i.locationPrecision());
    return new Feature("Feature", i.agency() + ":" + i.id(),
        new PointGeometry("Point", new double[] {i.lon(), i.lat()}), p);
  }
}
