package org.hotbeat.patrol;

import java.util.List;

/**
 * Times routes of a {@link PatrolProblem} for the solver: a route's exact time in one pass (waits
 * for revisits included, as {@link PatrolProblem#routeTime}), and the cheap bounds that price an
 * insertion without timing the whole route. One per solver run; not thread-safe (it keeps scratch
 * arrays per site).
 */
final class RouteClock {
  private static final double EPS = 1e-9;
  private final PatrolProblem p;
  /** When each site was last visited in the current pass; valid where {@link #stamp} = pass. */
  private final double[] lastBegin;
  private final int[] stamp;
  private int pass;
  private double lastWait;

  RouteClock(PatrolProblem p, int sites) {
    this.p = p;
    this.lastBegin = new double[sites];
    this.stamp = new int[sites];
  }

  /** The exact time of unit u's route; {@link #lastWait} then gives the time it waits. */
  double time(int u, List<Integer> route) {
    double[][] t = p.travel()[u];
    int[] site = p.site();
    double gap = p.minGap();
    pass++;
    int at = p.start()[u];
    double now = 0;
    double waited = 0;
    for (int i = 0, n = route.size(); i < n; i++) {
      int c = route.get(i);
      now += t[at][c];
      if (gap > 0) {
        int s = site[c];
        if (stamp[s] == pass && lastBegin[s] + gap > now) {
          waited += lastBegin[s] + gap - now;
          now = lastBegin[s] + gap;
        }
        stamp[s] = pass;
        lastBegin[s] = now;
      }
      now += p.dwell()[c];
      at = c;
    }
    lastWait = waited;
    return now + t[at][p.end()[u]];
  }

  /** Time waited on the route last timed by {@link #time}. */
  double lastWait() {
    return lastWait;
  }

  /** Time added by putting c at {@code pos} of unit u's route, waits left aside. */
  double delta(int u, List<Integer> route, int pos, int c) {
    double[][] t = p.travel()[u];
    int a = pos == 0 ? p.start()[u] : route.get(pos - 1);
    int b = pos == route.size() ? p.end()[u] : route.get(pos);
    return t[a][c] + p.dwell()[c] + t[c][b] - t[a][b];
  }

  /**
   * The time unit u's route (now lasting {@code base}, of which {@code baseWait} waiting) lasts
   * with c at {@code pos}, or +∞ when that is over budget. The insertion adds {@code delta} of
   * travel and dwell; existing waits can absorb at most {@code baseWait} of it, so
   * base + delta − baseWait bounds the new time from below. Without a visit to c's site on the
   * route ({@code sameSite} false), base + delta also bounds it from above (c itself never
   * waits, later stops wait less if at all). Only between the bounds is the route timed in full.
   */
  double withInsertion(int u, List<Integer> route, double base, double baseWait, int pos, int c,
      boolean sameSite) {
    double bound = base + delta(u, route, pos, c);
    if (bound - baseWait > p.budget()[u] + EPS) {
      return Double.POSITIVE_INFINITY;
    }
    if (!sameSite && bound <= p.budget()[u] + EPS) {
      return bound;
    }
    route.add(pos, c);
    double t = time(u, route);
    route.remove(pos);
    return t <= p.budget()[u] + EPS ? t : Double.POSITIVE_INFINITY;
  }

  /** True when the route visits the site. */
  boolean hasSite(List<Integer> route, int site) {
    for (int c : route) {
      if (p.site()[c] == site) {
        return true;
      }
    }
    return false;
  }
}
