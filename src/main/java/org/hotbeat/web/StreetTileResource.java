package org.hotbeat.web;

import io.javalin.http.Context;
import java.sql.SQLException;
import java.util.LinkedHashMap;
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
  static final int MIN_ZOOM = 5;
  static final int MAX_ZOOM = 16;

  private final StreetRepository streets;

  StreetTileResource(StreetRepository streets) {
    this.streets = streets;
  }

  void tile(Context ctx) throws SQLException {
    TileCoord tile = TileRequests.coord(ctx, "");
    String etag = "\"streets-" + streets.current().map(StreetImport::id).orElse(0L) + "\"";
    if (TileResponses.notModified(ctx, etag, TileResponses.PUBLIC)) {
      return;
    }
    TileResponses.mvt(ctx, streets.tile(tile));
  }

  void tileJson(Context ctx) throws SQLException {
    Optional<StreetImport> current = streets.current();
    double[] b = current.map(StreetImport::bounds).orElse(new double[] {-180, -85.05, 180, 85.05});
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("class", "OSM highway class: motorway, trunk, primary, secondary, tertiary, "
        + "residential, service, pedestrian, footway, steps, cycleway, path…");
    fields.put("name", "Street name");
    fields.put("link", "true for slip roads and ramps");
    fields.put("oneway", "true when cars may drive only along the line (zoom 15 and up)");
    fields.put("environment", "bridge, tunnel, ferry or ford (zoom 15 and up)");
    ctx.json(TileJson.of("hotbeat streets",
            String.valueOf(current.map(StreetImport::id).orElse(0L)),
            TileJson.url(ctx, "/tiles/streets/{z}/{x}/{y}.mvt", false), MIN_ZOOM, MAX_ZOOM)
        .describedAs(current.map(i -> "streets from "
                + java.nio.file.Path.of(i.sourceFile()).getFileName())
            .orElse("no streets imported yet (hotbeat import streets FILE.osm.pbf)"))
        .attributedTo("© OpenStreetMap contributors")
        .bounded(b, new double[] {(b[0] + b[2]) / 2, (b[1] + b[3]) / 2, 14})
        .withLayer(new TileJson.VectorLayer("streets", "Streets and paths; minor classes appear "
            + "from higher zooms", MIN_ZOOM, MAX_ZOOM, fields)));
  }
}
