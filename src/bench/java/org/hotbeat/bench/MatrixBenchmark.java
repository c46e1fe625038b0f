package org.hotbeat.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.hotbeat.Progress;
import org.hotbeat.geo.LonLat;
import org.hotbeat.streets.OffNetworkException;
import org.hotbeat.streets.ReferenceMatrix;
import org.hotbeat.streets.StreetImport;
import org.hotbeat.streets.StreetImporter;
import org.hotbeat.streets.StreetNetwork;
import org.hotbeat.streets.StreetRepository;
import org.hotbeat.streets.StreetRouter;
import org.hotbeat.streets.TravelMode;

/**
 * {@code ./hotbeat bench matrix}: the travel-time matrix alone, in seconds rather than the patrol
 * benchmark's minutes. 48 random points of the real Loop extract (fixed seed), 48 × 48: our matrix
 * (contraction hierarchy), the Dijkstra matrix it replaced, both modes, and pgRouting's
 * {@code pgr_dijkstraCostMatrix} by car. Bar: our car matrix in at most 0.1 of pgRouting's time.
 */
final class MatrixBenchmark implements Benchmarks.Benchmark {
  private static final double BAR = 0.1;
  private static final int POINTS = 48;

  @Override
  public int run(String[] args) throws Exception {
    if (!Files.isRegularFile(PgRoutingMatrix.LOOP)) {
      return Benchmarks.skipped("matrix", PgRoutingMatrix.LOOP + " is not here");
    }
    try (ChicagoBenchData data = ChicagoBenchData.open(false)) {
      DataSource ds = data.db.dataSource();
      Path graphs = Path.of("target", "bench-pg", "graphs");
      StreetRepository streets = new StreetRepository(ds);
      StreetImport current = streets.current().filter(i -> i.sourceFile().endsWith(
          PgRoutingMatrix.LOOP.getFileName().toString())).orElse(null);
      // A graph from before the hierarchy files also has the coarser location index: re-import.
      if (current == null
          || !Files.isRegularFile(graphs.resolve(current.graphName()).resolve("ch-car.bin"))) {
        long t0 = System.nanoTime();
        current = new StreetImporter(ds, graphs).importFile(PgRoutingMatrix.LOOP, Progress.NONE);
        System.out.printf(Locale.ROOT, "imported %s in %.1f s%n", PgRoutingMatrix.LOOP,
            (System.nanoTime() - t0) / 1e9);
      }
      StreetRouter router = new StreetNetwork(streets, graphs).router();
      double ours = Double.NaN;
      List<LonLat> carPoints = null;
      for (TravelMode mode : TravelMode.values()) {
        List<LonLat> points = points(router, mode, current.bounds());
        double hierarchy = median(() -> router.matrix(mode, points, points));
        double dijkstra = median(() -> ReferenceMatrix.dijkstra(router, mode, points, points));
        System.out.printf(Locale.ROOT, "our %d × %d %s matrix: median %.1f ms (Dijkstra, as "
            + "before: %.1f ms, %.1f × slower)%n", POINTS, POINTS, mode.id(), hierarchy, dijkstra,
            dijkstra / hierarchy);
        if (mode == TravelMode.CAR) {
          ours = hierarchy;
          carPoints = points;
        }
      }
      double theirs = PgRoutingMatrix.medianMs(data, carPoints);
      if (Double.isNaN(theirs)) {
        return Benchmarks.skipped("matrix", "pgRouting is not installed");
      }
      return Benchmarks.verdict("matrix", ours / theirs, "≤ " + BAR + " × pgRouting",
          ours / theirs <= BAR);
    }
  }

  /** Random points of the street network's extent (less a margin) that snap for {@code mode}. */
  private static List<LonLat> points(StreetRouter router, TravelMode mode, double[] bounds) {
    Random random = new Random(42);
    double west = bounds[0] + 0.002;
    double south = bounds[1] + 0.002;
    double width = bounds[2] - bounds[0] - 0.004;
    double height = bounds[3] - bounds[1] - 0.004;
    List<LonLat> out = new ArrayList<>();
    while (out.size() < POINTS) {
      LonLat p = LonLat.of(west + random.nextDouble() * width, south + random.nextDouble() * height);
      try {
        router.snap(mode, p);
        out.add(p);
      } catch (OffNetworkException e) {
        // in a park or the river: draw another
      }
    }
    return out;
  }

  /**
   * Median of 41 timed runs in ms, after 20 to warm the JIT (as a running server is); a few
   * milliseconds each, so the median of many sees through other processes' bursts on a shared
   * machine.
   */
  private static double median(Supplier<StreetRouter.Matrix> matrix) {
    for (int i = 0; i < 20; i++) {
      matrix.get();
    }
    double[] ms = new double[41];
    for (int i = 0; i < ms.length; i++) {
      long t0 = System.nanoTime();
      matrix.get();
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(ms);
    return ms[ms.length / 2];
  }
}
