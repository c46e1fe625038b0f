package org.hotbeat.patrol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The optimum by dynamic programming over subsets, for checking heuristics on small instances
 * (up to {@value #MAX_CANDIDATES} candidates, 1 or 2 units). For each unit, {@code best[mask][last]}
 * is the shortest time from its start through the stops of {@code mask} ending at {@code last};
 * a mask is feasible when the shortest way back to the end fits the budget. Two units take
 * disjoint feasible masks. Stateless.
 */
public final class ExactSolver {
  public static final int MAX_CANDIDATES = 12;

  private ExactSolver() {}

  public static PatrolPlan solve(PatrolProblem p) {
    int n = p.candidates();
    if (n > MAX_CANDIDATES || p.units() < 1 || p.units() > 2) {
      throw new IllegalArgumentException("the exact solver takes up to " + MAX_CANDIDATES
          + " candidates and 1 or 2 units");
    }
    if (p.hasRevisits() && p.minGap() > 0) {
      throw new IllegalArgumentException("the exact solver does not take revisit gaps");
    }
    int full = 1 << n;
    double[] prize = new double[full];
    for (int mask = 1; mask < full; mask++) {
      int low = Integer.numberOfTrailingZeros(mask);
      prize[mask] = prize[mask & (mask - 1)] + p.risk()[low];
    }
    int[][][] order = new int[p.units()][][];
    boolean[][] feasible = new boolean[p.units()][];
    for (int u = 0; u < p.units(); u++) {
      order[u] = new int[full][];
      feasible[u] = feasibleMasks(p, u, order[u]);
    }
    if (p.units() == 1) {
      int best = 0;
      for (int mask = 0; mask < full; mask++) {
        if (feasible[0][mask] && prize[mask] > prize[best]) {
          best = mask;
        }
      }
      return new PatrolPlan(List.of(order[0][best]), prize[best]);
    }
    // For unit 2: the best feasible subset of each mask (subset DP).
    int[] bestSub = new int[full];
    for (int mask = 0; mask < full; mask++) {
      bestSub[mask] = feasible[1][mask] ? mask : 0;
      for (int rest = mask; rest != 0; rest &= rest - 1) {
        int without = mask & ~Integer.lowestOneBit(rest);
        if (prize[bestSub[without]] > prize[bestSub[mask]]) {
          bestSub[mask] = bestSub[without];
        }
      }
    }
    int bestA = 0;
    int bestB = 0;
    for (int a = 0; a < full; a++) {
      if (feasible[0][a]) {
        int b = bestSub[(full - 1) & ~a];
        if (prize[a] + prize[b] > prize[bestA] + prize[bestB]) {
          bestA = a;
          bestB = b;
        }
      }
    }
    return new PatrolPlan(List.of(order[0][bestA], order[1][bestB]),
        prize[bestA] + prize[bestB]);
  }

  /** Which masks unit u can serve in budget; {@code order[mask]} gets a fastest order. */
  private static boolean[] feasibleMasks(PatrolProblem p, int u, int[][] order) {
    int n = p.candidates();
    int full = 1 << n;
    double[][] t = p.travel()[u];
    double[][] best = new double[full][n];
    int[][] prev = new int[full][n];
    for (double[] row : best) {
      Arrays.fill(row, Double.POSITIVE_INFINITY);
    }
    for (int i = 0; i < n; i++) {
      best[1 << i][i] = t[p.start()[u]][i] + p.dwell()[i];
      prev[1 << i][i] = -1;
    }
    for (int mask = 1; mask < full; mask++) {
      for (int last = 0; last < n; last++) {
        double b = best[mask][last];
        if (b > p.budget()[u]) {
          continue;
        }
        for (int next = 0; next < n; next++) {
          if ((mask & (1 << next)) == 0) {
            double c = b + t[last][next] + p.dwell()[next];
            int m2 = mask | (1 << next);
            if (c < best[m2][next]) {
              best[m2][next] = c;
              prev[m2][next] = last;
            }
          }
        }
      }
    }
    boolean[] ok = new boolean[full];
    ok[0] = t[p.start()[u]][p.end()[u]] <= p.budget()[u];
    order[0] = new int[0];
    for (int mask = 1; mask < full; mask++) {
      int bestLast = -1;
      double bestTime = Double.POSITIVE_INFINITY;
      for (int last = 0; last < n; last++) {
        double time = best[mask][last] + t[last][p.end()[u]];
        if (time < bestTime) {
          bestTime = time;
          bestLast = last;
        }
      }
      ok[mask] = bestTime <= p.budget()[u] + 1e-9
          && (p.maxStops() == 0 || Integer.bitCount(mask) <= p.maxStops());
      if (ok[mask]) {
        List<Integer> stops = new ArrayList<>();
        for (int m = mask, at = bestLast; at >= 0; ) {
          stops.add(0, at);
          int before = prev[m][at];
          m &= ~(1 << at);
          at = before;
        }
        order[mask] = stops.stream().mapToInt(Integer::intValue).toArray();
      }
    }
    return ok;
  }
}
