package org.hotbeat.web;

import io.javalin.http.Context;
import io.javalin.validation.Validator;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.hotbeat.config.Limits;
import org.hotbeat.density.DensityGrid;
import org.hotbeat.density.GridSpec;
import org.hotbeat.exports.DensitySurface;
import org.hotbeat.exports.GeoTiff;
import org.hotbeat.tiles.HeatQuery;

/**
 * Density exports for analysts, with the parameters of {@link DensityParams} plus {@code cell}
 * (metres, default a quarter of the bandwidth): {@code /api/density/grid.tif} (float32 GeoTIFF in
 * the incidents' UTM zone, EPSG in the file), {@code /api/density/grid.csv} (one row per cell:
 * projected x/y, lon/lat, density) and {@code /api/density/hotspots.geojson} (the areas of the
 * densest cells covering {@code shares}, default 1, 5 and 10 % of the study area).
 */
final class DensityExportResource {
  record MultiPolygon(String type, List<List<List<double[]>>> coordinates) {}

  record AreaProperties(double share, double thresholdPerKm2, double areaKm2) {}

  record Area(String type, MultiPolygon geometry, AreaProperties properties) {}

  record Areas(String type, List<Area> features) {}

  private final DensitySurface surfaces;
  private final Limits limits;

  DensityExportResource(DensitySurface surfaces, Limits limits) {
    this.surfaces = surfaces;
    this.limits = limits;
  }

  void geoTiff(Context ctx) throws SQLException {
    DensitySurface.Surface s = surface(ctx);
    ctx.header("Content-Disposition", "attachment; filename=\"density.tif\"");
    ctx.contentType("image/tiff").result(GeoTiff.write(s.grid(), s.projection().epsg()));
  }

  void csv(Context ctx) throws SQLException {
    DensitySurface.Surface s = surface(ctx);
    DensityGrid g = s.grid();
    GridSpec spec = g.spec();
    int epsg = s.projection().epsg();
    StringBuilder out = new StringBuilder(64 * spec.width() * spec.height() + 64);
    out.append("x_epsg").append(epsg).append(",y_epsg").append(epsg)
        .append(",lon,lat,incidents_per_km2\n");
    for (int row = 0; row < spec.height(); row++) {
      for (int col = 0; col < spec.width(); col++) {
        double x = spec.centreX(col);
        double y = spec.centreY(row);
        double[] ll = s.projection().inverse(x, y);
        out.append(String.format(Locale.ROOT, "%.1f,%.1f,%.7f,%.7f,%.6g%n", x, y, ll[0], ll[1],
            g.get(col, row)));
      }
    }
    ctx.header("Content-Disposition", "attachment; filename=\"density.csv\"");
    ctx.contentType("text/csv; charset=utf-8").result(out.toString());
  }

  void hotspots(Context ctx) throws SQLException {
    Validator<String> text = ctx.queryParamAsClass("shares", String.class)
        .check(t -> t == null || shares(t) != null, "must be numbers between 0 and 1");
    QueryParams.validateAll(text);
    double[] shares = shares(text.getOrDefault("0.01,0.05,0.10"));
    DensitySurface.Surface s = surface(ctx);
    List<Area> features = DensitySurface.hotspotAreas(s, shares).stream()
        .map(a -> new Area("Feature", new MultiPolygon("MultiPolygon", a.coordinates()),
            new AreaProperties(a.share(), a.thresholdPerKm2(), a.areaKm2())))
        .toList();
    ctx.contentType("application/geo+json").json(new Areas("FeatureCollection", features));
  }

  /** The comma-separated shares, or null unless each is a number between 0 and 1. */
  private static double[] shares(String text) {
    try {
      double[] v = Arrays.stream(text.split(",")).mapToDouble(x -> Double.parseDouble(x.strip()))
          .toArray();
      return Arrays.stream(v).allMatch(x -> x > 0 && x < 1) ? v : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private DensitySurface.Surface surface(Context ctx) throws SQLException {
    Validator<Double> cell = ctx.queryParamAsClass("cell", Double.class)
        .check(c -> c == null || (c >= 1 && c <= 10_000), "must be 1 to 10000 m");
    QueryParams.validateAll(cell);
    HeatQuery q = DensityParams.read(ctx, limits, false);
    return surfaces.compute(q.filter(), new DensitySurface.Settings(q.kernel(),
        q.bandwidthMetres(), cell.getOrDefault(0.0), q.periods(), limits.maxGridCells()));
  }
}
