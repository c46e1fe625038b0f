package org.hotbeat.patrol;

/**
 * A team-orienteering problem with service times and a time budget: choose and order hotspot
 * stops for each unit so that the risk covered is largest, every unit being back at its end point
 * within its budget. Times in seconds.
 *
 * <p>Nodes 0..{@code candidates−1} are the hotspot candidates; higher nodes are the units' start
 * and end points. {@code travel[a][b]} is the travel time from node a to node b for the unit's
 * mode ({@code travel[u][a][b]}: units may travel differently, by car or on foot).
 *
 * @param risk the risk each candidate covers (its prize)
 * @param dwell the time spent at each candidate, seconds
 * @param start each unit's start node
 * @param end each unit's end node
 * @param budget each unit's time budget (the shift), seconds
 */
public record PatrolProblem(int candidates, double[] risk, double[] dwell, double[][][] travel,
    int[] start, int[] end, double[] budget) {
  public PatrolProblem {
    int units = start.length;
    if (end.length != units || budget.length != units || travel.length != units) {
      throw new IllegalArgumentException("every unit needs a start, an end, a budget and times");
    }
    if (risk.length != candidates || dwell.length != candidates) {
      throw new IllegalArgumentException("every candidate needs a risk and a dwell time");
    }
  }

  public int units() {
    return start.length;
  }

  /** Time of a unit's route through {@code stops} (in order), from its start to its end. */
  public double routeTime(int unit, int[] stops, int length) {
    double[][] t = travel[unit];
    int at = start[unit];
    double time = 0;
    for (int i = 0; i < length; i++) {
      time += t[at][stops[i]] + dwell[stops[i]];
      at = stops[i];
    }
    return time + t[at][end[unit]];
  }
}
