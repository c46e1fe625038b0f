package org.hotbeat.hotspots;

import java.util.ArrayList;
import java.util.List;

/**
 * Binary spatial weights on a {@link SquareGrid}, each cell's list including the cell itself (as
 * Gi* needs). Immutable and thread-safe.
 */
public final class Neighbours {
  private final int[][] lists;
  private final String description;

  private Neighbours(int[][] lists, String description) {
    this.lists = lists;
    this.description = description;
  }

  /** Queen contiguity: the 3 × 3 block around each cell (4, 6 or 9 cells at corners, edges, inside). */
  public static Neighbours queen(SquareGrid g) {
    return fromOffsets(g, 1, (dc, dr) -> true, "queen contiguity");
  }

  /** Every cell whose centre lies within {@code metres} of the cell's centre. */
  public static Neighbours distanceBand(SquareGrid g, double metres) {
    if (!(metres > 0)) {
      throw new IllegalArgumentException("the distance band must be positive");
    }
    int reach = (int) Math.floor(metres / g.cell());
    // A small tolerance so that a centre exactly at the band's edge counts, as spdep's does.
    double limit = metres * (1 + 1e-12);
    return fromOffsets(g, reach, (dc, dr) -> Math.hypot(dc * g.cell(), dr * g.cell()) <= limit,
        "distance band " + metres + " m");
  }

  private interface Within {
    boolean test(int dc, int dr);
  }

  private static Neighbours fromOffsets(SquareGrid g, int reach, Within within, String what) {
    List<int[]> offsets = new ArrayList<>();
    for (int dr = -reach; dr <= reach; dr++) {
      for (int dc = -reach; dc <= reach; dc++) {
        if (within.test(dc, dr)) {
          offsets.add(new int[] {dc, dr});
        }
      }
    }
    int[][] lists = new int[g.size()][];
    int[] buf = new int[offsets.size()];
    for (int row = 0; row < g.nrow(); row++) {
      for (int col = 0; col < g.ncol(); col++) {
        int n = 0;
        for (int[] o : offsets) {
          int c = col + o[0];
          int r = row + o[1];
          if (c >= 0 && r >= 0 && c < g.ncol() && r < g.nrow()) {
            buf[n++] = r * g.ncol() + c;
          }
        }
        lists[row * g.ncol() + col] = java.util.Arrays.copyOf(buf, n);
      }
    }
    return new Neighbours(lists, what);
  }

  /** The cells weighted 1 for cell {@code i}, itself included. Do not modify. */
  public int[] of(int i) {
    return lists[i];
  }

  public int size() {
    return lists.length;
  }

  @Override
  public String toString() {
    return description;
  }
}
