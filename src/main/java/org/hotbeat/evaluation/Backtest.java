package org.hotbeat.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotbeat.density.DensityEngine;
import org.hotbeat.density.DensityRequest;
import org.hotbeat.density.Kernel;
import org.hotbeat.density.Points;

/**
 * The honest test of a hotspot map: each method builds a risk surface from the training period
 * only, then the test period's incidents score it ({@link Scores}: hit rate, PAI, RRI at 1, 5 and
 * 10 % of the study area, and the hit-rate curve). Methods:
 * <ul>
 *   <li>{@code naive}: the training period's count per cell (the baseline to beat);</li>
 *   <li>{@code default}: the heat layer's settings, quartic KDE with a {@value #DEFAULT_BANDWIDTH}
 *       m bandwidth;</li>
 *   <li>{@code prospective}: quartic KDE whose weights halve every {@value #HALF_LIFE_DAYS} days
 *       of age at the end of training (prospective hotspotting, after Bowers and Johnson 2004);</li>
 *   <li>{@code kde-wide}: quartic KDE with a 1 km bandwidth, as wide automatic rules tend to give
 *       on city data.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class Backtest {
  public static final double DEFAULT_BANDWIDTH = 300;
  public static final double HALF_LIFE_DAYS = 56;
  public static final List<String> METHODS = List.of("naive", "default", "prospective", "kde-wide");
  private static final double[] COVERAGES = {0.01, 0.05, 0.10};

  /** One method's scores. */
  public record MethodResult(String method, List<Scores.AtCoverage> scores, double[] curve) {}

  public record Result(int cells, double cellSize, int trainIncidents, int testIncidents,
      List<MethodResult> methods) {}

  private Backtest() {}

  public static Result run(StudyGrid grid, EventSet train, long trainEnd, EventSet test,
      List<String> methods) {
    if (train.size() == 0 || test.size() == 0) {
      throw new IllegalArgumentException("the training and the test period each need incidents: "
          + "training has " + train.size() + ", test " + test.size());
    }
    double[] trainCounts = grid.counts(train);
    double[] testCounts = grid.counts(test);
    List<MethodResult> out = new ArrayList<>();
    for (String m : methods) {
      double[] risk = risk(m, grid, train, trainEnd, trainCounts);
      Scores s = new Scores(risk, testCounts, trainCounts);
      List<Scores.AtCoverage> at = new ArrayList<>();
      for (double c : COVERAGES) {
        at.add(s.at(c));
      }
      out.add(new MethodResult(m, at, s.curve()));
    }
    return new Result(grid.size(), grid.cellSize(), (int) sum(trainCounts), (int) sum(testCounts),
        out);
  }

  private static double[] risk(String method, StudyGrid grid, EventSet train, long trainEnd,
      double[] trainCounts) {
    return switch (method) {
      case "naive" -> trainCounts;
      case "default" -> kde(grid, train, null, DEFAULT_BANDWIDTH);
      case "kde-wide" -> kde(grid, train, null, 1000);
      case "prospective" -> {
        double[] w = new double[train.size()];
        for (int i = 0; i < w.length; i++) {
          double ageDays = (trainEnd - train.epochSeconds()[i]) / 86_400.0;
          w[i] = Math.pow(0.5, Math.max(0, ageDays) / HALF_LIFE_DAYS);
        }
        yield kde(grid, train, w, DEFAULT_BANDWIDTH);
      }
      default -> throw new IllegalArgumentException("unknown method '" + method + "'; known: "
          + String.join(", ", METHODS));
    };
  }

  private static double[] kde(StudyGrid grid, EventSet e, double[] weights, double bandwidth) {
    var g = new DensityEngine().compute(DensityRequest.of(Points.weighted(e.x(), e.y(), weights),
        grid.gridSpec(), Kernel.QUARTIC, bandwidth));
    return grid.sample(g.values());
  }

  private static double sum(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s;
  }

  /** The table as text, one line per method and coverage. */
  public static String table(Result r) {
    StringBuilder sb = new StringBuilder(String.format(java.util.Locale.ROOT,
        "%d cells of %.0f m; %d training and %d test incidents in the study area%n", r.cells(),
        r.cellSize(), r.trainIncidents(), r.testIncidents()));
    sb.append(String.format("%-12s %8s %8s %8s   %8s %8s %8s   %6s %6s %6s%n", "method",
        "hit 1%", "hit 5%", "hit 10%", "PAI 1%", "PAI 5%", "PAI 10%", "RRI1%", "RRI5%", "RRI10%"));
    for (MethodResult m : r.methods()) {
      List<Scores.AtCoverage> s = m.scores();
      sb.append(String.format(java.util.Locale.ROOT,
          "%-12s %7.1f%% %7.1f%% %7.1f%%   %8.2f %8.2f %8.2f   %6s %6s %6s%n", m.method(),
          100 * s.get(0).hitRate(), 100 * s.get(1).hitRate(), 100 * s.get(2).hitRate(),
          s.get(0).pai(), s.get(1).pai(), s.get(2).pai(), rri(s.get(0)), rri(s.get(1)),
          rri(s.get(2))));
    }
    return sb.toString();
  }

  private static String rri(Scores.AtCoverage a) {
    return a.rri() == null ? "-" : String.format(java.util.Locale.ROOT, "%.2f", a.rri());
  }

  /** The same as JSON-ready maps. */
  public static Map<String, Object> json(Result r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("cells", r.cells());
    out.put("cellSize", r.cellSize());
    out.put("trainIncidents", r.trainIncidents());
    out.put("testIncidents", r.testIncidents());
    List<Map<String, Object>> methods = new ArrayList<>();
    for (MethodResult m : r.methods()) {
      Map<String, Object> mm = new LinkedHashMap<>();
      mm.put("method", m.method());
      mm.put("scores", m.scores());
      mm.put("hitRateCurve", m.curve());
      methods.add(mm);
    }
    out.put("methods", methods);
    return out;
  }
}
