package org.hotbeat.patrol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrienteeringSolverTest {
  /**
   * A random instance in a 4 × 4 km square: candidates with integer risks, a 12-minute dwell,
   * one or two units from a station in the middle, travel at 8 m/s (car) or 1.4 m/s (foot, the
   * second unit), and a budget that fits about half the candidates.
   */
  static PatrolProblem instance(long seed, int n, int units) {
    Random r = new Random(seed);
    int nodes = n + 1;
    double[][] xy = new double[nodes][];
    for (int i = 0; i < n; i++) {
      xy[i] = new double[] {r.nextDouble() * 4000, r.nextDouble() * 4000};
    }
    xy[n] = new double[] {2000, 2000};
    double[][][] travel = new double[units][nodes][nodes];
    double[] budget = new double[units];
    int[] start = new int[units];
    int[] end = new int[units];
    for (int u = 0; u < units; u++) {
      double speed = u == 0 ? 8 : 1.4;
      for (int a = 0; a < nodes; a++) {
        for (int b = 0; b < nodes; b++) {
          travel[u][a][b] = Math.hypot(xy[a][0] - xy[b][0], xy[a][1] - xy[b][1]) * 1.3 / speed;
        }
      }
      start[u] = n;
      end[u] = n;
      budget[u] = (u == 0 ? 3 : 2) * 3600;
    }
    double[] risk = new double[n];
    double[] dwell = new double[n];
    for (int i = 0; i < n; i++) {
      risk[i] = 1 + r.nextInt(20);
      dwell[i] = 720;
    }
    return new PatrolProblem(n, risk, dwell, travel, start, end, budget);
  }

  /** On every small random instance the heuristic finds the exact optimum's risk. */
  @ParameterizedTest(name = "{1} candidates, {2} unit(s)")
  @CsvSource(textBlock = """
      100, 6, 1
      200, 9, 1
      300, 7, 2
      400, 9, 2
      """)
  void matchesTheExactOptimumOnSmallInstances(long seedBase, int n, int units) {
    for (int k = 0; k < 40; k++) {
      PatrolProblem p = instance(seedBase + k, n, units);
      PatrolPlan exact = ExactSolver.solve(p);
      PatrolPlan heuristic = OrienteeringSolver.solve(p, k, 300);
      assertEquals(exact.risk(), heuristic.risk(), 1e-9, "instance " + (seedBase + k) + ": exact "
          + exact + ", heuristic " + heuristic);
      assertFeasible(p, heuristic);
    }
  }

  @Test
  void plansRespectEveryBudgetAndVisitEachStopOnce() {
    PatrolProblem p = instance(7, 12, 2);
    PatrolPlan plan = OrienteeringSolver.solve(p, 1, 300);
    assertFeasible(p, plan);
    assertTrue(plan.risk() > 0);
  }

  @Test
  void everySeedReachesTheOptimum() {
    PatrolProblem p = instance(11, 9, 1);
    double best = ExactSolver.solve(p).risk();
    for (long seed = 0; seed < 10; seed++) {
      assertEquals(best, OrienteeringSolver.solve(p, seed, 300).risk(), 1e-9, "seed " + seed);
    }
  }

  /** With a stop limit the heuristic still finds the optimum, and keeps the limit. */
  @Test
  void keepsTheStopLimitAndStillFindsTheOptimum() {
    for (int k = 0; k < 20; k++) {
      PatrolProblem q = instance(500 + k, 9, 2);
      PatrolProblem p = new PatrolProblem(q.candidates(), q.risk(), q.dwell(), q.travel(),
          q.start(), q.end(), q.budget(), q.site(), 0, 2);
      PatrolPlan exact = ExactSolver.solve(p);
      PatrolPlan heuristic = OrienteeringSolver.solve(p, k, 300);
      assertEquals(exact.risk(), heuristic.risk(), 1e-9, "instance " + (500 + k) + ": exact " + exact + ", heuristic " + heuristic + " risks " + java.util.Arrays.toString(p.risk()));
      assertTrue(p.feasible(heuristic.routes()));
    }
  }

  /**
   * Revisits: three sites with two or three visits each, visits to a site at least 40 minutes
   * apart. The heuristic finds the risk of exhaustive enumeration on every instance.
   */
  @ParameterizedTest(name = "{1} unit(s)")
  @CsvSource({"600, 1", "700, 2"})
  void revisitsMatchExhaustiveEnumerationAndKeepTheGap(long seedBase, int units) {
    for (int k = 0; k < 15; k++) {
      PatrolProblem p = revisitInstance(seedBase + k, units);
      double best = RevisitEnumeration.bestRisk(p);
      PatrolPlan heuristic = OrienteeringSolver.solve(p, k, 300);
      assertTrue(p.feasible(heuristic.routes()), "infeasible " + heuristic);
      assertEquals(best, heuristic.risk(), 1e-9, "instance " + (seedBase + k) + ": " + heuristic);
    }
  }

  /** Sites in a 3 × 3 km square, two or three visits each (the visits share the site's risk). */
  private static PatrolProblem revisitInstance(long seed, int units) {
    Random r = new Random(seed);
    int sites = 3;
    int[] visits = {2 + r.nextInt(2), 2, 2 + r.nextInt(2)};
    int n = visits[0] + visits[1] + visits[2];
    double[][] sxy = new double[sites][];
    double[] srisk = new double[sites];
    for (int s = 0; s < sites; s++) {
      sxy[s] = new double[] {r.nextDouble() * 3000, r.nextDouble() * 3000};
      srisk[s] = 6 + r.nextInt(30);
    }
    int[] site = new int[n];
    double[] risk = new double[n];
    double[] dwell = new double[n];
    double[][] xy = new double[n + 1][];
    for (int s = 0, c = 0; s < sites; s++) {
      for (int v = 0; v < visits[s]; v++, c++) {
        site[c] = s;
        risk[c] = srisk[s] / visits[s];
        dwell[c] = 600;
        xy[c] = sxy[s];
      }
    }
    xy[n] = new double[] {1500, 1500};
    double[][][] travel = new double[units][n + 1][n + 1];
    int[] start = new int[units];
    int[] end = new int[units];
    double[] budget = new double[units];
    for (int u = 0; u < units; u++) {
      double speed = u == 0 ? 6 : 1.4;
      for (int a = 0; a <= n; a++) {
        for (int b = 0; b <= n; b++) {
          travel[u][a][b] = Math.hypot(xy[a][0] - xy[b][0], xy[a][1] - xy[b][1]) * 1.3 / speed;
        }
      }
      start[u] = n;
      end[u] = n;
      budget[u] = 2.5 * 3600;
    }
    return new PatrolProblem(n, risk, dwell, travel, start, end, budget, site, 40 * 60, 0);
  }

  private static void assertFeasible(PatrolProblem p, PatrolPlan plan) {
    Set<Integer> seen = new HashSet<>();
    double risk = 0;
    for (int u = 0; u < plan.routes().size(); u++) {
      int[] r = plan.routes().get(u);
      assertTrue(p.routeTime(u, r, r.length) <= p.budget()[u] + 1e-6, "unit " + u + " over budget");
      for (int c : r) {
        assertTrue(seen.add(c), "stop " + c + " visited twice");
        risk += p.risk()[c];
      }
    }
    assertEquals(risk, plan.risk(), 1e-9);
  }
}
