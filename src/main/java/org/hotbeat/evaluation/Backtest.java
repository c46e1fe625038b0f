package org.hotbeat.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.hotbeat.InvalidInputException;
import org.hotbeat.density.DensityEngine;
import org.hotbeat.density.DensityRequest;
import org.hotbeat.density.GridSpec;
import org.hotbeat.density.Kernel;
import org.hotbeat.density.Points;

/**
 * The honest test of a hotspot map: each method builds a risk surface from the training period
 * only, then the test period's incidents score it ({@link Scores}: hit rate, PAI, RRI at 1, 5 and
 * 10 % of the study area, and the hit-rate curve). The methods are {@link Method}s:
 * <ul>
 *   <li>{@code naive}: the training period's count per cell (the baseline to beat);</li>
 *   <li>{@code default}: the heat layer's settings ({@link Method#DEFAULT}): 80 % own-cell
 *       counts blended with a 400 m quartic KDE, the winner of the search in docs/hotspots.md;</li>
 *   <li>{@code kde}: quartic KDE of 300 m, the heat layer's first default;</li>
 *   <li>{@code prospective}: the same with weights halving every 56 days of age at the end of
 *       training (prospective hotspotting, after Bowers and Johnson 2004);</li>
 *   <li>{@code kde-wide}: quartic KDE with a 1 km bandwidth, as wide automatic rules tend to give
 *       on city data;</li>
 *   <li>{@code kde:…}: any other setting, for searches.</li>
 * </ul>
 * A KDE's risk is its mass in each cell, not its value at the centre: it is computed on sub-cells
 * of at most a quarter of the bandwidth (at most {@value #MAX_REFINE} per side) and summed, so
 * that bandwidths smaller than a cell are scored fairly. Stateless and thread-safe.
 */
public final class Backtest {
  /** Fewest incidents a training period needs: fewer give no surface worth scoring. */
  public static final int MIN_TRAIN = 30;
  /** Fewest incidents a test period needs: fewer make a hit rate at 1 % mere chance. */
  public static final int MIN_TEST = 10;
  public static final List<String> METHODS = Method.NAMES;
  private static final double[] COVERAGES = {0.01, 0.05, 0.10};
  private static final int MAX_REFINE = 6;
  private static final int SAMPLES = 24;

  /**
   * One method's scores. Its JSON (as {@code hotbeat evaluate --format json} and the API write
   * it) is the record as it stands.
   *
   * @param hitRateCurve the hit rate at 0, 1, …, 100 % of the study area
   */
  public record MethodResult(String method, String settings, List<Scores.AtCoverage> scores,
      double[] hitRateCurve) {}

  public record Result(int cells, double cellSize, int trainIncidents, int testIncidents,
      List<MethodResult> methods) {}

  private Backtest() {}

  /** Runs methods given by name (see {@link Method#parse}). */
  public static Result run(StudyGrid grid, EventSet train, long trainEnd, EventSet test,
      List<String> methods) {
    return runMethods(grid, train, trainEnd, test, methods.stream().map(Method::parse).toList());
  }

  public static Result runMethods(StudyGrid grid, EventSet train, long trainEnd, EventSet test,
      List<Method> methods) {
    double[] trainCounts = grid.counts(train);
    double[] testCounts = grid.counts(test);
    int nTrain = (int) sum(trainCounts);
    int nTest = (int) sum(testCounts);
    requireEnough(nTrain, nTest, " in the study area");
    List<MethodResult> out = new ArrayList<>();
    for (Method m : methods) {
      double[] risk = risk(m, grid, train, trainEnd);
      Scores s = new Scores(risk, testCounts, trainCounts);
      List<Scores.AtCoverage> at = new ArrayList<>();
      for (double c : COVERAGES) {
        at.add(s.at(c));
      }
      out.add(new MethodResult(m.name(), m.describe(), at, s.curve()));
    }
    return new Result(grid.size(), grid.cellSize(), nTrain, nTest, out);
  }

  /**
   * Refuses periods with fewer incidents than {@link #MIN_TRAIN} and {@link #MIN_TEST}: the
   * filter (its categories, area or periods) is at fault.
   */
  static void requireEnough(int nTrain, int nTest, String where) {
    if (nTrain < MIN_TRAIN || nTest < MIN_TEST) {
      throw new InvalidInputException("filter", "a backtest needs at least " + MIN_TRAIN
          + " training and " + MIN_TEST + " test incidents" + where + "; it has " + nTrain
          + " training and " + nTest + " test incidents");
    }
  }

  /** A method's risk per in-cell of the grid, from the training incidents alone. */
  public static double[] risk(Method m, StudyGrid grid, EventSet train, long trainEnd) {
    double[] w = null;
    if (m.halfLifeDays() > 0) {
      w = new double[train.size()];
      for (int i = 0; i < w.length; i++) {
        double ageDays = (trainEnd - train.epochSeconds()[i]) / 86_400.0;
        w[i] = Math.pow(0.5, Math.max(0, ageDays) / m.halfLifeDays());
      }
    }
    double[] counts = m.narrowBandwidth() > 0 && m.countShare() > 0
        ? kdeMass(grid, train, w, m.narrowBandwidth()) : grid.counts(train, w);
    if (m.countShare() == 1) {
      return counts;
    }
    double[] mass = kdeMass(grid, train, w, m.bandwidth());
    if (m.countShare() > 0) {
      for (int i = 0; i < mass.length; i++) {
        mass[i] = (1 - m.countShare()) * mass[i] + m.countShare() * counts[i];
      }
    }
    return mass;
  }

  /** Quartic KDE mass (incidents) in each in-cell, from a grid {@code k} times finer. */
  private static double[] kdeMass(StudyGrid grid, EventSet e, double[] weights, double bandwidth) {
    if (bandwidth <= 2 * grid.cellSize()) {
      return smallKernelMass(grid, e, weights, bandwidth);
    }
    GridSpec g = grid.gridSpec();
    int k = (int) Math.max(1, Math.min(MAX_REFINE, Math.ceil(4 * g.cellSize() / bandwidth)));
    GridSpec fine = new GridSpec(g.minX(), g.minY(), g.cellSize() / k, g.width() * k,
        g.height() * k);
    float[] v = new DensityEngine().compute(DensityRequest.of(Points.weighted(e.x(), e.y(),
        weights), fine, Kernel.QUARTIC, bandwidth)).values();
    float[] coarse = new float[g.width() * g.height()];
    double km2 = fine.cellAreaKm2();
    for (int r = 0; r < fine.height(); r++) {
      int cr = r / k;
      for (int c = 0; c < fine.width(); c++) {
        coarse[cr * g.width() + c / k] += (float) (v[r * fine.width() + c] * km2);
      }
    }
    return grid.sample(coarse);
  }

  /**
   * Quartic KDE mass per in-cell for kernels of at most two cells: each point's kernel is split
   * over the cells by a {@value #SAMPLES}² midpoint rule on its support square, exact to well
   * under 1 % of a point's weight, where binning on a sub-grid would smear a small kernel.
   */
  private static double[] smallKernelMass(StudyGrid grid, EventSet e, double[] weights,
      double bandwidth) {
    double[] ox = new double[SAMPLES * SAMPLES];
    double[] oy = new double[ox.length];
    double[] ow = new double[ox.length];
    double total = 0;
    int n = 0;
    for (int a = 0; a < SAMPLES; a++) {
      for (int b = 0; b < SAMPLES; b++) {
        double u = (a + 0.5) / SAMPLES * 2 - 1;
        double v = (b + 0.5) / SAMPLES * 2 - 1;
        double d2 = u * u + v * v;
        if (d2 < 1) {
          ox[n] = u * bandwidth;
          oy[n] = v * bandwidth;
          ow[n] = (1 - d2) * (1 - d2);
          total += ow[n++];
        }
      }
    }
    double[] out = new double[grid.size()];
    for (int i = 0; i < e.size(); i++) {
      double w = (weights == null ? 1 : weights[i]) / total;
      for (int k = 0; k < n; k++) {
        int c = grid.cellOf(e.x()[i] + ox[k], e.y()[i] + oy[k]);
        if (c >= 0) {
          out[c] += w * ow[k];
        }
      }
    }
    return out;
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
    sb.append(String.format("%-16s %8s %8s %8s   %8s %8s %8s   %6s %6s %6s%n", "method",
        "hit 1%", "hit 5%", "hit 10%", "PAI 1%", "PAI 5%", "PAI 10%", "RRI1%", "RRI5%", "RRI10%"));
    for (MethodResult m : r.methods()) {
      List<Scores.AtCoverage> s = m.scores();
      sb.append(String.format(java.util.Locale.ROOT,
          "%-16s %7.1f%% %7.1f%% %7.1f%%   %8.2f %8.2f %8.2f   %6s %6s %6s%n", m.method(),
          100 * s.get(0).hitRate(), 100 * s.get(1).hitRate(), 100 * s.get(2).hitRate(),
          s.get(0).pai(), s.get(1).pai(), s.get(2).pai(), rri(s.get(0)), rri(s.get(1)),
          rri(s.get(2))));
    }
    return sb.toString();
  }

  private static String rri(Scores.AtCoverage a) {
    return a.rri() == null ? "-" : String.format(java.util.Locale.ROOT, "%.2f", a.rri());
  }
}
