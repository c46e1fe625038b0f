package org.hotbeat.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.javalin.http.Context;
import io.javalin.validation.Validator;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotbeat.access.Role;
import org.hotbeat.config.Limits;
import org.hotbeat.density.GridSpec;
import org.hotbeat.geo.MetricProjection;
import org.hotbeat.geo.TileCoord;
import org.hotbeat.hotspots.DualKde;
import org.hotbeat.hotspots.EmergingHotspotAnalysis;
import org.hotbeat.hotspots.EmergingHotspots;
import org.hotbeat.hotspots.GiStarAnalysis;
import org.hotbeat.store.IncidentQuery;
import org.hotbeat.store.IncidentRepository;
import org.hotbeat.tiles.GiStarTiles;
import org.hotbeat.tiles.HeatQuery;
import org.hotbeat.time.TimeWindow;

/**
 * {@code GET /api/hotspots/gistar}: Gi* cells (GeoJSON polygons) for the incident filters of
 * {@link IncidentParams}, plus {@code cell} (metres), {@code weights} (queen or band),
 * {@code band} (metres) and {@code fdr} (default true). Public callers get each cell's class
 * only, and only for cells with at least {@value #MIN_PUBLIC_COUNT} incidents; analysts and
 * patrol also get counts, z and p.
 */
final class HotspotResource {
  static final int MIN_PUBLIC_COUNT = 5;
  /** Public cells are never smaller than a city block, so no single address stands out. */
  static final double MIN_PUBLIC_CELL_M = 100;
  private static final int MAX_INCIDENTS = 5_000_000;

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Geometry(String type, double[][][] coordinates) {}

  record Feature(String type, Geometry geometry, Map<String, Object> properties) {}

  record Collection(String type, Map<String, Object> analysis, List<Feature> features) {}

  private final IncidentRepository incidents;
  private final GiStarTiles tiles;
  private final Limits limits;
  private final long maxCells;
  /** The drawable cells of recent Gi* tile layers, by data version, role and query string. */
  private final Map<String, List<GiStarTiles.Cell>> tileCells =
      new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<GiStarTiles.Cell>> e) {
          return size() > 16;
        }
      };

  HotspotResource(IncidentRepository incidents, GiStarTiles tiles, Limits limits) {
    this.incidents = incidents;
    this.tiles = tiles;
    this.limits = limits;
    this.maxCells = limits.maxAnalysisCells();
  }

  void gistar(Context ctx) throws SQLException {
    boolean full = AccessControl.caller(ctx).role().grants(Role.PATROL);
    GiStarAnalysis.Result r = analyse(ctx, full);
    boolean fdr = ctx.queryParamAsClass("fdr", Boolean.class).getOrDefault(true);
    List<Feature> features = r.cells().stream()
        .filter(c -> full || c.count() >= MIN_PUBLIC_COUNT)
        .map(c -> feature(c, full))
        .toList();
    Map<String, Object> analysis = new LinkedHashMap<>();
    analysis.put("cellSize", r.cellSize());
    analysis.put("weights", r.weights());
    analysis.put("projection", "EPSG:" + r.epsg());
    analysis.put("columns", r.columns());
    analysis.put("rows", r.rows());
    analysis.put("fdr", fdr);
    if (full) {
      analysis.put("incidents", r.incidents());
    } else {
      analysis.put("note", "cells with fewer than " + MIN_PUBLIC_COUNT + " incidents are left out");
    }
    ctx.json(new Collection("FeatureCollection", analysis, features));
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
    TimeWindow baseWindow = QueryParams.validateAll(
        () -> TimeParams.window(ctx, "baseFrom", "baseTo"), cell, alpha);
    HeatQuery hq = DensityParams.read(ctx, limits, false);
    IncidentQuery q = hq.filter();
    if (q.from() == null || q.to() == null) {
      throw ProblemException.badRequest(q.from() == null ? "from" : "to",
          "a change needs the current period: give from and to");
    }
    Duration length = Duration.between(q.from(), q.to());
    Instant bf = baseWindow.from() != null ? baseWindow.from() : q.from().minus(length);
    Instant bt = baseWindow.to() != null ? baseWindow.to() : q.from();
    if (!bf.isBefore(bt)) {
      throw ProblemException.badRequest("baseTo", "the base period is empty: it must end after "
          + "it starts");
    }
    if (bt.isAfter(q.from()) && bf.isBefore(q.to())) {
      throw ProblemException.badRequest("baseFrom", "the base period overlaps the current one");
    }
    IncidentQuery base = new IncidentQuery(q.agency(), q.bbox(), bf, bt, q.categories(),
        q.offenses(), q.hours(), q.weekdays(), q.beat(), null, 1);
    double[][] cur = incidents.positions(q, MAX_INCIDENTS);
    double[][] prev = incidents.positions(base, MAX_INCIDENTS);
    if (cur[0].length + prev[0].length == 0) {
      throw new ProblemException(400, "Bad Request", "no incidents match in either period", null);
    }
    double[] lons = concat(cur[0], prev[0]);
    double[] lats = concat(cur[1], prev[1]);
    MetricProjection proj = MetricProjection.utmFor(lons, lats);
    double[][] a = project(cur, proj);
    double[][] b = project(prev, proj);
    double bw = hq.bandwidthMetres();
    double size = cell.getOrDefault(bw / 4);
    double reach = hq.kernel().reach(bw);
    double[] ext = extent(concat(a[0], b[0]), concat(a[1], b[1]));
    long w = (long) Math.ceil((ext[2] - ext[0] + 2 * reach) / size);
    long h = (long) Math.ceil((ext[3] - ext[1] + 2 * reach) / size);
    if (w * h > maxCells) {
      throw new ProblemException(413, "Content Too Large", "the grid would have " + w * h
          + " cells; the limit is " + maxCells + ": use larger cells or a smaller area", null);
    }
    DualKde.Result r;
    try {
      r = DualKde.compute(a[0], a[1], length.toSeconds() / 86_400.0, b[0], b[1],
          Duration.between(bf, bt).toSeconds() / 86_400.0,
          new GridSpec(ext[0] - reach, ext[1] - reach, size, (int) w, (int) h), hq.kernel(), bw,
          alpha.getOrDefault(0.05));
    } catch (IllegalArgumentException e) {
      throw new ProblemException(400, "Bad Request", e.getMessage(), null);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("from", q.from());
    out.put("to", q.to());
    out.put("baseFrom", bf);
    out.put("baseTo", bt);
    out.put("incidents", cur[0].length);
    out.put("baseIncidents", prev[0].length);
    out.put("units", "incidents per km² per day");
    out.put("bandwidthMetres", bw);
    out.put("kernel", hq.kernel().name().toLowerCase(java.util.Locale.ROOT));
    out.put("alpha", alpha.getOrDefault(0.05));
    out.put("grid", Map.of("projection", "EPSG:" + proj.epsg(), "minX", r.grid().minX(),
        "minY", r.grid().minY(), "cellSize", size, "width", w, "height", h,
        "order", "rows from north to south, each west to east"));
    int up = 0;
    int down = 0;
    for (byte c : r.change()) {
      up += c > 0 ? 1 : 0;
      down += c < 0 ? 1 : 0;
    }
    out.put("cellsUp", up);
    out.put("cellsDown", down);
    out.put("current", r.current());
    out.put("base", r.base());
    out.put("difference", r.difference());
    out.put("ratio", finiteOrNull(r.ratio()));
    out.put("p", r.p());
    int[] change = new int[r.change().length];   // a byte[] would go out as base64
    for (int i = 0; i < change.length; i++) {
      change[i] = r.change()[i];
    }
    out.put("change", change);
    ctx.json(out);
  }

  private static Float[] finiteOrNull(float[] v) {
    Float[] out = new Float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = Float.isFinite(v[i]) ? v[i] : null;
    }
    return out;
  }

  private static double[] concat(double[] a, double[] b) {
    double[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static double[][] project(double[][] lonLat, MetricProjection proj) {
    double[][] out = new double[2][lonLat[0].length];
    for (int i = 0; i < out[0].length; i++) {
      double[] xy = proj.forward(lonLat[0][i], lonLat[1][i]);
      out[0][i] = xy[0];
      out[1][i] = xy[1];
    }
    return out;
  }

  private static double[] extent(double[] xs, double[] ys) {
    double[] e = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    for (int i = 0; i < xs.length; i++) {
      e[0] = Math.min(e[0], xs[i]);
      e[1] = Math.min(e[1], ys[i]);
      e[2] = Math.max(e[2], xs[i]);
      e[3] = Math.max(e[3], ys[i]);
    }
    return e;
  }

  /** Cell size and weights of Gi* and the cube; 0 means the default. */
  private record GridParams(double cell, String weights, double band, boolean fdr) {}

  private static GridParams gridParams(Context ctx, boolean full) {
    Validator<Double> cell = ctx.queryParamAsClass("cell", Double.class)
        .check(c -> c == null || (c > 0 && c <= 50_000), "must be more than 0 and at most 50000 m");
    Validator<Double> band = ctx.queryParamAsClass("band", Double.class)
        .check(b -> b == null || (b > 0 && b <= 50_000), "must be more than 0 and at most 50000 m");
    Validator<String> weights = ctx.queryParamAsClass("weights", String.class)
        .check(w -> w == null || w.equals("queen") || w.equals("band"), "must be queen or band");
    Validator<Boolean> fdr = ctx.queryParamAsClass("fdr", Boolean.class);
    QueryParams.validateAll(cell, band, weights, fdr);
    if (!full && cell.getOrNull() != null && cell.get() < MIN_PUBLIC_CELL_M) {
      throw ProblemException.badRequest("cell", "public maps use cells of at least "
          + (int) MIN_PUBLIC_CELL_M + " m");
    }
    return new GridParams(cell.getOrDefault(0.0), weights.getOrDefault("queen"),
        band.getOrDefault(0.0), fdr.getOrDefault(true));
  }

  /** Gi* of the request's filter and settings; 400 or 413 for bad ones. */
  private GiStarAnalysis.Result analyse(Context ctx, boolean full) throws SQLException {
    GridParams g = gridParams(ctx, full);
    IncidentQuery q = IncidentParams.read(ctx, 1);
    try {
      double[][] positions = incidents.positions(q, MAX_INCIDENTS);
      return GiStarAnalysis.run(positions[0], positions[1], new GiStarAnalysis.Settings(
          g.cell(), g.weights(), g.band(), g.fdr(), maxCells));
    } catch (GiStarAnalysis.TooManyCellsException e) {
      throw new ProblemException(413, "Content Too Large", e.getMessage(), null);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(400, "Bad Request", e.getMessage(), null);
    }
  }

  /**
   * {@code GET /tiles/gistar/{z}/{x}/{y}.mvt}: the significant Gi* cells (hot or cold at 90 % or
   * more) as vector tiles, layer {@code gistar} with {@code class} and {@code giBin}; patrol and
   * analysts also get {@code count} and {@code z}. The public gets cells of at least
   * {@value #MIN_PUBLIC_COUNT} incidents only. The analysis runs once per filter and data version.
   */
  void gistarTile(Context ctx) throws SQLException {
    TileCoord t = TileRequests.coord(ctx, ".mvt");
    boolean full = AccessControl.caller(ctx).role().grants(Role.PATROL);
    String version = incidents.dataVersion();
    String etag = "\"gistar-" + version + "-" + Integer.toHexString((full + "?"
        + ctx.queryString()).hashCode()) + "\"";
    ctx.header("ETag", etag);
    if (etag.equals(ctx.header("If-None-Match"))) {
      ctx.status(304);
      return;
    }
    String key = version + "|" + full + "?" + ctx.queryString();
    List<GiStarTiles.Cell> cells;
    synchronized (tileCells) {
      cells = tileCells.get(key);
    }
    if (cells == null) {
      cells = analyse(ctx, full).cells().stream()
          .filter(c -> c.giBin() != 0 && (full || c.count() >= MIN_PUBLIC_COUNT))
          .map(c -> new GiStarTiles.Cell(c.ring(), label(c.giBin()), c.giBin(),
              full ? c.count() : null, full ? c.z() : null))
          .toList();
      synchronized (tileCells) {
        tileCells.put(key, cells);
      }
    }
    byte[] mvt = tiles.tile(t, cells);
    if (mvt.length == 0) {
      ctx.status(204);
      return;
    }
    ctx.contentType(StreetTileResource.MVT).result(mvt);
  }

  /** TileJSON 3.0 of the Gi* layer; the query string is passed on to the tile URLs. */
  void gistarTileJson(Context ctx) throws SQLException {
    analyse(ctx, AccessControl.caller(ctx).role().grants(Role.PATROL));   // validates
    String qs = ctx.queryString();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("tilejson", "3.0.0");
    json.put("name", "hotbeat Gi* hot and cold spots");
    json.put("version", incidents.dataVersion());
    json.put("scheme", "xyz");
    json.put("tiles", List.of(ctx.scheme() + "://" + ctx.host() + "/tiles/gistar/{z}/{x}/{y}.mvt"
        + (qs == null ? "" : "?" + qs)));
    json.put("minzoom", 0);
    json.put("maxzoom", 22);
    json.put("vector_layers", List.of(Map.of("id", "gistar",
        "description", "Cells that are significant Gi* hot or cold spots (FDR-corrected unless "
            + "fdr=false)",
        "fields", Map.of("class", "hot spot / cold spot and its confidence",
            "giBin", "-3 to 3: cold or hot at 99, 95 or 90 %",
            "count", "incidents in the cell (patrol and analysts only)",
            "z", "Gi* z-score (patrol and analysts only)"))));
    ctx.json(json);
  }

  /**
   * {@code GET /api/hotspots/emerging}: the space-time cube of calendar months between the
   * required {@code from} and {@code to}, with the same cell and weight parameters as Gi*. Each
   * cell with a pattern comes with its category; analysts and patrol also get its monthly counts
   * and z and both Mann–Kendall trends. The public gets categories of cells with at least
   * {@value #MIN_PUBLIC_COUNT} incidents over the period, and the number of cells per category.
   */
  void emerging(Context ctx) throws SQLException {
    boolean full = AccessControl.caller(ctx).role().grants(Role.PATROL);
    GridParams g = gridParams(ctx, full);
    IncidentQuery q = IncidentParams.read(ctx, 1);
    if (q.from() == null || q.to() == null) {
      throw ProblemException.badRequest(q.from() == null ? "from" : "to",
          "the space-time cube needs a period: give from and to (calendar months, UTC)");
    }
    EmergingHotspotAnalysis.Result r;
    try {
      double[][] ev = incidents.events(q, MAX_INCIDENTS);
      long[] times = new long[ev[2].length];
      for (int i = 0; i < times.length; i++) {
        times[i] = (long) ev[2][i];
      }
      r = EmergingHotspotAnalysis.run(ev[0], ev[1], times, new EmergingHotspotAnalysis.Settings(
          q.from(), q.to(), g.cell(), g.weights(), g.band(), g.fdr(), maxCells));
    } catch (GiStarAnalysis.TooManyCellsException e) {
      throw new ProblemException(413, "Content Too Large", e.getMessage(), null);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(400, "Bad Request", e.getMessage(), null);
    }
    Map<String, Integer> summary = new LinkedHashMap<>();
    for (EmergingHotspots.Category c : EmergingHotspots.Category.values()) {
      summary.put(c.label(), 0);
    }
    List<Feature> features = new java.util.ArrayList<>();
    for (EmergingHotspotAnalysis.Cell c : r.cells()) {
      boolean shown = full || c.total() >= MIN_PUBLIC_COUNT;
      if (shown) {
        summary.merge(c.category().label(), 1, Integer::sum);
      }
      if (shown && c.category() != EmergingHotspots.Category.NO_PATTERN) {
        features.add(emergingFeature(c, full));
      }
    }
    Map<String, Object> analysis = new LinkedHashMap<>();
    analysis.put("cellSize", r.cellSize());
    analysis.put("weights", r.weights());
    analysis.put("projection", "EPSG:" + r.epsg());
    analysis.put("columns", r.columns());
    analysis.put("rows", r.rows());
    analysis.put("months", r.months().stream().map(m -> m.toString().substring(0, 7)).toList());
    analysis.put("fdr", g.fdr());
    analysis.put("trendAlpha", EmergingHotspotAnalysis.TREND_ALPHA);
    analysis.put("cellsByCategory", summary);
    if (full) {
      analysis.put("incidents", r.incidents());
    } else {
      analysis.put("note", "cells with fewer than " + MIN_PUBLIC_COUNT
          + " incidents in the period are left out");
    }
    ctx.json(new Collection("FeatureCollection", analysis, features));
  }

  private static Feature emergingFeature(EmergingHotspotAnalysis.Cell c, boolean full) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("category", c.category().label());
    if (full) {
      p.put("count", c.total());
      p.put("counts", c.counts());
      p.put("z", c.z());
      p.put("significance", c.significance());
      p.put("countTrend", c.countTrend());
      p.put("zTrend", c.zTrend());
    }
    return new Feature("Feature", new Geometry("Polygon", new double[][][] {c.ring()}), p);
  }

  private static Feature feature(GiStarAnalysis.Cell c, boolean full) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("class", label(c.giBin()));
    p.put("giBin", c.giBin());
    if (full) {
      p.put("count", c.count());
      p.put("z", c.z());
      p.put("p", c.p());
      p.put("pFdr", c.pFdr());
    }
    return new Feature("Feature", new Geometry("Polygon", new double[][][] {c.ring()}), p);
  }

  private static String label(int bin) {
    return switch (bin) {
      case 3 -> "hot spot, 99% confidence";
      case 2 -> "hot spot, 95% confidence";
      case 1 -> "hot spot, 90% confidence";
      case -1 -> "cold spot, 90% confidence";
      case -2 -> "cold spot, 95% confidence";
      case -3 -> "cold spot, 99% confidence";
      default -> "not significant";
    };
  }
}
