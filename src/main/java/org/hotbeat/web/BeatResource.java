package org.hotbeat.web;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.javalin.http.Context;
import io.javalin.validation.Validator;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.hotbeat.store.BeatRepository;

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

  BeatResource(BeatRepository beats) {
    this.beats = beats;
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
