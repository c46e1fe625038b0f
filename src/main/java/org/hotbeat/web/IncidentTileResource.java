package org.hotbeat.web;

import io.javalin.http.Context;
import io.javalin.validation.Validator;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotbeat.geo.TileCoord;
import org.hotbeat.store.IncidentAggregates;
import org.hotbeat.store.IncidentQuery;
import org.hotbeat.tiles.TileCache;

/**
 * Point-level incidents on the map, for analysts only: {@code /tiles/incidents/{z}/{x}/{y}.mvt}
 * (layer {@code incidents}, clusters with a {@code count} below zoom
 * {@value IncidentAggregates#POINT_ZOOM}, single incidents from it), its TileJSON
 * {@code /tiles/incidents.json}, and {@code /api/incidents/near} (counts within a radius of a
 * clicked spot). All take the filters of {@link IncidentParams}. Tiles are {@code private} to
 * HTTP caches, with an ETag of the data version and the filter.
 */
final class IncidentTileResource {
  static final int MAX_ZOOM = 18;
  static final double MAX_RADIUS = 5_000;

  record Near(double lon, double lat, double radiusMetres, long total,
      List<org.hotbeat.store.IncidentRepository.Count> byCategory) {}

  private final IncidentAggregates aggregates;
  private final DataSources data;

  IncidentTileResource(IncidentAggregates aggregates, DataSources data) {
    this.aggregates = aggregates;
    this.data = data;
  }

  void tile(Context ctx) throws SQLException {
    TileCoord t = TileRequests.coord(ctx, ".mvt");
    IncidentQuery q = IncidentParams.read(ctx, 1);
    String etag = "\"incidents-" + data.version() + "-"
        + TileCache.digest(String.valueOf(ctx.queryString())) + "\"";
    if (TileResponses.notModified(ctx, etag, TileResponses.PRIVATE)) {
      return;
    }
    TileResponses.mvt(ctx, aggregates.tile(q, t));
  }

  void tileJson(Context ctx) throws SQLException {
    IncidentParams.read(ctx, 1);   // validates the filter the tile URLs will carry
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("count", "incidents at this point (clusters below zoom "
        + IncidentAggregates.POINT_ZOOM + "; 1 from it)");
    fields.put("id", "agency:id of the incident");
    fields.put("category", "normalised category");
    fields.put("offense", "the agency's offence code");
    fields.put("occurred_at", "when it happened (ISO-8601, UTC)");
    fields.put("precision", "what the point stands for: exact, block, street…");
    ctx.json(TileJson.of("hotbeat incidents", data.version(),
            TileJson.url(ctx, "/tiles/incidents/{z}/{x}/{y}.mvt", true), 0, MAX_ZOOM)
        .describedAs("reported incidents: clusters with counts below zoom "
            + IncidentAggregates.POINT_ZOOM + ", single incidents from it")
        .attributedTo(data.attribution())
        .bounded(TileJson.WORLD, null)
        .withLayer(new TileJson.VectorLayer("incidents", "incidents matching the filter", 0,
            MAX_ZOOM, fields)));
  }

  void near(Context ctx) throws SQLException {
    Validator<Double> lon = ctx.queryParamAsClass("lon", Double.class)
        .check(v -> v != null && v >= -180 && v <= 180, "must be a longitude, -180 to 180");
    Validator<Double> lat = ctx.queryParamAsClass("lat", Double.class)
        .check(v -> v != null && v >= -85 && v <= 85, "must be a latitude, -85 to 85");
    Validator<Double> radius = ctx.queryParamAsClass("radius", Double.class)
        .check(v -> v != null && v > 0 && v <= MAX_RADIUS, "must be more than 0 and at most "
            + (int) MAX_RADIUS + " m");
    QueryParams.validateAll(lon, lat, radius);
    IncidentQuery q = IncidentParams.read(ctx, 1);
    IncidentAggregates.Near n = aggregates.near(q, lon.get(), lat.get(), radius.get());
    ctx.json(new Near(lon.get(), lat.get(), radius.get(), n.total(), n.byCategory()));
  }
}
