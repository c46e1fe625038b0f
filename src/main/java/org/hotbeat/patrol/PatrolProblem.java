package org.hotbeat.patrol;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A team-orienteering problem with service times and a time budget: choose and order hotspot
 * stops for each unit so that the risk covered is largest, every unit being back at its end point
 * within its budget. Times in seconds.
 *
 * <p>Nodes 0..{@code candidates−1} are the hotspot candidates; higher nodes are the units' start
 * and end points. {@code travel[u][a][b]} is unit u's travel time from node a to node b (units
 * may travel differently, by car or on foot).
 *
 * <p>Revisits: several candidates may stand for visits to one <em>site</em> (a hotspot). A site
 * is served by one unit only, and its visits start at least {@code minGap} seconds apart (the
 * minimum revisit interval), so each visit's deterrence covers a window of its own; a unit that
 * would come back too soon waits (patrols nearby) until the gap has passed.
 *
 * @param risk the risk each candidate covers (its prize)
 * @param dwell the time spent at each candidate, seconds
 * @param start each unit's start node
 * @param end each unit's end node
 * @param budget each unit's time budget (the shift), seconds
 * @param site the site of each candidate (candidates of one site are its visits)
 * @param minGap least time between the starts of two visits to one site, seconds
 * @param maxStops most stops per unit (0: no limit)
 */
public record PatrolProblem(int candidates, double[] risk, double[] dwell, double[][][] travel,
    int[] start, int[] end, double[] budget, int[] site, double minGap, int maxStops) {
  public PatrolProblem {
    int units = start.length;
    if (end.length != units || budget.length != units || travel.length != units) {
      throw new IllegalArgumentException("every unit needs a start, an end, a budget and times");
    }
    if (risk.length != candidates || dwell.length != candidates || site.length != candidates) {
      throw new IllegalArgumentException("every candidate needs a risk, a dwell time and a site");
    }
    if (minGap < 0 || maxStops < 0) {
      throw new IllegalArgumentException("the revisit gap and the stop limit cannot be negative");
    }
  }

  /** A problem where every candidate is a site of its own, visited at most once, no stop limit. */
  public PatrolProblem(int candidates, double[] risk, double[] dwell, double[][][] travel,
      int[] start, int[] end, double[] budget) {
    this(candidates, risk, dwell, travel, start, end, budget, identity(candidates), 0, 0);
  }

  private static int[] identity(int n) {
    int[] s = new int[n];
    for (int i = 0; i < n; i++) {
      s[i] = i;
    }
    return s;
  }

  public int units() {
    return start.length;
  }

  /** True when some site has more than one candidate (visit). */
  public boolean hasRevisits() {
    boolean[] seen = new boolean[candidates + 1];
    for (int s : site) {
      if (s < seen.length && seen[s]) {
        return true;
      }
      if (s < seen.length) {
        seen[s] = true;
      }
    }
    return false;
  }

  /**
   * Time of a unit's route through the first {@code length} of {@code stops} (in order), from its
   * start to its end, waiting where a revisit would come too soon after the previous visit.
   */
  public double routeTime(int unit, int[] stops, int length) {
    double[][] t = travel[unit];
    int at = start[unit];
    double time = 0;
    double[] begin = minGap > 0 ? new double[length] : null;
    for (int i = 0; i < length; i++) {
      time += t[at][stops[i]];
      if (begin != null) {
        time = Math.max(time, previousVisit(stops, begin, i) + minGap);
        begin[i] = time;
      }
      time += dwell[stops[i]];
      at = stops[i];
    }
    return time + t[at][end[unit]];
  }

  /** When each stop's dwell starts, in seconds from the unit's start (after any wait). */
  public double[] arrivals(int unit, int[] stops) {
    double[][] t = travel[unit];
    double[] begin = new double[stops.length];
    int at = start[unit];
    double time = 0;
    for (int i = 0; i < stops.length; i++) {
      time += t[at][stops[i]];
      if (minGap > 0) {
        time = Math.max(time, previousVisit(stops, begin, i) + minGap);
      }
      begin[i] = time;
      time += dwell[stops[i]];
      at = stops[i];
    }
    return begin;
  }

  /** Start of the latest earlier visit to stop i's site on this route, or −∞. */
  private double previousVisit(int[] stops, double[] begin, int i) {
    for (int j = i - 1; j >= 0; j--) {
      if (site[stops[j]] == site[stops[i]]) {
        return begin[j];
      }
    }
    return Double.NEGATIVE_INFINITY;
  }

  /**
   * True when the routes keep every rule: each within its unit's budget and stop limit, no
   * candidate used twice, and each site served by one unit only (whose visits keep the gap by
   * waiting when they must).
   */
  public boolean feasible(List<int[]> routes) {
    boolean[] used = new boolean[candidates];
    Map<Integer, Integer> owner = new HashMap<>();
    for (int u = 0; u < routes.size(); u++) {
      int[] r = routes.get(u);
      if (routeTime(u, r, r.length) > budget[u] + 1e-6 || (maxStops > 0 && r.length > maxStops)) {
        return false;
      }
      for (int c : r) {
        if (used[c] || owner.getOrDefault(site[c], u) != u) {
          return false;
        }
        used[c] = true;
        owner.put(site[c], u);
      }
    }
    return true;
  }
}
