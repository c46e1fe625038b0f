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
 * more fits; swap stops for unvisited, riskier candidates; then perturb (drop a few stops at random)
 * and repair, keeping the best plan. Different seeds give different near-optimal plans, which
 * patrol planning wants (unpredictability). Not thread-safe per call; stateless between calls.
 */
public final class OrienteeringSolver {
  private final PatrolProblem p;
  private final SplittableRandom random;
  private final List<List<Integer>> routes = new ArrayList<>();
  private final boolean[] visited;
  private final boolean revisits;
  private final int[] siteOwner;
  private static final double[] TIME_WEIGHTS = {1, 1, 0.5, 0};
  private double timeWeight = 1;
  /** Most near-optimal plans kept to choose from. */
  private static final int POOL = 64;

  private OrienteeringSolver(PatrolProblem p, long seed) {
    this.p = p;
    this.random = new SplittableRandom(seed);
    this.visited = new boolean[p.candidates()];
    this.revisits = p.hasRevisits();
    int sites = Arrays.stream(p.site()).max().orElse(-1) + 1;
    this.siteOwner = new int[sites];
    Arrays.fill(siteOwner, -1);
    for (int u = 0; u < p.units(); u++) {
      routes.add(new ArrayList<>());
    }
  }

  /** The best plan found in {@code iterations} rounds of perturbation and repair. */
  public static PatrolPlan solve(PatrolProblem p, long seed, int iterations) {
    return search(p, seed, iterations, 0);
  }

  /**
   * A plan drawn at random (by the seed) among the distinct plans found within {@code tolerance}
   * (a share, e.g. 0.01) of the best one's risk, each route then run forwards or backwards at
   * random where both fit: near-optimal, and not the same every night.
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
      s.improve();
      double r = s.risk();
      if (tolerance > 0 && r >= (1 - tolerance) * bestRisk && pool.size() < POOL) {
        pool.putIfAbsent(s.copy(), new double[] {r, s.unitsUsed()});
      }
      double span = s.span();
      if (r > bestRisk + 1e-9 || (r > bestRisk - 1e-9 && span < bestSpan - 1e-9)) {
        best = s.copy();
        bestRisk = r;
        bestSpan = span;
      } else if (s.random.nextInt(4) == 0) {
        s.restore(best);   // mostly walk on, sometimes go back to the best
      }
    }
    if (tolerance > 0) {
      double floor = (1 - tolerance) * bestRisk;
      List<List<List<Integer>>> near = new ArrayList<>();
      int used = 0;
      for (List<Integer> r : best) {
        used += r.isEmpty() ? 0 : 1;
      }
      int bestUsed = used;
      pool.forEach((plan, v) -> {
        if (v[0] >= floor - 1e-9 && v[1] >= bestUsed) {   // no plan that idles a unit the best uses
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

  /** Each route reversed with probability ½ where the reversed route keeps every rule. */
  private List<List<Integer>> reverseSome(List<List<Integer>> plan) {
    restore(plan);
    for (int u = 0; u < routes.size(); u++) {
      List<Integer> reversed = new ArrayList<>(routes.get(u));
      Collections.reverse(reversed);
      if (random.nextBoolean() && fits(u, reversed)) {
        routes.set(u, reversed);
      }
    }
    return copy();
  }

  /**
   * The longest route's share of its budget: among plans of equal risk the one that spreads the
   * work over the units (none idle while another runs all night) is preferred.
   */
  private double span() {
    double span = 0;
    for (int u = 0; u < routes.size(); u++) {
      span = Math.max(span, time(u, routes.get(u)) / p.budget()[u]);
    }
    return span;
  }

  private int unitsUsed() {
    return (int) routes.stream().filter(r -> !r.isEmpty()).count();
  }

  private double risk() {
    double r = 0;
    for (int c = 0; c < visited.length; c++) {
      r += visited[c] ? p.risk()[c] : 0;
    }
    return r;
  }

  private double time(int unit, List<Integer> route) {
    int[] stops = route.stream().mapToInt(Integer::intValue).toArray();
    return p.routeTime(unit, stops, stops.length);
  }

  private boolean fits(int unit, List<Integer> route) {
    return time(unit, route) <= p.budget()[unit] + 1e-9 && allowed(unit, route);
  }

  /** The rules besides the budget: the stop limit, and one unit per site. */
  private boolean allowed(int unit, List<Integer> route) {
    if (p.maxStops() > 0 && route.size() > p.maxStops()) {
      return false;
    }
    if (!revisits) {
      return true;
    }
    for (int c : route) {
      int owner = siteOwner[p.site()[c]];
      if (owner >= 0 && owner != unit) {
        return false;
      }
    }
    return true;
  }

  /** Which unit serves each site now (−1: none); after every committed change. */
  private void recount() {
    if (!revisits) {
      return;
    }
    Arrays.fill(siteOwner, -1);
    for (int u = 0; u < routes.size(); u++) {
      for (int c : routes.get(u)) {
        siteOwner[p.site()[c]] = u;
      }
    }
  }

  /**
   * Greedy insertion by risk per added second (to the power {@link #timeWeight});
   * {@code noise} randomises the choice a little.
   */
  private void repair(double noise) {
    while (true) {
      double bestScore = 0;
      int bestC = -1;
      int bestU = -1;
      int bestPos = -1;
      for (int c = 0; c < visited.length; c++) {
        if (visited[c] || p.risk()[c] <= 0) {
          continue;
        }
        for (int u = 0; u < routes.size(); u++) {
          List<Integer> r = routes.get(u);
          double before = time(u, r);
          for (int pos = 0; pos <= r.size(); pos++) {
            r.add(pos, c);
            double after = time(u, r);
            if (after <= p.budget()[u] + 1e-9 && allowed(u, r)) {
              double score = p.risk()[c] / Math.pow(Math.max(1, after - before), timeWeight)
                  * (1 + noise * random.nextDouble());
              if (score > bestScore) {
                bestScore = score;
                bestC = c;
                bestU = u;
                bestPos = pos;
              }
            }
            r.remove(pos);
          }
        }
      }
      if (bestC < 0) {
        return;
      }
      routes.get(bestU).add(bestPos, bestC);
      visited[bestC] = true;
      recount();
    }
  }

  /** Shorter routes (2-opt, relocation), then swaps with riskier unvisited candidates. */
  private void improve() {
    boolean better = true;
    while (better) {
      better = false;
      for (int u = 0; u < routes.size(); u++) {
        better |= shorten(u);
      }
      repair(0);
      better |= swap() || swapAndMove();
    }
  }

  private boolean shorten(int u) {
    List<Integer> r = routes.get(u);
    boolean any = false;
    boolean improved = true;
    while (improved) {
      improved = false;
      double t = time(u, r);
      for (int i = 0; i < r.size() && !improved; i++) {
        for (int j = i + 1; j < r.size() && !improved; j++) {
          Collections.reverse(r.subList(i, j + 1));
          double t2 = time(u, r);
          if (t2 < t - 1e-9 && allowed(u, r)) {
            improved = true;
          } else {
            Collections.reverse(r.subList(i, j + 1));
          }
        }
      }
      for (int i = 0; i < r.size() && !improved; i++) {
        int c = r.remove(i);
        for (int j = 0; j <= r.size() && !improved; j++) {
          if (j == i) {
            continue;
          }
          r.add(j, c);
          if (time(u, r) < t - 1e-9 && allowed(u, r)) {
            improved = true;
          } else {
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

  /** Replace one or two stops of a route by an unvisited candidate worth more, if it fits. */
  private boolean swap() {
    for (int c = 0; c < visited.length; c++) {
      if (visited[c]) {
        continue;
      }
      for (int u = 0; u < routes.size(); u++) {
        List<Integer> r = routes.get(u);
        for (int i = 0; i < r.size(); i++) {
          for (int j = i; j < r.size(); j++) {
            double lost = p.risk()[r.get(i)] + (j > i ? p.risk()[r.get(j)] : 0);
            if (p.risk()[c] <= lost + 1e-9) {
              continue;
            }
            List<Integer> trial = new ArrayList<>(r);
            int gone1 = trial.get(i);
            int gone2 = trial.get(j);
            if (j > i) {
              trial.remove(j);
            }
            trial.remove(i);
            for (int pos = 0; pos <= trial.size(); pos++) {
              trial.add(pos, c);
              if (fits(u, trial)) {
                routes.set(u, trial);
                visited[c] = true;
                visited[gone1] = false;
                visited[gone2] = j > i ? false : visited[gone2];
                recount();
                return true;
              }
              trial.remove(pos);
            }
          }
        }
      }
    }
    return false;
  }

  /**
   * Put an unvisited candidate in place of a stop of one route, moving that stop to another route
   * where it fits: what frees a unit for a place only it can reach in time or stops.
   */
  private boolean swapAndMove() {
    for (int c = 0; c < visited.length; c++) {
      if (visited[c] || p.risk()[c] <= 0) {
        continue;
      }
      for (int u = 0; u < routes.size(); u++) {
        for (int i = 0; i < routes.get(u).size(); i++) {
          List<Integer> trial = new ArrayList<>(routes.get(u));
          int gone = trial.remove(i);
          if (!insertSomewhere(u, trial, c)) {
            continue;
          }
          List<Integer> before = routes.get(u);
          routes.set(u, trial);   // so the other route's site check sees the change
          recount();
          for (int v = 0; v < routes.size(); v++) {
            List<Integer> other = new ArrayList<>(routes.get(v));
            if (v != u && insertSomewhere(v, other, gone)) {
              routes.set(v, other);
              visited[c] = true;
              recount();
              return true;
            }
          }
          routes.set(u, before);
          recount();
        }
      }
    }
    return false;
  }

  /** Insert c into route (unit u's) at the first position where it fits; false if none. */
  private boolean insertSomewhere(int u, List<Integer> route, int c) {
    for (int pos = 0; pos <= route.size(); pos++) {
      route.add(pos, c);
      if (fits(u, route)) {
        return true;
      }
      route.remove(pos);
    }
    return false;
  }

  private void perturb() {
    for (List<Integer> r : routes) {
      // Up to about half the stops, and now and then the whole route.
      int drop = r.isEmpty() ? 0
          : random.nextInt(10) == 0 ? r.size() : 1 + random.nextInt(1 + r.size() / 2);
      for (int k = 0; k < drop && !r.isEmpty(); k++) {
        visited[r.remove(random.nextInt(r.size()))] = false;
      }
    }
    recount();
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
    recount();
  }
}
