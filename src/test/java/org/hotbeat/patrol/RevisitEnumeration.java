package org.hotbeat.patrol;

import java.util.ArrayList;
import java.util.List;

/**
 * The optimum of a small {@link PatrolProblem} with revisit gaps by exhaustive enumeration: every
 * ordered sequence of unused candidates for each unit in turn, checked with
 * {@link PatrolProblem#feasible}. Exponential: for up to about 8 candidates and 2 units.
 */
final class RevisitEnumeration {
  private final PatrolProblem p;
  private final List<int[]> routes = new ArrayList<>();
  private final boolean[] used;
  private double best;

  private RevisitEnumeration(PatrolProblem p) {
    this.p = p;
    this.used = new boolean[p.candidates()];
  }

  static double bestRisk(PatrolProblem p) {
    RevisitEnumeration e = new RevisitEnumeration(p);
    e.unit(0, 0);
    return e.best;
  }

  /** Extend unit u's route (its current length {@code len}), or close it and go to the next unit. */
  private void unit(int u, double risk) {
    routes.add(new int[0]);
    extend(u, risk);
    routes.remove(routes.size() - 1);
  }

  private void extend(int u, double risk) {
    int[] r = routes.get(u);
    if (!p.feasible(routes)) {
      return;
    }
    if (u + 1 < p.units()) {
      unit(u + 1, risk);
    } else {
      best = Math.max(best, risk);
    }
    for (int c = 0; c < p.candidates(); c++) {
      if (!used[c]) {
        int[] longer = java.util.Arrays.copyOf(r, r.length + 1);
        longer[r.length] = c;
        used[c] = true;
        routes.set(u, longer);
        extend(u, risk + p.risk()[c]);
        routes.set(u, r);
        used[c] = false;
      }
    }
  }
}
