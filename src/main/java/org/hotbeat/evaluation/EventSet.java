package org.hotbeat.evaluation;

/**
 * Incidents as a backtest sees them: positions in metres (one metric plane for all sets compared)
 * and times in epoch seconds. Arrays are taken over, not copied.
 */
public record EventSet(double[] x, double[] y, long[] epochSeconds) {
  public EventSet {
    if (x.length != y.length || x.length != epochSeconds.length) {
      throw new IllegalArgumentException("x, y and times must have one value per incident");
    }
  }

  public int size() {
    return x.length;
  }

  /** The incidents with {@code from <= time < to}. */
  public EventSet between(long from, long to) {
    int n = 0;
    for (long t : epochSeconds) {
      n += t >= from && t < to ? 1 : 0;
    }
    double[] xs = new double[n];
    double[] ys = new double[n];
    long[] ts = new long[n];
    int k = 0;
    for (int i = 0; i < x.length; i++) {
      if (epochSeconds[i] >= from && epochSeconds[i] < to) {
        xs[k] = x[i];
        ys[k] = y[i];
        ts[k++] = epochSeconds[i];
      }
    }
    return new EventSet(xs, ys, ts);
  }
}
