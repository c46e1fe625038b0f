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
import org.hotbeat.InvalidInputException;
import org.hotbeat.config.Limits;
import org.hotbeat.density.HeatDefaults;
import org.hotbeat.store.IncidentAggregates;
import org.hotbeat.store.IncidentQuery;

/**
 * What a community meeting may see, with no token: {@code /api/public/hexagons} (incident counts
 * in hexagons, where a hexagon with fewer than the public minimum count
 * ({@link Limits#publicMinCount()}) says only "fewer than N" and its count is not sent; hexagons
 * are no smaller than {@link Limits#publicMinCellMetres()}) and {@code /api/sources} (who
 * published the data, and
 * the span of its dates). Only period, category, beat and agency filter: no hours, weekdays or
 * offence codes, so no exact times can be read back.
 */
final class PublicMapResource {
  static final double MAX_SIZE = 5_000;
  static final double DEFAULT_SIZE = 250;
  private static final Set<String> REFUSED = Set.of("hours", "weekdays", "offense", "bbox",
      "cursor", "limit");
  private static final ObjectMapper JSON = new ObjectMapper();

  record Geometry(String type, JsonNode coordinates) {}

  /** {@code count} is null when the hexagon has fewer than the public minimum. */
  record HexProperties(Long count, String label) {}

  record Hexagon(String type, Geometry geometry, HexProperties properties) {}

  record Hexagons(String type, Instant from, Instant to, double sizeMetres, int suppressedBelow,
      long peak, List<Hexagon> features) {}

  /**
   * The numbers the map pages use, sent with the sources so that no page hard-codes them: the
   * heat layer's default bandwidth and the public floors of the configuration, and the community
   * map's own choices (its heat bandwidth and hexagon sizes, never below the floors). Metres.
   */
  record MapSettings(double heatBandwidthMetres, double publicMinBandwidthMetres,
      int publicMinCount, double publicMinCellMetres, double communityHeatBandwidthMetres,
      double hexagonMetres, double beatHexagonMetres) {}

  record Sources(List<IncidentAggregates.Source> sources, String attribution,
      MapSettings settings) {}

  /** The community map's heat bandwidth: a little finer than the analyst map's default. */
  static final double COMMUNITY_HEAT_BANDWIDTH = 300;
  /** Hexagons on the community map when one beat is chosen: finer than over the whole city. */
  static final double BEAT_HEXAGON_SIZE = 150;

  private final IncidentAggregates aggregates;
  private final DataSources data;
  private final Limits limits;

  PublicMapResource(IncidentAggregates aggregates, DataSources data, Limits limits) {
    this.aggregates = aggregates;
    this.data = data;
    this.limits = limits;
  }

  void hexagons(Context ctx) throws SQLException {
    for (String name : REFUSED) {
      if (ctx.queryParam(name) != null) {
        throw new InvalidInputException(name, "is not available on the public hexagon map "
            + "(period, category, beat and agency only)");
      }
    }
    double minSize = limits.publicMinCellMetres();
    int minCount = limits.publicMinCount();
    Validator<Double> size = ctx.queryParamAsClass("size", Double.class)
        .check(v -> v == null || (v >= minSize && v <= MAX_SIZE),
            "must be from " + (int) minSize + " to " + (int) MAX_SIZE + " m");
    QueryParams.validateAll(size);
    IncidentQuery q = IncidentParams.read(ctx, 1);
    double edge = size.getOrDefault(Math.max(DEFAULT_SIZE, minSize));
    List<Hexagon> features = new ArrayList<>();
    long peak = 0;
    for (IncidentAggregates.Hexagon h : aggregates.hexagons(q, edge)) {
      boolean shown = h.count() >= minCount;
      peak = Math.max(peak, shown ? h.count() : 0);
      features.add(new Hexagon("Feature", geometry(h.geoJson()),
          new HexProperties(shown ? h.count() : null,
              shown ? h.count() + " incidents" : "fewer than " + minCount)));
    }
    ctx.json(new Hexagons("FeatureCollection", q.from(), q.to(), edge, minCount, peak,
        features));
  }

  void sources(Context ctx) throws SQLException {
    double minCell = limits.publicMinCellMetres();
    double minBandwidth = limits.publicMinBandwidthMetres();
    ctx.json(new Sources(data.sources(), data.attribution(), new MapSettings(
        HeatDefaults.BANDWIDTH_M, minBandwidth, limits.publicMinCount(), minCell,
        Math.max(COMMUNITY_HEAT_BANDWIDTH, minBandwidth), Math.max(DEFAULT_SIZE, minCell),
        Math.max(BEAT_HEXAGON_SIZE, minCell))));
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
