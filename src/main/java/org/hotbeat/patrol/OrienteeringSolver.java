package org.hotbeat.patrol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A fast near-optimal solver for {@link PatrolProblem}: iterated local search. Start from greedy
 * insertion (best risk per added second); improve each route's time by 2-opt and relocation so
 * more fits; swap stops for unvisited, riskier candidates, also moving a stop to another unit to
 * make room; then perturb (drop stops at random) and repair, keeping the best plan. Among plans
 * of equal risk the one that spreads the work over the units wins. Different seeds give different
 * near-optimal plans ({@link #solveVaried}), which patrol planning wants (unpredictability).
 *
 * <p>Insertions are priced in O(1) from the travel times around the insertion point
 * ({@link RouteClock}); only between the bounds this gives is a route timed in full.
 * Candidates of one site are interchangeable, so only the first unvisited one is tried. Not
 * thread-safe per call; stateless between calls.
 *
 * <p>Over 400 lines on purpose: every move (repair, 2-opt, relocation, swap, perturbation) reads
 * and updates in place the same routes, their times and waits, the visited and site-owner
 * arrays, in the inner loop of the search. Split into classes, they would pass that state around
 * or copy it per move; as one class the file reads top-down in the order a round runs: search,
 * timing, repair, improvement, perturbation.
 */
public final class OrienteeringSolver {
  private static final double EPS = 1e-9;
  /** Weights of the added time in the insertion score, drawn per round (see {@link #repair}). */
  private static final double[] TIME_WEIGHTS = {1, 1, 0.5, 0};
  /** Most near-optimal plans kept to choose from. */
  private static final int POOL = 64;
  /** Longest segment 2-opt reverses and farthest relocation in long routes, in stops. */
  private static final int WINDOW = 4;
  /** Routes up to this many stops are improved without the window. */
  private static final int SHORT_ROUTE = 12;
  /** Unvisited candidates tried by {@link #swapAndMove}, riskiest first. */
  private static final int MOVE_CANDIDATES = 8;

  private final PatrolProblem p;
  private final SplittableRandom random;
  private final List<List<Integer>> routes = new ArrayList<>();
  private final double[] time;
  private final boolean[] visited;
  private final int[] siteOwner;
  private final int[] previousCopy;
  private final Integer[] byRisk;
  /** Routes changed since {@link #shorten} last ran on them. */
  private final List<Boolean> dirty = new ArrayList<>();
  private final double[] wait;
  private final RouteClock clock;
  private double timeWeight = 1;

  private OrienteeringSolver(PatrolProblem p, long seed) {
    this.p = p;
    this.random = new SplittableRandom(seed);
    this.visited = new boolean[p.candidates()];
    this.time = new double[p.units()];
    this.wait = new double[p.units()];
    int sites = Arrays.stream(p.site()).max().orElse(-1) + 1;
    this.clock = new RouteClock(p, sites);
    this.siteOwner = new int[sites];
    Arrays.fill(siteOwner, -1);
    this.previousCopy = new int[p.candidates()];
    int[] last = new int[sites];
    Arrays.fill(last, -1);
    for (int c = 0; c < p.candidates(); c++) {
      previousCopy[c] = last[p.site()[c]];
      last[p.site()[c]] = c;
    }
    this.byRisk = new Integer[p.candidates()];
    for (int c = 0; c < byRisk.length; c++) {
      byRisk[c] = c;
    }
    Arrays.sort(byRisk, (a, b) -> Double.compare(p.risk()[b], p.risk()[a]));
    for (int u = 0; u < p.units(); u++) {
      routes.add(new ArrayList<>());
      dirty.add(true);
    }
    refresh();
  }

  /** The best plan found in {@code iterations} rounds of perturbation and repair. */
  public static PatrolPlan solve(PatrolProblem p, long seed, int iterations) {
    return search(p, seed, iterations, 0);
  }

  /**
   * A plan drawn at random (by the seed) among the distinct plans found within {@code tolerance}
   * (a share, e.g. 0.01) of the best one's risk that use as many units, each route then run
   * forwards or backwards at random where both fit: near-optimal, and not the same every night.
   */
  public static PatrolPlan solveVaried(PatrolProblem p, long seed, int iterations,
      double tolerance) {
    return search(p, seed, iterations, tolerance);
  }

  private static PatrolPlan search(PatrolProblem p, long seed, int iterations, double tolerance) {
    OrienteeringSolver s = new OrienteeringSolver(p, seed);
    s.repair(0);
    s.improve();
    List<List<Integer>> best = s.copy();
    double bestRisk = s.risk();
    double bestSpan = s.span();
    Map<List<List<Integer>>, double[]> pool = new LinkedHashMap<>();   // plan → {risk, units used}
    pool.put(best, new double[] {bestRisk, s.unitsUsed()});
    for (int it = 0; it < iterations; it++) {
      s.perturb();
      // Mostly risk per second; sometimes risk alone, which wins when stops, not time, run out.
      s.timeWeight = TIME_WEIGHTS[s.random.nextInt(TIME_WEIGHTS.length)];
      s.repair(0.3);
      s.timeWeight = 1;
      s.improve();
      double r = s.risk();
      if (tolerance > 0 && r >= (1 - tolerance) * bestRisk && pool.size() < POOL) {
        pool.putIfAbsent(s.copy(), new double[] {r, s.unitsUsed()});
      }
      double span = s.span();
      if (r > bestRisk + EPS || (r > bestRisk - EPS && span < bestSpan - EPS)) {
        best = s.copy();
        bestRisk = r;
        bestSpan = span;
      } else if (s.random.nextInt(4) == 0) {
        s.restore(best);   // mostly walk on, sometimes go back to the best
      }
    }
    if (tolerance > 0) {
      double floor = (1 - tolerance) * bestRisk;
      int bestUsed = (int) best.stream().filter(r -> !r.isEmpty()).count();
      List<List<List<Integer>>> near = new ArrayList<>();
      pool.forEach((plan, v) -> {
        if (v[0] >= floor - EPS && v[1] >= bestUsed) {   // no plan that idles a unit the best uses
          near.add(plan);
        }
      });
      near.add(best);
      best = s.reverseSome(near.get(s.random.nextInt(near.size())));
    }
    List<int[]> out = new ArrayList<>();
    double risk = 0;
    for (List<Integer> r : best) {
      out.add(r.stream().mapToInt(Integer::intValue).toArray());
      for (int c : r) {
        risk += p.risk()[c];
      }
    }
    return new PatrolPlan(out, risk);
  }

  // ---- timing (see RouteClock) ----

  private double exact(int u, List<Integer> route) {
    return clock.time(u, route);
  }

  /** {@link RouteClock#withInsertion}, knowing the unit's own route's sites from the owners. */
  private double withInsertion(int u, List<Integer> route, double base, double baseWait, int pos,
      int c) {
    if (p.maxStops() > 0 && route.size() >= p.maxStops()) {
      return Double.POSITIVE_INFINITY;
    }
    boolean sameSite = route == routes.get(u) ? siteOwner[p.site()[c]] == u
        : clock.hasSite(route, p.site()[c]);
    return clock.withInsertion(u, route, base, baseWait, pos, c, sameSite);
  }

  /** The first position where c fits in the route (lasting base, waiting baseWait), or −1. */
  private int firstFit(int u, List<Integer> route, double base, double baseWait, int c) {
    for (int pos = 0; pos <= route.size(); pos++) {
      if (withInsertion(u, route, base, baseWait, pos, c) < Double.POSITIVE_INFINITY) {
        return pos;
      }
    }
    return -1;
  }

  // ---- state ----

  /** Unvisited, and the first unvisited visit of its site (the others are the same). */
  private boolean open(int c) {
    return !visited[c] && p.risk()[c] > 0 && (previousCopy[c] < 0 || visited[previousCopy[c]]);
  }

  private boolean mayServe(int u, int c) {
    int owner = siteOwner[p.site()[c]];
    return owner < 0 || owner == u;
  }

  /** Times and site owners again, after routes changed. */
  private void refresh() {
    Arrays.fill(siteOwner, -1);
    for (int u = 0; u < routes.size(); u++) {
      time[u] = exact(u, routes.get(u));
      wait[u] = clock.lastWait();
      dirty.set(u, true);
      for (int c : routes.get(u)) {
        siteOwner[p.site()[c]] = u;
      }
    }
  }

  private double risk() {
    double r = 0;
    for (int c = 0; c < visited.length; c++) {
      r += visited[c] ? p.risk()[c] : 0;
    }
    return r;
  }

  /**
   * The longest route's share of its budget: among plans of equal risk the one that spreads the
   * work over the units (none idle while another runs all night) is preferred.
   */
  private double span() {
    double span = 0;
    for (int u = 0; u < routes.size(); u++) {
      span = Math.max(span, time[u] / p.budget()[u]);
    }
    return span;
  }

  private int unitsUsed() {
    return (int) routes.stream().filter(r -> !r.isEmpty()).count();
  }

  // ---- moves ----

  /**
   * Greedy insertion by risk per added second (to the power {@link #timeWeight});
   * {@code noise} randomises the choice a little.
   */
  private void repair(double noise) {
    Insertion best = new Insertion();
    while (true) {
      best.score = 0;
      best.c = -1;
      forOpenPairs((c, u, r) -> {
        for (int pos = 0; pos <= r.size(); pos++) {
          double after = withInsertion(u, r, time[u], wait[u], pos, c);
          if (after < Double.POSITIVE_INFINITY) {
            double added = Math.max(1, after - time[u]);
            double score = p.risk()[c]
                / (timeWeight == 1 ? added : Math.pow(added, timeWeight))
                * (noise == 0 ? 1 : 1 + noise * random.nextDouble());
            if (score > best.score) {
              best.score = score;
              best.c = c;
              best.u = u;
              best.pos = pos;
            }
          }
        }
        return false;
      });
      if (best.c < 0) {
        return;
      }
      routes.get(best.u).add(best.pos, best.c);
      visited[best.c] = true;
      siteOwner[p.site()[best.c]] = best.u;
      time[best.u] = exact(best.u, routes.get(best.u));
      wait[best.u] = clock.lastWait();
      dirty.set(best.u, true);
    }
  }

  /** The best insertion found so far in one round of {@link #repair}. */
  private static final class Insertion {
    double score;
    int c;
    int u;
    int pos;
  }

  /** What to do with an open candidate {@code c} and a unit {@code u} that may serve it. */
  @FunctionalInterface
  private interface PairAction {
    /** @return true to stop looking */
    boolean apply(int c, int u, List<Integer> route);
  }

  /**
   * Calls {@code action} for each open candidate and each unit that may serve it, in order, until
   * it returns true; returns whether it did.
   */
  private boolean forOpenPairs(PairAction action) {
    for (int c = 0; c < visited.length; c++) {
      if (!open(c)) {
        continue;
      }
      for (int u = 0; u < routes.size(); u++) {
        if (mayServe(u, c) && action.apply(c, u, routes.get(u))) {
          return true;
        }
      }
    }
    return false;
  }

  /** Shorter routes (2-opt, relocation), then swaps with riskier unvisited candidates. */
  private void improve() {
    boolean better = true;
    while (better) {
      better = false;
      for (int u = 0; u < routes.size(); u++) {
        if (dirty.get(u)) {
          better |= shorten(u);
          dirty.set(u, false);
        }
      }
      repair(0);
      better |= swap() || swapAndMove();
    }
  }

  /** Takes route {@code r} as unit {@code u}'s when it is shorter; says whether it was. */
  private boolean keepIfShorter(int u, List<Integer> r) {
    double t2 = exact(u, r);
    if (t2 < time[u] - EPS) {
      time[u] = t2;
      wait[u] = clock.lastWait();
      return true;
    }
    return false;
  }

  private boolean shorten(int u) {
    List<Integer> r = routes.get(u);
    int window = r.size() <= SHORT_ROUTE ? r.size() + 1 : WINDOW;
    boolean any = false;
    boolean improved = true;
    while (improved) {
      improved = false;
      for (int i = 0; i < r.size() && !improved; i++) {
        for (int j = i + 1; j < Math.min(r.size(), i + window) && !improved; j++) {
          Collections.reverse(r.subList(i, j + 1));
          improved = keepIfShorter(u, r);
          if (!improved) {
            Collections.reverse(r.subList(i, j + 1));
          }
        }
      }
      for (int i = 0; i < r.size() && !improved; i++) {
        int c = r.remove(i);
        for (int j = Math.max(0, i - window); j <= Math.min(r.size(), i + window) && !improved;
            j++) {
          if (j == i) {
            continue;
          }
          r.add(j, c);
          improved = keepIfShorter(u, r);
          if (!improved) {
            r.remove(j);
          }
        }
        if (!improved) {
          r.add(i, c);
        }
      }
      any |= improved;
    }
    return any;
  }

  /** Replace one stop, or two neighbouring ones, by an unvisited candidate worth more. */
  private boolean swap() {
    return forOpenPairs((c, u, r) -> {
      for (int i = 0; i < r.size(); i++) {
        for (int j = i; j < Math.min(i + 2, r.size()); j++) {
          double lost = p.risk()[r.get(i)] + (j > i ? p.risk()[r.get(j)] : 0);
          if (p.risk()[c] <= lost + EPS) {
            continue;
          }
          List<Integer> trial = new ArrayList<>(r);
          if (j > i) {
            trial.remove(j);
          }
          trial.remove(i);
          int pos = firstFit(u, trial, exact(u, trial), clock.lastWait(), c);
          if (pos >= 0) {
            visited[r.get(i)] = false;
            visited[r.get(j)] = false;
            trial.add(pos, c);
            visited[c] = true;
            routes.set(u, trial);
            refresh();
            return true;
          }
        }
      }
      return false;
    });
  }

  /**
   * Put an unvisited candidate in place of a stop of one route, moving that stop to another route
   * where it fits: what frees a unit for a place only it can reach in time or stops.
   */
  private boolean swapAndMove() {
    int tried = 0;
    for (int k = 0; k < byRisk.length && tried < MOVE_CANDIDATES; k++) {
      int c = byRisk[k];
      if (!open(c)) {
        continue;
      }
      tried++;
      for (int u = 0; u < routes.size(); u++) {
        if (!mayServe(u, c)) {
          continue;
        }
        for (int i = 0; i < routes.get(u).size(); i++) {
          List<Integer> trial = new ArrayList<>(routes.get(u));
          int gone = trial.remove(i);
          if (p.site()[gone] == p.site()[c] || clock.hasSite(trial, p.site()[gone])) {
            continue;   // a site stays with one unit: move only a site's single visit
          }
          int pos = firstFit(u, trial, exact(u, trial), clock.lastWait(), c);
          if (pos < 0) {
            continue;
          }
          for (int v = 0; v < routes.size(); v++) {
            List<Integer> other = routes.get(v);
            if (v == u) {
              continue;
            }
            int at = firstFit(v, other, time[v], wait[v], gone);
            if (at >= 0) {
              other.add(at, gone);
              trial.add(pos, c);
              routes.set(u, trial);
              visited[c] = true;
              refresh();
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  private void perturb() {
    // A third each: a neighbourhood planned afresh, whole sites (with revisits), random stops.
    int kind = random.nextInt(3);
    if (kind == 2 || (kind == 1 && siteOwner.length < p.candidates())) {
      if (kind == 2) {
        dropNeighbourhood();
      } else {
        dropSites();   // with revisits, a site changes unit only when all its visits go
      }
      return;
    }
    int chosen = random.nextInt(routes.size());
    for (int u = 0; u < routes.size(); u++) {
      List<Integer> r = routes.get(u);
      if (u != chosen && random.nextBoolean()) {
        continue;   // each round shakes some routes, at least one
      }
      // Short routes: up to about half the stops, now and then all. Long ones: a few.
      int drop = r.isEmpty() ? 0
          : r.size() > 8 ? 1 + random.nextInt(1 + r.size() / 6)
          : random.nextInt(10) == 0 ? r.size() : 1 + random.nextInt(1 + r.size() / 2);
      for (int k = 0; k < drop && !r.isEmpty(); k++) {
        visited[r.remove(random.nextInt(r.size()))] = false;
      }
    }
    refresh();
  }

  /**
   * Takes every visit of the few sites nearest to a random visited one off the routes, whichever
   * unit serves them: a region is planned afresh, and may change hands between units.
   */
  private void dropNeighbourhood() {
    List<Integer> served = new ArrayList<>();
    for (int c = 0; c < visited.length; c++) {
      if (visited[c]) {
        served.add(c);
      }
    }
    if (served.isEmpty()) {
      return;
    }
    int centre = served.get(random.nextInt(served.size()));
    double[][] t = p.travel()[0];
    Integer[] near = served.toArray(Integer[]::new);
    Arrays.sort(near, (a, b) -> Double.compare(t[centre][a] + t[a][centre],
        t[centre][b] + t[b][centre]));
    int sites = 2 + random.nextInt(5);
    boolean[] drop = new boolean[siteOwner.length];
    for (int i = 0, taken = 0; i < near.length && taken < sites; i++) {
      int s = p.site()[near[i]];
      if (!drop[s]) {
        drop[s] = true;
        taken++;
      }
    }
    for (List<Integer> r : routes) {
      r.removeIf(c -> {
        boolean gone = drop[p.site()[c]];
        visited[c] &= !gone;
        return gone;
      });
    }
    refresh();
  }

  /** Takes every visit of one or two random served sites off the routes. */
  private void dropSites() {
    for (int k = 1 + random.nextInt(2); k > 0; k--) {
      int site = p.site()[random.nextInt(p.candidates())];
      if (siteOwner[site] < 0) {
        continue;
      }
      routes.get(siteOwner[site]).removeIf(c -> {
        boolean gone = p.site()[c] == site;
        visited[c] &= !gone;
        return gone;
      });
    }
    refresh();
  }

  /** Each route reversed with probability ½ where the reversed route keeps within budget. */
  private List<List<Integer>> reverseSome(List<List<Integer>> plan) {
    restore(plan);
    for (int u = 0; u < routes.size(); u++) {
      List<Integer> reversed = new ArrayList<>(routes.get(u));
      Collections.reverse(reversed);
      if (random.nextBoolean() && exact(u, reversed) <= p.budget()[u] + EPS) {
        routes.set(u, reversed);
      }
    }
    return copy();
  }

  private List<List<Integer>> copy() {
    List<List<Integer>> c = new ArrayList<>();
    routes.forEach(r -> c.add(new ArrayList<>(r)));
    return c;
  }

  private void restore(List<List<Integer>> plan) {
    Arrays.fill(visited, false);
    for (int u = 0; u < routes.size(); u++) {
      routes.set(u, new ArrayList<>(plan.get(u)));
      plan.get(u).forEach(c -> visited[c] = true);
    }
    refresh();
  }
}
