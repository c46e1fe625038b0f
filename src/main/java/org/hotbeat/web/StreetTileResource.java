package org.hotbeat.web;

import io.javalin.http.Context;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotbeat.geo.TileCoord;
import org.hotbeat.streets.StreetImport;
import org.hotbeat.streets.StreetRepository;

/**
 * The street basemap: {@code /tiles/streets/{z}/{x}/{y}.mvt} (Mapbox Vector Tiles, layer
 * {@code streets}) and its TileJSON 3.0 at {@code /tiles/streets.json}. Tiles carry an ETag of the
 * import in service, so a re-import invalidates them and nothing else does.
 */
final class StreetTileResource {
  static final String MVT = "application/vnd.mapbox-vector-tile";
  static final int MIN_ZOOM = 5;
  static final int MAX_ZOOM = 16;

  private final StreetRepository streets;

  StreetTileResource(StreetRepository streets) {
    this.streets = streets;
  }

  void tile(Context ctx) throws SQLException {
    TileCoord tile = tileCoord(ctx);
    String etag = "\"streets-" + streets.current().map(StreetImport::id).orElse(0L) + "\"";
    ctx.header("ETag", etag);
    ctx.header("Cache-Control", "public, max-age=60");
    if (etag.equals(ctx.header("If-None-Match"))) {
      ctx.status(304);
      return;
    }
    byte[] mvt = streets.tile(tile);
    if (mvt.length == 0) {
      ctx.status(204);
      return;
    }
    ctx.contentType(MVT).result(mvt);
  }

  void tileJson(Context ctx) throws SQLException {
    Optional<StreetImport> current = streets.current();
    double[] b = current.map(StreetImport::bounds).orElse(new double[] {-180, -85.05, 180, 85.05});
    String base = ctx.scheme() + "://" + ctx.host();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("tilejson", "3.0.0");
    json.put("name", "hotbeat streets");
    json.put("description", current.map(i -> "streets from "
            + java.nio.file.Path.of(i.sourceFile()).getFileName())
        .orElse("no streets imported yet (hotbeat import streets FILE.osm.pbf)"));
    json.put("version", String.valueOf(current.map(StreetImport::id).orElse(0L)));
    json.put("attribution", "© OpenStreetMap contributors");
    json.put("scheme", "xyz");
    json.put("tiles", List.of(base + "/tiles/streets/{z}/{x}/{y}.mvt"));
    json.put("minzoom", MIN_ZOOM);
    json.put("maxzoom", MAX_ZOOM);
    json.put("bounds", b);
    json.put("center", new double[] {(b[0] + b[2]) / 2, (b[1] + b[3]) / 2, 14});
    json.put("vector_layers", List.of(Map.of(
        "id", "streets",
        "description", "Streets and paths; minor classes appear from higher zooms",
        "minzoom", MIN_ZOOM,
        "maxzoom", MAX_ZOOM,
        "fields", Map.of(
            "class", "OSM highway class: motorway, trunk, primary, secondary, tertiary, "
                + "residential, service, pedestrian, footway, steps, cycleway, path…",
            "name", "Street name",
            "link", "true for slip roads and ramps",
            "oneway", "true when cars may drive only along the line (zoom 15 and up)",
            "environment", "bridge, tunnel, ferry or ford (zoom 15 and up)"))));
    ctx.json(json);
  }

  /** z/x/y from the path: not integers → 400; outside the tile pyramid → 404. */
  static TileCoord tileCoord(Context ctx) {
    int z = integer(ctx, "z");
    int x = integer(ctx, "x");
    int y = integer(ctx, "y");
    try {
      return new TileCoord(z, x, y);
    } catch (IllegalArgumentException e) {
      throw ProblemException.notFound(e.getMessage());
    }
  }

  private static int integer(Context ctx, String name) {
    String raw = ctx.pathParam(name);
    try {
      return Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      throw ProblemException.badRequest(name, "'" + raw + "' is not a tile coordinate "
          + "(a whole number)");
    }
  }
}
