package org.hotbeat.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.validation.Validator;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hotbeat.store.IncidentAggregates;
import org.hotbeat.store.IncidentQuery;

/**
 * What a community meeting may see, with no token: {@code /api/public/hexagons} (incident counts
 * in hexagons, where a hexagon with fewer than {@value #SUPPRESS_BELOW} incidents says only
 * "fewer than 5" and its count is not sent) and {@code /api/sources} (who published the data, and
 * the span of its dates). Only period, category, beat and agency filter: no hours, weekdays or
 * offence codes, so no exact times can be read back.
 */
final class PublicMapResource {
  static final int SUPPRESS_BELOW = 5;
  static final double MIN_SIZE = 100;
  static final double MAX_SIZE = 5_000;
  private static final Set<String> REFUSED = Set.of("hours", "weekdays", "offense", "bbox",
      "cursor", "limit");
  private static final ObjectMapper JSON = new ObjectMapper();

  record Geometry(String type, JsonNode coordinates) {}

  /** {@code count} is null when the hexagon has fewer than 5 incidents. */
  record HexProperties(Long count, String label) {}

  record Hexagon(String type, Geometry geometry, HexProperties properties) {}

  record Hexagons(String type, Instant from, Instant to, double sizeMetres, int suppressedBelow,
      long peak, List<Hexagon> features) {}

  record Sources(List<IncidentAggregates.Source> sources, String attribution) {}

  private final IncidentAggregates aggregates;
  private final DataSources data;

  PublicMapResource(IncidentAggregates aggregates, DataSources data) {
    this.aggregates = aggregates;
    this.data = data;
  }

  void hexagons(Context ctx) throws SQLException {
    for (String name : REFUSED) {
      if (ctx.queryParam(name) != null) {
        throw ProblemException.badRequest(name, "is not available on the public hexagon map "
            + "(period, category, beat and agency only)");
      }
    }
    Validator<Double> size = ctx.queryParamAsClass("size", Double.class)
        .check(v -> v == null || (v >= MIN_SIZE && v <= MAX_SIZE),
            "must be from " + (int) MIN_SIZE + " to " + (int) MAX_SIZE + " m");
    QueryParams.validateAll(size);
    IncidentQuery q = IncidentParams.read(ctx, 1);
    double edge = size.getOrDefault(250.0);
    List<Hexagon> features = new ArrayList<>();
    long peak = 0;
    for (IncidentAggregates.Hexagon h : aggregates.hexagons(q, edge)) {
      boolean shown = h.count() >= SUPPRESS_BELOW;
      peak = Math.max(peak, shown ? h.count() : 0);
      features.add(new Hexagon("Feature", geometry(h.geoJson()),
          new HexProperties(shown ? h.count() : null,
              shown ? h.count() + " incidents" : "fewer than " + SUPPRESS_BELOW)));
    }
    ctx.json(new Hexagons("FeatureCollection", q.from(), q.to(), edge, SUPPRESS_BELOW, peak,
        features));
  }

  void sources(Context ctx) throws SQLException {
    ctx.json(new Sources(data.sources(), data.attribution()));
  }

  private static Geometry geometry(String geoJson) {
    try {
      JsonNode g = JSON.readTree(geoJson);
      return new Geometry(g.get("type").asText(), g.get("coordinates"));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("PostGIS wrote GeoJSON that does not parse", e);
    }
  }
}
