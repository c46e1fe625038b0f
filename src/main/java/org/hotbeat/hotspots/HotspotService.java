package org.hotbeat.hotspots;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.DoubleStream;
import org.hotbeat.InvalidInputException;
import org.hotbeat.config.Limits;
import org.hotbeat.density.GridSpec;
import org.hotbeat.density.Kernel;
import org.hotbeat.geo.Extent;
import org.hotbeat.geo.MetricProjection;
import org.hotbeat.store.IncidentQuery;
import org.hotbeat.store.IncidentRepository;

/**
 * The hot-spot use cases over stored incidents: Gi* ({@link GiStarAnalysis}), the emerging hot
 * spots of a space-time cube ({@link EmergingHotspotAnalysis}) and the change map between two
 * periods ({@link DualKde}). It reads the incidents, checks the request against {@link Limits}
 * (cells, incidents, the public floors) and the data (enough incidents), and keeps the public's
 * view apart: callers without detail get only cells of at least
 * {@link Limits#publicMinCount()} incidents, with cells no smaller than
 * {@link Limits#publicMinCellMetres()}. Faults are {@link InvalidInputException} (naming the
 * field) or {@link org.hotbeat.LimitExceededException}. Thread-safe.
 */
public final class HotspotService {
  /**
   * The grid of Gi* and the cube.
   *
   * @param cellMetres side of a cell; 0 for the default (a 50th of the extent's shorter side)
   * @param weights {@code queen} or {@code band}
   * @param bandMetres the distance band of {@code band} weights; 0 for 1.5 cells
   * @param fdr whether p is adjusted for the false discovery rate
   */
  public record GridSettings(double cellMetres, String weights, double bandMetres, boolean fdr) {}

  /**
   * A change map: the current period is the filter's {@code from}–{@code to} (both required),
   * the base period {@code baseFrom}–{@code baseTo} (each null for the default: the same length
   * just before). {@code cellMetres} 0 means a quarter of the bandwidth; {@code alpha} is the
   * level of the Poisson test.
   */
  public record ChangeRequest(IncidentQuery current, Instant baseFrom, Instant baseTo,
      Kernel kernel, double bandwidthMetres, double cellMetres, double alpha) {}

  /** A computed change map, with the periods as used and the plane of its grid. */
  public record ChangeMap(Instant from, Instant to, Instant baseFrom, Instant baseTo,
      int incidents, int baseIncidents, double bandwidthMetres, Kernel kernel, double alpha,
      int epsg, DualKde.Result result) {}

  private static final int TILE_LAYERS = 16;

  private final IncidentRepository incidents;
  private final Limits limits;
  /** The drawable cells of recent Gi* tile layers, by data version, detail and request key. */
  private final Map<String, List<GiStarAnalysis.Cell>> tileCells =
      new LinkedHashMap<>(TILE_LAYERS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<GiStarAnalysis.Cell>> e) {
          return size() > TILE_LAYERS;
        }
      };

  public HotspotService(IncidentRepository incidents, Limits limits) {
    this.incidents = incidents;
    this.limits = limits;
  }

  /**
   * Refuses fewer than 3 incidents, or for the public fewer than the public minimum count, with
   * one answer whatever the number below (no oracle: docs/privacy.md).
   */
  private void requireEnough(int incidents, boolean detailed, String what) {
    if (detailed && incidents < 3) {
      throw new InvalidInputException("filter", what + " needs at least 3 incidents; the filter "
          + "matches " + incidents);
    }
    int min = Math.max(3, limits.publicMinCount());
    if (!detailed && incidents < min) {
      throw new InvalidInputException("filter", "too few incidents to show: public " + what
          + " needs at least " + min);
    }
  }

  /**
   * Gi* of the filter's incidents; without {@code detailed}, only the cells the public may see.
   */
  public GiStarAnalysis.Result giStar(IncidentQuery filter, GridSettings g, boolean detailed)
      throws SQLException {
    g = checkCell(g, detailed);
    double[][] positions = incidents.positions(filter, limits.maxIncidents());
    requireEnough(positions[0].length, detailed, "Gi*");
    GiStarAnalysis.Result r = GiStarAnalysis.run(positions[0], positions[1],
        new GiStarAnalysis.Settings(g.cellMetres(), g.weights(), g.bandMetres(), g.fdr(),
            limits.maxAnalysisCells()));
    return detailed ? r : new GiStarAnalysis.Result(r.cellSize(), r.weights(), r.epsg(),
        r.columns(), r.rows(), r.incidents(), r.cells().stream()
        .filter(c -> c.count() >= limits.publicMinCount()).toList());
  }

  /**
   * The significant Gi* cells (hot or cold at 90 % or more) the caller may see, for vector
   * tiles: the analysis runs once per {@code dataVersion}, detail and {@code requestKey} (a
   * canonical text of the filter and settings), then comes from a small cache.
   */
  public List<GiStarAnalysis.Cell> significantCells(IncidentQuery filter, GridSettings g,
      boolean detailed, String dataVersion, String requestKey) throws SQLException {
    String key = dataVersion + "|" + detailed + "?" + requestKey;
    synchronized (tileCells) {
      List<GiStarAnalysis.Cell> cached = tileCells.get(key);
      if (cached != null) {
        return cached;
      }
    }
    List<GiStarAnalysis.Cell> cells = giStar(filter, g, detailed).cells().stream()
        .filter(c -> c.giBin() != 0).toList();
    synchronized (tileCells) {
      tileCells.put(key, cells);
    }
    return cells;
  }

  /**
   * The space-time cube of calendar months between the filter's {@code from} and {@code to}
   * (both required); without {@code detailed}, only cells of at least
   * {@link Limits#publicMinCount()} incidents over the period.
   */
  public EmergingHotspotAnalysis.Result emerging(IncidentQuery filter, GridSettings g,
      boolean detailed) throws SQLException {
    g = checkCell(g, detailed);
    if (filter.from() == null || filter.to() == null) {
      throw new InvalidInputException(filter.from() == null ? "from" : "to",
          "the space-time cube needs a period: give from and to (calendar months, UTC)");
    }
    int months = EmergingHotspotAnalysis.months(filter.from(), filter.to()).size();
    if (months < EmergingHotspotAnalysis.MIN_STEPS || months > EmergingHotspotAnalysis.MAX_STEPS) {
      throw new InvalidInputException("to", "the period must span "
          + EmergingHotspotAnalysis.MIN_STEPS + " to " + EmergingHotspotAnalysis.MAX_STEPS
          + " months; it spans " + (months > EmergingHotspotAnalysis.MAX_STEPS
          ? "more than " + EmergingHotspotAnalysis.MAX_STEPS : months));
    }
    double[][] ev = incidents.events(filter, limits.maxIncidents());
    requireEnough(ev[0].length, detailed, "emerging hot spots");
    long[] times = new long[ev[2].length];
    for (int i = 0; i < times.length; i++) {
      times[i] = (long) ev[2][i];
    }
    EmergingHotspotAnalysis.Result r = EmergingHotspotAnalysis.run(ev[0], ev[1], times,
        new EmergingHotspotAnalysis.Settings(filter.from(), filter.to(), g.cellMetres(),
            g.weights(), g.bandMetres(), g.fdr(), limits.maxAnalysisCells()));
    return detailed ? r : new EmergingHotspotAnalysis.Result(r.cellSize(), r.weights(), r.epsg(),
        r.columns(), r.rows(), r.months(), r.incidents(), r.cells().stream()
        .filter(c -> c.total() >= limits.publicMinCount()).toList());
  }

  /** The dual KDE of the current period against the base period. */
  public ChangeMap change(ChangeRequest req) throws SQLException {
    IncidentQuery q = req.current();
    if (q.from() == null || q.to() == null) {
      throw new InvalidInputException(q.from() == null ? "from" : "to",
          "a change needs the current period: give from and to");
    }
    Duration length = Duration.between(q.from(), q.to());
    Instant bf = req.baseFrom() != null ? req.baseFrom() : q.from().minus(length);
    Instant bt = req.baseTo() != null ? req.baseTo() : q.from();
    if (!bf.isBefore(bt)) {
      throw new InvalidInputException("baseTo", "the base period is empty: it must end after "
          + "it starts");
    }
    if (bt.isAfter(q.from()) && bf.isBefore(q.to())) {
      throw new InvalidInputException("baseFrom", "the base period overlaps the current one");
    }
    IncidentQuery base = new IncidentQuery(q.agency(), q.bbox(), bf, bt, q.categories(),
        q.offenses(), q.hours(), q.weekdays(), q.beat(), null, 1);
    double[][] cur = incidents.positions(q, limits.maxIncidents());
    double[][] prev = incidents.positions(base, limits.maxIncidents());
    if (cur[0].length == 0 || prev[0].length == 0) {
      throw new InvalidInputException(cur[0].length == 0 ? "from" : "baseFrom", "each period "
          + "needs incidents: the current has " + cur[0].length + ", the base " + prev[0].length);
    }
    MetricProjection proj = MetricProjection.utmFor(
        DoubleStream.concat(DoubleStream.of(cur[0]), DoubleStream.of(prev[0])).toArray(),
        DoubleStream.concat(DoubleStream.of(cur[1]), DoubleStream.of(prev[1])).toArray());
    double[][] a = proj.forward(cur[0], cur[1]);
    double[][] b = proj.forward(prev[0], prev[1]);
    double bw = req.bandwidthMetres();
    double size = req.cellMetres() > 0 ? req.cellMetres() : bw / 4;
    Extent ext = Extent.of(a[0], a[1]).union(Extent.of(b[0], b[1]))
        .grow(req.kernel().reach(bw));
    long w = (long) Math.ceil(ext.width() / size);
    long h = (long) Math.ceil(ext.height() / size);
    if (w * h > limits.maxAnalysisCells()) {
      throw Limits.tooManyCells(Limits.MAX_ANALYSIS_CELLS, w * h, limits.maxAnalysisCells());
    }
    DualKde.Result r = DualKde.compute(a[0], a[1], length.toSeconds() / 86_400.0, b[0], b[1],
        Duration.between(bf, bt).toSeconds() / 86_400.0,
        new GridSpec(ext.minX(), ext.minY(), size, (int) w, (int) h), req.kernel(), bw,
        req.alpha());
    return new ChangeMap(q.from(), q.to(), bf, bt, cur[0].length, prev[0].length, bw,
        req.kernel(), req.alpha(), proj.epsg(), r);
  }

  /**
   * The grid a caller gets: as asked for with {@code detailed}; for the public one of
   * {@link Limits#publicCellSizes()} (the first when none is given), so public cells lie on a
   * few fixed grids (docs/privacy.md).
   */
  private GridSettings checkCell(GridSettings g, boolean detailed) {
    if (detailed) {
      return g;
    }
    List<Double> sizes = limits.publicCellSizes();
    if (g.cellMetres() > 0 && !sizes.contains(g.cellMetres())) {
      throw new InvalidInputException("cell", "public maps use cells of "
          + sizes.stream().map(v -> (int) v.doubleValue() + " m").toList()
          + ", so that public cells lie on a few fixed grids");
    }
    return new GridSettings(g.cellMetres() > 0 ? g.cellMetres() : sizes.get(0), g.weights(),
        g.bandMetres(), g.fdr());
  }
}
