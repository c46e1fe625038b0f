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
        + HeatTileResource.digest(String.valueOf(ctx.queryString())) + "\"";
    ctx.header("ETag", etag);
    ctx.header("Cache-Control", "private, max-age=60");
    ctx.header("Vary", "Authorization");
    if (etag.equals(ctx.header("If-None-Match"))) {
      ctx.status(304);
      return;
    }
    byte[] mvt = aggregates.tile(q, t);
    if (mvt.length == 0) {
      ctx.status(204);
      return;
    }
    ctx.contentType(StreetTileResource.MVT).result(mvt);
  }

  void tileJson(Context ctx) throws SQLException {
    IncidentParams.read(ctx, 1);   // validates the filter the tile URLs will carry
    String qs = ctx.queryString();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("tilejson", "3.0.0");
    json.put("name", "hotbeat incidents");
    json.put("description", "reported incidents: clusters with counts below zoom "
        + IncidentAggregates.POINT_ZOOM + ", single incidents from it");
    json.put("version", data.version());
    json.put("attribution", data.attribution());
    json.put("scheme", "xyz");
    json.put("tiles", List.of(ctx.scheme() + "://" + ctx.host() + "/tiles/incidents/{z}/{x}/{y}.mvt"
        + (qs == null ? "" : "?" + qs)));
    json.put("minzoom", 0);
    json.put("maxzoom", MAX_ZOOM);
    json.put("bounds", List.of(-180, -85.0511, 180, 85.0511));
    json.put("vector_layers", List.of(Map.of(
        "id", "incidents",
        "description", "incidents matching the filter",
        "minzoom", 0,
        "maxzoom", MAX_ZOOM,
        "fields", Map.of(
            "count", "incidents at this point (clusters below zoom "
                + IncidentAggregates.POINT_ZOOM + "; 1 from it)",
            "id", "agency:id of the incident",
            "category", "normalised category",
            "offense", "the agency's offence code",
            "occurred_at", "when it happened (ISO-8601, UTC)",
            "precision", "what the point stands for: exact, block, street…"))));
    ctx.json(json);
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
