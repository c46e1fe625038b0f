package org.hotbeat.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Places points on and near the streets of a {@link TownPlan}: by length (weighted per category
 * and street class), and by snapping a free point to its nearest street. Coordinates in metres.
 * Immutable after construction and safe to share; the random source is the caller's.
 */
final class StreetIndex {
  private static final double CELL = 100;
  /** Standard deviation of an incident's offset from the street's centre line, metres. */
  static final double STREET_OFFSET_SIGMA = 8;

  private final double[] x1;
  private final double[] y1;
  private final double[] dx;
  private final double[] dy;
  private final double[] length;
  private final double[][] cdfByCategory;
  private final int cols;
  private final int rows;
  private final int[][] cells;

  StreetIndex(TownPlan plan) {
    List<TownPlan.Segment> segs = plan.segments();
    int n = segs.size();
    x1 = new double[n];
    y1 = new double[n];
    dx = new double[n];
    dy = new double[n];
    length = new double[n];
    for (int i = 0; i < n; i++) {
      TownPlan.Segment s = segs.get(i);
      x1[i] = s.x1();
      y1[i] = s.y1();
      dx[i] = s.x2() - s.x1();
      dy[i] = s.y2() - s.y1();
      length[i] = s.length();
    }
    cdfByCategory = new double[Category.values().length][];
    for (Category c : Category.values()) {
      double[] w = new double[n];
      for (int i = 0; i < n; i++) {
        w[i] = length[i] * c.streetClassWeights[segs.get(i).streetClass().ordinal()];
      }
      cdfByCategory[c.ordinal()] = Category.cumulative(w);
    }
    cols = (int) Math.ceil(TownPlan.WIDTH / CELL) + 1;
    rows = (int) Math.ceil(TownPlan.HEIGHT / CELL) + 1;
    List<List<Integer>> lists = new ArrayList<>(cols * rows);
    for (int i = 0; i < cols * rows; i++) {
      lists.add(new ArrayList<>());
    }
    for (int i = 0; i < n; i++) {
      int c0 = col(Math.min(x1[i], x1[i] + dx[i])), c1 = col(Math.max(x1[i], x1[i] + dx[i]));
      int r0 = row(Math.min(y1[i], y1[i] + dy[i])), r1 = row(Math.max(y1[i], y1[i] + dy[i]));
      for (int c = c0; c <= c1; c++) {
        for (int r = r0; r <= r1; r++) {
          lists.get(r * cols + c).add(i);
        }
      }
    }
    cells = new int[cols * rows][];
    for (int i = 0; i < cells.length; i++) {
      cells[i] = lists.get(i).stream().mapToInt(Integer::intValue).toArray();
    }
  }

  /** A point near a street drawn in proportion to street length weighted for {@code category}. */
  void alongStreets(Category category, SplittableRandom random, double[] out) {
    double[] cdf = cdfByCategory[category.ordinal()];
    int i = Arrays.binarySearch(cdf, random.nextDouble());
    i = i >= 0 ? i : Math.min(-i - 1, cdf.length - 1);
    double t = random.nextDouble();
    offsetFrom(i, x1[i] + t * dx[i], y1[i] + t * dy[i], random, out);
  }

  /** Moves the point ({@code x}, {@code y}) to near its nearest street. */
  void snap(double x, double y, SplittableRandom random, double[] out) {
    int c = col(x), r = row(y);
    double best = Double.MAX_VALUE;
    int bestSeg = -1;
    double bestT = 0;
    for (int ring = 0; ring < Math.max(cols, rows); ring++) {
      if (bestSeg >= 0 && best <= (ring - 1) * CELL) {
        break;
      }
      for (int cc = c - ring; cc <= c + ring; cc++) {
        for (int rr = r - ring; rr <= r + ring; rr++) {
          boolean onRing = Math.abs(cc - c) == ring || Math.abs(rr - r) == ring;
          if (!onRing || cc < 0 || rr < 0 || cc >= cols || rr >= rows) {
            continue;
          }
          for (int s : cells[rr * cols + cc]) {
            double t = ((x - x1[s]) * dx[s] + (y - y1[s]) * dy[s]) / (length[s] * length[s]);
            t = Math.max(0, Math.min(1, t));
            double d = Math.hypot(x1[s] + t * dx[s] - x, y1[s] + t * dy[s] - y);
            if (d < best) {
              best = d;
              bestSeg = s;
              bestT = t;
            }
          }
        }
      }
    }
    offsetFrom(bestSeg, x1[bestSeg] + bestT * dx[bestSeg], y1[bestSeg] + bestT * dy[bestSeg],
        random, out);
  }

  private void offsetFrom(int s, double px, double py, SplittableRandom random, double[] out) {
    double off = Gaussian.next(random) * STREET_OFFSET_SIGMA;
    double nx = -dy[s] / length[s], ny = dx[s] / length[s];
    out[0] = clamp(px + off * nx, TownPlan.WIDTH);
    out[1] = clamp(py + off * ny, TownPlan.HEIGHT);
  }

  /** Keeps points 1 m inside the town, so that every valid incident lies in a beat. */
  private static double clamp(double v, double max) {
    return Math.max(1, Math.min(max - 1, v));
  }

  private int col(double x) {
    return Math.max(0, Math.min(cols - 1, (int) Math.floor(x / CELL)));
  }

  private int row(double y) {
    return Math.max(0, Math.min(rows - 1, (int) Math.floor(y / CELL)));
  }
}
