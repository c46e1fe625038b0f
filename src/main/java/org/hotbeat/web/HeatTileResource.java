package org.hotbeat.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotbeat.access.Role;
import org.hotbeat.config.Limits;
import org.hotbeat.geo.TileCoord;
import org.hotbeat.store.IncidentRepository;
import org.hotbeat.tiles.HeatLayer;
import org.hotbeat.tiles.HeatQuery;
import org.hotbeat.tiles.HeatRamp;
import org.hotbeat.tiles.HeatRenderer;
import org.hotbeat.tiles.TileCache;

/**
 * The heat layer: {@code /tiles/heat/{z}/{x}/{y}.png}, its TileJSON {@code /tiles/heat.json} and
 * {@code /api/heat/legend}, all public (aggregated output) and all taking the incident filters of
 * {@link DensityParams}: the incident filters plus {@code bandwidth} (metres, default
 * {@link org.hotbeat.tiles.HeatDefaults#BANDWIDTH_M}), {@code countShare}, {@code countCell},
 * {@code kernel} (default quartic) and {@code per} (day, week, month or year: a rate over the
 * {@code from}–{@code to} period). Callers without a patrol or analyst token cannot go below the
 * configured public minimum bandwidth. Tiles carry an ETag of the data version and the layer.
 */
final class HeatTileResource {

  private final HeatRenderer renderer;
  private final TileCache cache = new TileCache(64L << 20);
  private final Limits limits;
  private final DataSources data;

  HeatTileResource(IncidentRepository incidents, DataSources data, Limits limits) {
    this.renderer = new HeatRenderer(incidents);
    this.data = data;
    this.limits = limits;
  }

  void tile(Context ctx) throws SQLException {
    TileCoord t = TileRequests.coord(ctx, ".png");
    Parsed p = parsed(ctx);
    HeatQuery q = p.query();
    String version = dataVersion();
    String etag = "\"heat-" + version + "-" + p.digest() + "\"";
    ctx.header("ETag", etag);
    ctx.header("Cache-Control", "public, max-age=60");
    if (etag.equals(ctx.header("If-None-Match"))) {
      ctx.status(304);
      return;
    }
    String key = etag + t;
    byte[] png = cache.get(key);
    if (png == null) {
      png = renderer.tilePng(q, renderer.layer(q, version), t);
      cache.put(key, png);
    }
    ctx.contentType("image/png").result(png);
  }

  void legend(Context ctx) throws SQLException {
    HeatQuery q = query(ctx);
    HeatLayer layer = renderer.layer(q, dataVersion());
    List<Map<String, Object>> classes = new ArrayList<>();
    for (int c = 1; c <= layer.breaks().length; c++) {
      Map<String, Object> k = new LinkedHashMap<>();
      k.put("from", layer.peak() > 0 ? layer.breaks()[c - 1] : null);
      k.put("colour", HeatRamp.hex(c));
      k.put("opacity", (HeatRamp.argb(c) >>> 24) / 255.0);
      classes.add(k);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("units", "incidents per km²" + (q.perUnit() == null ? " in the period"
        : " per " + q.perUnit()));
    out.put("peak", layer.peak());
    out.put("bandwidthMetres", q.bandwidthMetres());
    out.put("kernel", q.kernel().name().toLowerCase(java.util.Locale.ROOT));
    out.put("countShare", q.countShare());
    out.put("countCellMetres", q.countCellMetres());
    out.put("transparentBelow", layer.peak() > 0 ? layer.breaks()[0] : null);
    out.put("classes", classes);
    ctx.json(out);
  }

  void tileJson(Context ctx) throws SQLException {
    query(ctx);   // validates the parameters the tile URLs will carry
    String base = ctx.scheme() + "://" + ctx.host();
    String qs = ctx.queryString();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("tilejson", "3.0.0");
    json.put("name", "hotbeat heat");
    json.put("description", "kernel density of incidents, incidents per km², one absolute scale");
    json.put("version", dataVersion());
    json.put("attribution", data.attribution());
    json.put("scheme", "xyz");
    json.put("tiles", List.of(base + "/tiles/heat/{z}/{x}/{y}.png" + (qs == null ? "" : "?" + qs)));
    json.put("minzoom", 0);
    json.put("maxzoom", TileCoord.MAX_ZOOM);
    json.put("bounds", List.of(-180, -85.0511, 180, 85.0511));
    ctx.json(json);
  }

  /** A parsed query and the digest of its key, reused while the same query string repeats. */
  private record Parsed(HeatQuery query, String digest) {}

  private final java.util.Map<String, Parsed> parsedQueries =
      java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, Parsed> e) {
          return size() > 256;
        }
      });

  /**
   * A map's tiles all carry one query string: parse and check it once. The caller's tier is part
   * of the key, since the public minimum bandwidth depends on it.
   */
  private Parsed parsed(Context ctx) {
    String key = AccessControl.caller(ctx).role().grants(Role.PATROL) + "?" + ctx.queryString();
    Parsed p = parsedQueries.get(key);
    if (p == null) {
      HeatQuery q = query(ctx);
      p = new Parsed(q, digest(q.key()));
      parsedQueries.put(key, p);
    }
    return p;
  }

  private String dataVersion() throws SQLException {
    return data.version();
  }

  private HeatQuery query(Context ctx) {
    return DensityParams.read(ctx, limits, true);
  }

  static String digest(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(s.getBytes(StandardCharsets.UTF_8)), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
