package org.hotbeat.tiles;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.hotbeat.config.Limits;
import org.hotbeat.density.DensityEngine;
import org.hotbeat.density.DensityGrid;
import org.hotbeat.density.DensityRequest;
import org.hotbeat.density.GridSpec;
import org.hotbeat.density.Points;
import org.hotbeat.geo.Extent;
import org.hotbeat.geo.TileCoord;
import org.hotbeat.geo.WebMercator;
import org.hotbeat.store.IncidentAggregates;
import org.hotbeat.store.IncidentQuery;
import org.hotbeat.store.IncidentRepository;

/**
 * Renders heat tiles: kernel density in Web Mercator pixels, in true incidents per km², coloured
 * on the layer's one absolute scale.
 *
 * <p>Seamless by construction: every pixel's value depends only on its position in the zoom
 * level's global pixel lattice, never on which tile it is in. The points come from the pixels'
 * extent grown by the kernel's reach; the bandwidth and the area scale use the layer's one
 * reference latitude; when pixels are much finer than the bandwidth the density is computed on a
 * coarser lattice aligned to the same global origin and interpolated. So a 2 × 2 block of tiles
 * equals one render of the same extent (a test checks it).
 *
 * <p>Thread-safe; layers are cached per query and data version.
 */
public final class HeatRenderer {
  /** Pixels finer than bandwidth / this are computed on a coarser lattice and interpolated. */
  private static final double FINEST = 8;

  private final IncidentRepository incidents;
  private final IncidentAggregates aggregates;
  private final int maxIncidents;
  private final DensityEngine engine = new DensityEngine();
  private final Map<String, HeatLayer> layers = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, HeatLayer> e) {
      return size() > 64;
    }
  };

  private final Map<String, Counted> cells = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Counted> e) {
      return size() > 64;
    }
  };

  /**
   * @param aggregates the public layers' cell counts
   * @param maxIncidents most incidents one layer or tile reads ({@link Limits#maxIncidents()})
   */
  public HeatRenderer(IncidentRepository incidents, IncidentAggregates aggregates,
      int maxIncidents) {
    this.incidents = incidents;
    this.aggregates = aggregates;
    this.maxIncidents = maxIncidents;
  }

  /** The layer of {@code q} at the current data version, computed once and then cached. */
  public HeatLayer layer(HeatQuery q, String dataVersion) throws SQLException {
    String key = dataVersion + "|" + q.key();
    synchronized (layers) {
      HeatLayer cached = layers.get(key);
      if (cached != null) {
        return cached;
      }
    }
    Weighted pts = points(q, dataVersion, null);
    HeatLayer layer;
    if (pts.xs().length == 0) {
      layer = new HeatLayer(0, 1, 0, HeatRamp.breaks(0), dataVersion);
    } else {
      double[] xs = pts.xs();
      double[] ys = pts.ys();
      Extent e = Extent.of(xs, ys);
      double refLat = (WebMercator.lat(e.minY()) + WebMercator.lat(e.maxY())) / 2;
      double secant = 1 / Math.cos(Math.toRadians(refLat));
      double bw = q.bandwidthMetres() * secant;
      double reach = q.kernel().reach(bw);
      Extent grown = e.grow(reach);
      double cell = Math.max(bw / 4, Math.max(grown.width(), grown.height()) / 1024);
      int w = (int) Math.ceil(grown.width() / cell);
      int h = (int) Math.ceil(grown.height() / cell);
      GridSpec spec = new GridSpec(grown.minX(), grown.minY(), cell, w, h);
      DensityGrid g = engine.compute(DensityRequest.of(pts.points(), spec, q.kernel(), bw));
      double peak = (q.countShare() > 0 ? blendPeak(q, g, xs, ys, secant) : g.max())
          * secant * secant / q.periods();
      if (q.fromCells()) {
        // A public peak, and the breaks drawn from it, are rounded to two figures: they describe
        // cells of k or more incidents, never a count to subtract.
        peak = new java.math.BigDecimal(peak).round(new java.math.MathContext(2)).doubleValue();
      }
      layer = new HeatLayer(refLat, secant, peak, HeatRamp.breaks(peak), dataVersion);
    }
    synchronized (layers) {
      layers.put(key, layer);
    }
    return layer;
  }

  /**
   * Densities (true incidents per km², divided by the query's periods) of a block of pixels of
   * zoom {@code z}, in raster order (row 0 north).
   */
  public float[] densities(HeatQuery q, HeatLayer layer, int z, long px0, long py0, int width,
      int height) throws SQLException {
    float[] out = new float[width * height];
    if (layer.peak() == 0) {
      return out;
    }
    double ps = WebMercator.pixelSize(z);
    double bw = q.bandwidthMetres() * layer.secant();
    int f = 1;
    while (f < 256 && ps * f * 2 <= bw / FINEST) {
      f *= 2;
    }
    double cell = ps * f;
    // The coarse lattice, aligned to the zoom's global origin, one cell wider on every side.
    long cx0 = Math.floorDiv(px0, f) - 1;
    long cy0 = Math.floorDiv(py0, f) - 1;
    int cw = (int) (Math.floorDiv(px0 + width - 1, f) - cx0 + 2);
    int ch = (int) (Math.floorDiv(py0 + height - 1, f) - cy0 + 2);
    double west = WebMercator.pixelX(z, cx0 * (double) f);
    double north = WebMercator.pixelY(z, cy0 * (double) f);
    double reach = Math.max(q.kernel().reach(bw), q.countCellMetres() * layer.secant())
        + 2 * cell;
    double[] box = {WebMercator.lon(west - reach), WebMercator.lat(north - ch * cell - reach),
        WebMercator.lon(west + cw * cell + reach), WebMercator.lat(north + reach)};
    Weighted pts = points(q, layer.dataVersion(), box);
    if (pts.xs().length == 0) {
      return out;
    }
    double[] xs = pts.xs();
    double[] ys = pts.ys();
    DensityGrid g = engine.compute(DensityRequest.of(pts.points(),
        new GridSpec(west, north - ch * cell, cell, cw, ch), q.kernel(), bw));
    double scale = layer.secant() * layer.secant() / q.periods();
    float[] coarse = g.values();
    double share = q.countShare();
    CellCounts counts = share > 0 ? new CellCounts(xs, ys, q.countCellMetres() * layer.secant())
        : null;
    for (int r = 0; r < height; r++) {
      // Fine pixel centre in coarse-cell units, relative to coarse cell centres.
      double v = (py0 + r + 0.5) / f - cy0 - 0.5;
      int r0 = (int) Math.floor(v);
      double fv = v - r0;
      for (int c = 0; c < width; c++) {
        double u = (px0 + c + 0.5) / f - cx0 - 0.5;
        int c0 = (int) Math.floor(u);
        double fu = u - c0;
        double value = f == 1 ? coarse[(int) ((py0 + r - cy0) * cw + (px0 + c - cx0))]
            : (1 - fv) * ((1 - fu) * coarse[r0 * cw + c0] + fu * coarse[r0 * cw + c0 + 1])
                + fv * ((1 - fu) * coarse[(r0 + 1) * cw + c0] + fu * coarse[(r0 + 1) * cw + c0 + 1]);
        value = Math.max(0, value);
        if (counts != null) {
          value = (1 - share) * value + share * counts.density(
              WebMercator.pixelX(z, px0 + c + 0.5), WebMercator.pixelY(z, py0 + r + 0.5));
        }
        out[r * width + c] = (float) (value * scale);
      }
    }
    return out;
  }

  /** Points in Web Mercator metres, each with its weight, or null for one each. */
  private record Weighted(double[] xs, double[] ys, double[] weights) {
    Points points() {
      return weights == null ? Points.of(xs, ys) : Points.weighted(xs, ys, weights);
    }
  }

  /**
   * What a layer smooths, within {@code box} (west, south, east, north in degrees; null for
   * all): the incidents, or for a public layer the centres of its kept cells weighted by count.
   */
  private Weighted points(HeatQuery q, String dataVersion, double[] box) throws SQLException {
    if (q.fromCells()) {
      IncidentAggregates.Cells cells = cells(q, dataVersion);
      if (box == null) {
        return new Weighted(cells.xs(), cells.ys(), cells.counts());
      }
      double x0 = WebMercator.x(box[0]);
      double y0 = WebMercator.y(box[1]);
      double x1 = WebMercator.x(box[2]);
      double y1 = WebMercator.y(box[3]);
      int[] in = java.util.stream.IntStream.range(0, cells.size()).filter(i ->
          cells.xs()[i] >= x0 && cells.xs()[i] <= x1 && cells.ys()[i] >= y0
              && cells.ys()[i] <= y1).toArray();
      double[][] kept = new double[3][in.length];
      for (int k = 0; k < in.length; k++) {
        kept[0][k] = cells.xs()[in[k]];
        kept[1][k] = cells.ys()[in[k]];
        kept[2][k] = cells.counts()[in[k]];
      }
      return new Weighted(kept[0], kept[1], kept[2]);
    }
    IncidentQuery f = q.filter();
    double[] bbox = box == null ? f.bbox() : f.bbox() == null ? box : intersect(f.bbox(), box);
    if (box != null && bbox == null) {
      return new Weighted(new double[0], new double[0], null);
    }
    double[][] pos = incidents.positions(bbox == null ? f : f.withBbox(bbox), maxIncidents);
    double[][] xy = WebMercator.forward(pos[0], pos[1]);
    return new Weighted(xy[0], xy[1], null);
  }

  /** A public layer's kept cells and the digest of what it draws, both made once. */
  private record Counted(IncidentAggregates.Cells cells, String digest) {}

  /** The kept cells of a public layer, counted once per data version. */
  private IncidentAggregates.Cells cells(HeatQuery q, String dataVersion) throws SQLException {
    return counted(q, dataVersion).cells();
  }

  /**
   * A digest of what a public layer draws (its kept cells, kernel, bandwidth and unit), not of
   * its filter: every filter that draws nothing has the same one, so an ETag is no oracle.
   */
  public String publicDigest(HeatQuery q, String dataVersion) throws SQLException {
    return counted(q, dataVersion).digest();
  }

  private Counted counted(HeatQuery q, String dataVersion) throws SQLException {
    String key = dataVersion + "|" + q.key();
    synchronized (cells) {
      Counted c = cells.get(key);
      if (c != null) {
        return c;
      }
    }
    IncidentAggregates.Cells c = aggregates.publicCells(q.filter(), q.publicCellMetres(),
        q.minCount());
    // Every tile's ETag names this digest: it is made here, once, not per request.
    StringBuilder s = new StringBuilder(c.size() == 0 ? "nothing" : q.kernel() + "|"
        + q.bandwidthMetres() + "|" + q.periods() + "|" + q.perUnit());
    for (int i = 0; i < c.size(); i++) {
      s.append('|').append(c.xs()[i]).append(',').append(c.ys()[i]).append(',')
          .append(c.counts()[i]);
    }
    Counted counted = new Counted(c, TileCache.digest(s.toString()));
    synchronized (cells) {
      cells.put(key, counted);
    }
    return counted;
  }

  /** One tile as PNG. */
  public byte[] tilePng(HeatQuery q, HeatLayer layer, TileCoord t) throws SQLException {
    int n = WebMercator.TILE_PIXELS;
    float[] d = densities(q, layer, t.z(), (long) t.x() * n, (long) t.y() * n, n, n);
    BufferedImage img = new BufferedImage(n, n, BufferedImage.TYPE_INT_ARGB);
    int[] argb = new int[n * n];
    for (int i = 0; i < argb.length; i++) {
      argb[i] = HeatRamp.argb(layer.classOf(d[i]));
    }
    img.setRGB(0, 0, n, n, argb, 0, n);
    ByteArrayOutputStream png = new ByteArrayOutputStream(4096);
    try {
      ImageIO.write(img, "png", png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return png.toByteArray();
  }

  /**
   * The blend's highest value (Web Mercator units, as the KDE grid), taken at the layer grid's
   * cell centres.
   */
  private static double blendPeak(HeatQuery q, DensityGrid g, double[] xs, double[] ys,
      double secant) {
    CellCounts counts = new CellCounts(xs, ys, q.countCellMetres() * secant);
    GridSpec spec = g.spec();
    double peak = 0;
    for (int r = 0; r < spec.height(); r++) {
      for (int c = 0; c < spec.width(); c++) {
        double v = (1 - q.countShare()) * Math.max(0, g.get(c, r)) + q.countShare()
            * counts.density(spec.centreX(c), spec.centreY(r));
        peak = Math.max(peak, v);
      }
    }
    return peak;
  }

  /**
   * Incidents per square cell of one global lattice in Web Mercator metres (origin 0, 0), so
   * every tile sees the same cells; density in incidents per Mercator km².
   */
  private static final class CellCounts {
    private final double size;
    private final Map<Long, Integer> counts = new java.util.HashMap<>();

    CellCounts(double[] xs, double[] ys, double size) {
      this.size = size;
      for (int i = 0; i < xs.length; i++) {
        counts.merge(key(xs[i], ys[i]), 1, Integer::sum);
      }
    }

    private long key(double x, double y) {
      long cx = (long) Math.floor(x / size);
      long cy = (long) Math.floor(y / size);
      return (cx << 32) ^ (cy & 0xffffffffL);
    }

    double density(double x, double y) {
      Integer n = counts.get(key(x, y));
      return n == null ? 0 : n / (size * size / 1e6);
    }
  }

  private static double[] intersect(double[] a, double[] b) {
    double[] r = {Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]),
        Math.min(a[3], b[3])};
    return r[0] < r[2] && r[1] < r[3] ? r : null;
  }
}
