package org.hotbeat.patrol;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hotbeat.density.DensityGrid;
import org.hotbeat.density.GridSpec;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Hotspot candidates from a risk surface: its local maxima inside the patrol area, taken from the
 * highest down and skipping any closer than the separation to one already taken, so that no two
 * candidates patrol the same place. Each candidate's risk is the surface's mass (density × area)
 * within half the separation of it and inside the area; these discs do not overlap, so the risks
 * of all candidates add up to no more than the area's total. Stateless.
 */
public final class HotspotCandidates {
  /**
   * A candidate in the surface's plane.
   *
   * @param x easting in metres
   * @param y northing in metres
   * @param risk mass of the surface within the candidate's disc (for a density in incidents per
   *     km², incidents)
   */
  public record Candidate(double x, double y, double risk) {}

  /**
   * The picked candidates, highest risk first, and the surface's total mass inside the area.
   *
   * @param belowMinimum maxima left out for covering less than the minimum risk
   */
  public record Result(List<Candidate> candidates, double areaRisk, int belowMinimum) {}

  private HotspotCandidates() {}

  /**
   * @param surface density per km² in a metric plane
   * @param area the patrol area in the same plane
   * @param separation least distance between two candidates, metres
   * @param max most candidates returned
   * @param minRisk least risk a candidate must cover
   */
  public static Result find(DensityGrid surface, Geometry area, double separation, int max,
      double minRisk) {
    GridSpec g = surface.spec();
    float[] v = surface.values();
    boolean[] inside = insideMask(g, area);
    double cellKm2 = g.cellAreaKm2();
    double total = 0;
    List<int[]> maxima = new ArrayList<>();
    for (int row = 0; row < g.height(); row++) {
      for (int col = 0; col < g.width(); col++) {
        int i = row * g.width() + col;
        if (!inside[i]) {
          continue;
        }
        total += v[i] * cellKm2;
        if (v[i] > 0 && isLocalMaximum(g, v, col, row)) {
          maxima.add(new int[] {col, row});
        }
      }
    }
    maxima.sort(Comparator.comparingDouble((int[] c) -> -v[c[1] * g.width() + c[0]])
        .thenComparingInt(c -> c[1]).thenComparingInt(c -> c[0]));
    double radius = separation / 2;
    List<Candidate> picked = new ArrayList<>();
    int below = 0;
    for (int[] m : maxima) {
      double x = g.centreX(m[0]);
      double y = g.centreY(m[1]);
      if (picked.stream().anyMatch(c -> Math.hypot(c.x() - x, c.y() - y) < separation)) {
        continue;
      }
      double risk = mass(g, v, inside, x, y, radius) * cellKm2;
      if (risk < minRisk) {
        below++;
        continue;
      }
      picked.add(new Candidate(x, y, risk));
    }
    picked.sort(Comparator.comparingDouble(c -> -c.risk()));
    return new Result(List.copyOf(picked.subList(0, Math.min(max, picked.size()))), total, below);
  }

  /** Whether each cell's centre lies in the area. */
  private static boolean[] insideMask(GridSpec g, Geometry area) {
    PreparedGeometry a = PreparedGeometryFactory.prepare(area);
    GeometryFactory gf = area.getFactory() != null ? area.getFactory() : new GeometryFactory();
    boolean[] in = new boolean[g.width() * g.height()];
    for (int row = 0; row < g.height(); row++) {
      for (int col = 0; col < g.width(); col++) {
        in[row * g.width() + col] = a.contains(
            gf.createPoint(new Coordinate(g.centreX(col), g.centreY(row))));
      }
    }
    return in;
  }

  /** At least every neighbour (8-connected) in the grid: plateaus keep all their cells. */
  private static boolean isLocalMaximum(GridSpec g, float[] v, int col, int row) {
    float here = v[row * g.width() + col];
    for (int dr = -1; dr <= 1; dr++) {
      for (int dc = -1; dc <= 1; dc++) {
        int c = col + dc;
        int r = row + dr;
        if ((dr != 0 || dc != 0) && c >= 0 && r >= 0 && c < g.width() && r < g.height()
            && v[r * g.width() + c] > here) {
          return false;
        }
      }
    }
    return true;
  }

  /** Sum of the values of area cells whose centres lie within {@code radius} of (x, y). */
  private static double mass(GridSpec g, float[] v, boolean[] inside, double x, double y,
      double radius) {
    double sum = 0;
    for (int row = 0; row < g.height(); row++) {
      double dy = g.centreY(row) - y;
      if (Math.abs(dy) > radius) {
        continue;
      }
      for (int col = 0; col < g.width(); col++) {
        int i = row * g.width() + col;
        if (inside[i] && Math.hypot(g.centreX(col) - x, dy) <= radius) {
          sum += v[i];
        }
      }
    }
    return sum;
  }
}
