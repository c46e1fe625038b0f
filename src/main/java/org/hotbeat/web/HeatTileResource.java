package org.hotbeat.web;

import io.javalin.http.Context;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hotbeat.config.Limits;
import org.hotbeat.geo.TileCoord;
import org.hotbeat.tiles.HeatLayer;
import org.hotbeat.tiles.HeatQuery;
import org.hotbeat.tiles.HeatRamp;
import org.hotbeat.tiles.HeatService;

/**
 * The heat layer over {@link HeatService}: {@code /tiles/heat/{z}/{x}/{y}.png}, its TileJSON
 * {@code /tiles/heat.json} and {@code /api/heat/legend}, all public (aggregated output) and all
 * taking the parameters of {@link DensityParams}. Callers without a patrol or analyst token
 * cannot go below the configured public minimum bandwidth. Tiles carry an ETag of the data
 * version and the layer.
 */
final class HeatTileResource {
  /** One colour class of the legend; {@code from} is null when nothing matches. */
  record LegendClass(Double from, String colour, double opacity) {}

  /**
   * The legend. {@code tooFewToShow}: a public layer with no cell of the public minimum count,
   * which draws nothing whether 0 or k − 1 incidents match; {@code note} says so in words.
   */
  record Legend(String units, double peak, double bandwidthMetres, String kernel,
      double countShare, double countCellMetres, Double transparentBelow,
      List<LegendClass> classes, boolean tooFewToShow, String note) {}

  private final HeatService heat;
  private final DataSources data;
  private final Limits limits;

  HeatTileResource(HeatService heat, DataSources data, Limits limits) {
    this.heat = heat;
    this.data = data;
    this.limits = limits;
  }

  void tile(Context ctx) throws SQLException {
    TileCoord t = TileRequests.coord(ctx, ".png");
    // A map's tiles all carry one query string: it is checked once. The caller's role is part
    // of the key, since what a query may ask for depends on it (public, patrol, analyst).
    HeatService.Prepared p = heat.prepare(AccessControl.caller(ctx).role().id() + "?"
        + ctx.queryString(), () -> query(ctx));
    String version = data.version();
    if (TileResponses.notModified(ctx, "\"" + heat.tag(p, version) + "\"",
        TileResponses.PUBLIC)) {
      return;
    }
    ctx.contentType("image/png").result(heat.tilePng(p, version, t));
  }

  void legend(Context ctx) throws SQLException {
    HeatQuery q = query(ctx);
    HeatLayer layer = heat.layer(q, data.version());
    boolean any = layer.peak() > 0;
    boolean tooFew = q.fromCells() && !any;
    double peak = layer.peak();
    List<LegendClass> classes = new ArrayList<>();
    for (int c = 1; c <= layer.breaks().length; c++) {
      classes.add(new LegendClass(any ? layer.breaks()[c - 1] : null, HeatRamp.hex(c),
          (HeatRamp.argb(c) >>> 24) / 255.0));
    }
    ctx.json(new Legend("incidents per km²" + (q.perUnit() == null ? " in the period"
        : " per " + q.perUnit()), peak, q.bandwidthMetres(),
        q.kernel().name().toLowerCase(Locale.ROOT), q.countShare(), q.countCellMetres(),
        any ? layer.breaks()[0] : null, classes, tooFew, tooFew ? "Too few incidents to show "
        + "(fewer than " + q.minCount() + " in any " + (int) q.publicCellMetres() + " m cell)"
        : null));
  }

  void tileJson(Context ctx) throws SQLException {
    query(ctx);   // validates the parameters the tile URLs will carry
    ctx.json(TileJson.of("hotbeat heat", data.version(),
            TileJson.url(ctx, "/tiles/heat/{z}/{x}/{y}.png", true), 0, TileCoord.MAX_ZOOM)
        .describedAs("kernel density of incidents, incidents per km², one absolute scale")
        .attributedTo(data.attribution())
        .bounded(TileJson.WORLD, null));
  }

  private HeatQuery query(Context ctx) {
    return DensityParams.read(ctx, limits, true);
  }
}
