package org.hotbeat.evaluation;

import java.util.Arrays;

/**
 * How well a risk surface foretold a test period, at a share of the study area:
 * <ul>
 *   <li><b>hit rate</b>: the share of test incidents in the highest-risk cells covering that
 *       share of the area;</li>
 *   <li><b>PAI</b>, the predictive accuracy index (Chainey, Tompson and Uhlig 2008): hit rate /
 *       area share;</li>
 *   <li><b>RRI</b>, the recapture rate index (Levine 2008): (test incidents in those cells / training
 *       incidents in them) / (all test incidents / all training incidents).</li>
 * </ul>
 * Cells of equal risk are taken in no particular order: where a share of the area ends inside a
 * group of equal cells, the group counts pro rata (the expected value over every order), so
 * a surface of many equal values gets no luck from the cell numbering.
 */
public final class Scores {
  /** Scores at one coverage. */
  public record AtCoverage(double coverage, double hitRate, double pai, Double rri) {}

  private final double[] risk;
  private final double[] test;
  private final double[] train;
  private final Integer[] order;
  private final double testTotal;
  private final double trainTotal;

  /**
   * @param risk the method's risk per cell (higher is riskier)
   * @param test test-period incidents per cell
   * @param train training-period incidents per cell (for RRI)
   */
  public Scores(double[] risk, double[] test, double[] train) {
    this.risk = risk;
    this.test = test;
    this.train = train;
    order = new Integer[risk.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(risk[b], risk[a]));
    testTotal = Arrays.stream(test).sum();
    trainTotal = Arrays.stream(train).sum();
  }

  /** Scores when the top {@code coverage} (0–1] of the cells are flagged. */
  public AtCoverage at(double coverage) {
    double k = coverage * risk.length;
    double hits = captured(test, k);
    double hitRate = testTotal == 0 ? 0 : hits / testTotal;
    double trainHits = captured(train, k);
    Double rri = trainHits == 0 || testTotal == 0 || trainTotal == 0 ? null
        : (hits / trainHits) / (testTotal / trainTotal);
    return new AtCoverage(coverage, hitRate, hitRate / (k / risk.length), rri);
  }

  /** Hit rate at each percentage of the area, 0 to 100. */
  public double[] curve() {
    double[] out = new double[101];
    for (int p = 1; p <= 100; p++) {
      out[p] = testTotal == 0 ? 0 : captured(test, p / 100.0 * risk.length) / testTotal;
    }
    return out;
  }

  /** Sum of {@code values} over the first {@code k} cells by risk, ties pro rata. */
  private double captured(double[] values, double k) {
    double sum = 0;
    int i = 0;
    while (i < order.length && i < k) {
      int j = i;
      double groupSum = 0;
      while (j < order.length && risk[order[j]] == risk[order[i]]) {
        groupSum += values[order[j]];
        j++;
      }
      double taken = Math.min(k, j) - i;
      sum += groupSum * taken / (j - i);
      i = j;
    }
    return sum;
  }
}
