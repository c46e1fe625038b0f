package org.hotbeat.web;

import io.javalin.http.Context;
import io.javalin.validation.Validator;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hotbeat.access.Role;
import org.hotbeat.config.Limits;
import org.hotbeat.geo.TileCoord;
import org.hotbeat.hotspots.DualKde;
import org.hotbeat.hotspots.EmergingHotspotAnalysis;
import org.hotbeat.hotspots.EmergingHotspots;
import org.hotbeat.hotspots.GiStarAnalysis;
import org.hotbeat.hotspots.HotspotService;
import org.hotbeat.tiles.GiStarTiles;
import org.hotbeat.tiles.HeatQuery;
import org.hotbeat.tiles.TileCache;
import org.hotbeat.time.TimeWindow;
import org.hotbeat.web.HotspotResponses.Change;
import org.hotbeat.web.HotspotResponses.ChangeGrid;
import org.hotbeat.web.HotspotResponses.Collection;
import org.hotbeat.web.HotspotResponses.EmergingCell;
import org.hotbeat.web.HotspotResponses.EmergingRun;
import org.hotbeat.web.HotspotResponses.Feature;
import org.hotbeat.web.HotspotResponses.GiStarCell;
import org.hotbeat.web.HotspotResponses.GiStarRun;

/**
 * The hot-spot routes over {@link HotspotService}: Gi* cells as GeoJSON and as vector tiles, the
 * emerging hot spots of the space-time cube, and the change map. Gi* and the cube take the
 * incident filters of {@link IncidentParams} plus {@code cell} (metres), {@code weights} (queen
 * or band), {@code band} (metres) and {@code fdr} (default true). Public callers get each cell's
 * class only, and only for cells with at least the configured public minimum of incidents;
 * analysts and patrol also get counts, z and p.
 */
final class HotspotResource {
  private final HotspotService hotspots;
  private final GiStarTiles tiles;
  private final DataSources data;
  private final Limits limits;

  HotspotResource(HotspotService hotspots, GiStarTiles tiles, DataSources data, Limits limits) {
    this.hotspots = hotspots;
    this.tiles = tiles;
    this.data = data;
    this.limits = limits;
  }

  /** {@code GET /api/hotspots/gistar}: Gi* cells as GeoJSON polygons. */
  void gistar(Context ctx) throws SQLException {
    boolean full = detailed(ctx);
    HotspotService.GridSettings g = gridSettings(ctx);
    GiStarAnalysis.Result r = hotspots.giStar(IncidentParams.read(ctx, 1), g, full);
    List<Feature<GiStarCell>> features = r.cells().stream()
        .map(c -> new Feature<>(c.ring(), full
            ? new GiStarCell(c.label(), c.giBin(), c.count(), c.z(), c.p(), c.pFdr())
            : new GiStarCell(c.label(), c.giBin(), null, null, null, null)))
        .toList();
    ctx.json(new Collection<>(new GiStarRun(r.cellSize(), r.weights(), "EPSG:" + r.epsg(),
        r.columns(), r.rows(), g.fdr(), full ? r.incidents() : null, full ? null
        : "cells with fewer than " + limits.publicMinCount() + " incidents are left out"),
        features));
  }

  /**
   * {@code GET /tiles/gistar/{z}/{x}/{y}.mvt}: the significant Gi* cells (hot or cold at 90 % or
   * more) as vector tiles, layer {@code gistar} with {@code class} and {@code giBin}; patrol and
   * analysts also get {@code count} and {@code z}. The analysis runs once per filter and data
   * version.
   */
  void gistarTile(Context ctx) throws SQLException {
    TileCoord t = TileRequests.coord(ctx, ".mvt");
    boolean full = detailed(ctx);
    String version = data.version();
    String etag = "\"gistar-" + version + "-" + TileCache.digest(full + "?"
        + ctx.queryString()) + "\"";
    if (TileResponses.notModified(ctx, etag, null)) {
      return;
    }
    List<GiStarTiles.Cell> cells = hotspots.significantCells(IncidentParams.read(ctx, 1),
            gridSettings(ctx), full, version, String.valueOf(ctx.queryString())).stream()
        .map(c -> new GiStarTiles.Cell(c.ring(), c.label(), c.giBin(),
            full ? c.count() : null, full ? c.z() : null))
        .toList();
    TileResponses.mvt(ctx, tiles.tile(t, cells));
  }

  /** TileJSON 3.0 of the Gi* layer; the query string is passed on to the tile URLs. */
  void gistarTileJson(Context ctx) throws SQLException {
    hotspots.giStar(IncidentParams.read(ctx, 1), gridSettings(ctx), detailed(ctx));   // validates
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("class", "hot spot / cold spot and its confidence");
    fields.put("giBin", "-3 to 3: cold or hot at 99, 95 or 90 %");
    fields.put("count", "incidents in the cell (patrol and analysts only)");
    fields.put("z", "Gi* z-score (patrol and analysts only)");
    ctx.json(TileJson.of("hotbeat Gi* hot and cold spots", data.version(),
            TileJson.url(ctx, "/tiles/gistar/{z}/{x}/{y}.mvt", true), 0, TileCoord.MAX_ZOOM)
        .withLayer(new TileJson.VectorLayer("gistar", "Cells that are significant Gi* hot or "
            + "cold spots (FDR-corrected unless fdr=false)", null, null, fields)));
  }

  /**
   * {@code GET /api/hotspots/emerging}: the space-time cube of calendar months between the
   * required {@code from} and {@code to}, with the grid parameters of Gi*. Each cell with a
   * pattern comes with its category; analysts and patrol also get its monthly counts and z and
   * both Mann–Kendall trends. Everyone gets the number of cells per category.
   */
  void emerging(Context ctx) throws SQLException {
    boolean full = detailed(ctx);
    HotspotService.GridSettings g = gridSettings(ctx);
    EmergingHotspotAnalysis.Result r = hotspots.emerging(IncidentParams.read(ctx, 1), g, full);
    Map<String, Integer> summary = new LinkedHashMap<>();
    for (EmergingHotspots.Category c : EmergingHotspots.Category.values()) {
      summary.put(c.label(), 0);
    }
    List<Feature<EmergingCell>> features = new ArrayList<>();
    for (EmergingHotspotAnalysis.Cell c : r.cells()) {
      summary.merge(c.category().label(), 1, Integer::sum);
      if (c.category() != EmergingHotspots.Category.NO_PATTERN) {
        features.add(new Feature<>(c.ring(), full
            ? new EmergingCell(c.category().label(), c.total(), c.counts(), c.z(),
                c.significance(), c.countTrend(), c.zTrend())
            : new EmergingCell(c.category().label(), null, null, null, null, null, null)));
      }
    }
    ctx.json(new Collection<>(new EmergingRun(r.cellSize(), r.weights(), "EPSG:" + r.epsg(),
        r.columns(), r.rows(), r.months().stream().map(m -> m.toString().substring(0, 7))
        .toList(), g.fdr(), EmergingHotspotAnalysis.TREND_ALPHA, summary,
        full ? r.incidents() : null, full ? null : "cells with fewer than "
        + limits.publicMinCount() + " incidents in the period are left out"), features));
  }

  /**
   * {@code GET /api/hotspots/change} (analysts): dual KDE of the filter's period ({@code from},
   * {@code to}, required) against a base period ({@code baseFrom}, {@code baseTo}; default the
   * same length just before), with the density parameters of the heat layer ({@code bandwidth},
   * {@code kernel}), {@code cell} (metres, default a quarter of the bandwidth) and {@code alpha}
   * (default 0.05). JSON: the grid in the incidents' UTM zone and, per cell in raster order,
   * rates per km² per day, their difference and ratio, the p of the Poisson test and the change
   * class (+1 up, −1 down, 0 chance explains it).
   */
  void change(Context ctx) throws SQLException {
    Validator<Double> cell = ctx.queryParamAsClass("cell", Double.class)
        .check(c -> c == null || (c >= 1 && c <= 10_000), "must be 1 to 10000 m");
    Validator<Double> alpha = ctx.queryParamAsClass("alpha", Double.class)
        .check(a -> a == null || (a > 0 && a < 1), "must be between 0 and 1");
    TimeWindow base = QueryParams.validateAll(
        () -> TimeParams.window(ctx, "baseFrom", "baseTo"), cell, alpha);
    HeatQuery hq = DensityParams.read(ctx, limits, false);
    HotspotService.ChangeMap m = hotspots.change(new HotspotService.ChangeRequest(hq.filter(),
        base.from(), base.to(), hq.kernel(), hq.bandwidthMetres(), cell.getOrDefault(0.0),
        alpha.getOrDefault(0.05)));
    DualKde.Result r = m.result();
    int up = 0;
    int down = 0;
    int[] change = new int[r.change().length];   // a byte[] would go out as base64
    for (int i = 0; i < change.length; i++) {
      change[i] = r.change()[i];
      up += change[i] > 0 ? 1 : 0;
      down += change[i] < 0 ? 1 : 0;
    }
    Float[] ratio = new Float[r.ratio().length];   // ∞ and NaN are not JSON: null
    for (int i = 0; i < ratio.length; i++) {
      ratio[i] = Float.isFinite(r.ratio()[i]) ? r.ratio()[i] : null;
    }
    ctx.json(new Change(m.from(), m.to(), m.baseFrom(), m.baseTo(), m.incidents(),
        m.baseIncidents(), "incidents per km² per day", m.bandwidthMetres(),
        m.kernel().name().toLowerCase(Locale.ROOT), m.alpha(),
        new ChangeGrid("EPSG:" + m.epsg(), r.grid().minX(), r.grid().minY(),
            r.grid().cellSize(), r.grid().width(), r.grid().height(),
            "rows from north to south, each west to east"),
        up, down, r.current(), r.base(), r.difference(), ratio, r.p(), change));
  }

  private static boolean detailed(Context ctx) {
    return AccessControl.caller(ctx).role().grants(Role.PATROL);
  }

  private static HotspotService.GridSettings gridSettings(Context ctx) {
    Validator<Double> cell = ctx.queryParamAsClass("cell", Double.class)
        .check(c -> c == null || (c > 0 && c <= 50_000), "must be more than 0 and at most 50000 m");
    Validator<Double> band = ctx.queryParamAsClass("band", Double.class)
        .check(b -> b == null || (b > 0 && b <= 50_000), "must be more than 0 and at most 50000 m");
    Validator<String> weights = ctx.queryParamAsClass("weights", String.class)
        .check(w -> w == null || w.equals("queen") || w.equals("band"), "must be queen or band");
    Validator<Boolean> fdr = ctx.queryParamAsClass("fdr", Boolean.class);
    QueryParams.validateAll(cell, band, weights, fdr);
    return new HotspotService.GridSettings(cell.getOrDefault(0.0), weights.getOrDefault("queen"),
        band.getOrDefault(0.0), fdr.getOrDefault(true));
  }
}
