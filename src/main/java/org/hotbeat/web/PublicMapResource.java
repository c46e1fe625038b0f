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
import org.hotbeat.access.Role;
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
  private static final Set<String> REFUSED = Set.of("cursor", "limit");
  private static final ObjectMapper JSON = new ObjectMapper();

  record Geometry(String type, JsonNode coordinates) {}

  /** {@code count} is null when the hexagon has fewer than the public minimum. */
  record HexProperties(Long count, String label) {}

  record Hexagon(String type, Geometry geometry, HexProperties properties) {}

  /**
   * {@code tooFewToShow}: the filter matches fewer than the public minimum in all, so no hexagon
   * is sent, whether 0 or k − 1 match.
   */
  record Hexagons(String type, Instant from, Instant to, double sizeMetres, int suppressedBelow,
      long peak, boolean tooFewToShow, List<Hexagon> features) {}

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
    int minCount = limits.publicMinCount();
    List<Double> sizes = limits.publicCellSizes();
    Validator<Double> size = ctx.queryParamAsClass("size", Double.class)
        .check(v -> v == null || sizes.contains(v), "must be one of " + sizes.stream()
            .map(v -> (int) v.doubleValue() + " m").toList()
            + ": public cells lie on a few fixed grids");
    QueryParams.validateAll(size);
    // Whatever the caller's role: this is the public map (docs/privacy.md).
    IncidentQuery q = IncidentParams.readPublic(ctx);
    double edge = size.getOrDefault(sizes.get(0));
    List<Hexagon> features = new ArrayList<>();
    long peak = 0;
    List<IncidentAggregates.Hexagon> counted = aggregates.hexagons(q, edge);
    boolean tooFew = counted.stream().mapToLong(IncidentAggregates.Hexagon::count).sum() < minCount;
    for (IncidentAggregates.Hexagon h : tooFew ? List.<IncidentAggregates.Hexagon>of() : counted) {
      boolean shown = h.count() >= minCount;
      peak = Math.max(peak, shown ? h.count() : 0);
      features.add(new Hexagon("Feature", geometry(h.geoJson()),
          new HexProperties(shown ? h.count() : null,
              shown ? h.count() + " incidents" : "fewer than " + minCount)));
    }
    ctx.json(new Hexagons("FeatureCollection", q.from(), q.to(), edge, minCount, peak, tooFew,
        features));
  }

  void sources(Context ctx) throws SQLException {
    List<Double> sizes = limits.publicCellSizes();
    double minCell = limits.publicMinCellMetres();
    double minBandwidth = limits.publicMinBandwidthMetres();
    // The public gets the months of the first and last incident, not their instants.
    List<IncidentAggregates.Source> sources = AccessControl.caller(ctx).role()
        .grants(Role.PATROL) ? data.sources() : data.sources().stream()
        .map(x -> new IncidentAggregates.Source(x.agency(), x.attribution(), x.timeZone(), null,
            null, x.firstMonth(), x.lastMonth(), x.incidents())).toList();
    ctx.json(new Sources(sources, data.attribution(), new MapSettings(
        HeatDefaults.BANDWIDTH_M, minBandwidth, limits.publicMinCount(), minCell,
        Math.max(COMMUNITY_HEAT_BANDWIDTH, minBandwidth), sizes.get(0),
        sizes.contains(BEAT_HEXAGON_SIZE) ? BEAT_HEXAGON_SIZE : sizes.get(0))));
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
