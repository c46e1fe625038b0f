package org.hotbeat.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * A TileJSON 3.0.0 document, as every tile layer describes itself; absent parts are left out.
 *
 * @param tiles the URL templates, with the request's query string passed on (see {@link #url})
 * @param bounds west, south, east, north in degrees
 * @param center lon, lat, zoom
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TileJson(String tilejson, String name, String description, String version,
    String attribution, String scheme, List<String> tiles, int minzoom, int maxzoom,
    double[] bounds, double[] center,
    @JsonProperty("vector_layers") List<VectorLayer> vectorLayers) {
  /** The whole Web Mercator world. */
  static final double[] WORLD = {-180, -85.0511, 180, 85.0511};

  /**
   * One layer of a vector tile set.
   *
   * @param fields attribute name → what it holds, in the order given (names are the layer's
   *     own, so a map)
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record VectorLayer(String id, String description, Integer minzoom, Integer maxzoom,
      Map<String, String> fields) {}

  /** A layer's document with the fields every layer sets; the rest null. */
  static TileJson of(String name, String version, String tileUrl, int minzoom, int maxzoom) {
    return new TileJson("3.0.0", name, null, version, null, "xyz", List.of(tileUrl), minzoom,
        maxzoom, null, null, null);
  }

  TileJson describedAs(String text) {
    return new TileJson(tilejson, name, text, version, attribution, scheme, tiles, minzoom,
        maxzoom, bounds, center, vectorLayers);
  }

  TileJson attributedTo(String text) {
    return new TileJson(tilejson, name, description, version, text, scheme, tiles, minzoom,
        maxzoom, bounds, center, vectorLayers);
  }

  TileJson bounded(double[] box, double[] centre) {
    return new TileJson(tilejson, name, description, version, attribution, scheme, tiles,
        minzoom, maxzoom, box, centre, vectorLayers);
  }

  TileJson withLayer(VectorLayer layer) {
    return new TileJson(tilejson, name, description, version, attribution, scheme, tiles,
        minzoom, maxzoom, bounds, center, List.of(layer));
  }

  /**
   * The absolute URL template of a tile route ({@code path} such as
   * {@code /tiles/heat/{z}/{x}/{y}.png}), carrying the request's query string when
   * {@code withQuery}.
   */
  static String url(Context ctx, String path, boolean withQuery) {
    String qs = ctx.queryString();
    return ctx.scheme() + "://" + ctx.host() + path + (withQuery && qs != null ? "?" + qs : "");
  }
}
