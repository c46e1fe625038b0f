package org.hotbeat.patrol;

import java.util.Arrays;
import java.util.List;

/** Each unit's stops in visiting order, and the risk they cover together. */
public record PatrolPlan(List<int[]> routes, double risk) {
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("risk " + risk + ":");
    routes.forEach(r -> s.append(' ').append(Arrays.toString(r)));
    return s.toString();
  }
}
