package org.hotbeat.density;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * A study area (JTS polygons, metres) as seen by the engine: which lattice nodes lie inside it
 * (by scanline, even-odd over all rings, so holes and multipolygons work) and which points do.
 * Thread-safe after construction.
 */
final class StudyAreaMask {
  private final Geometry area;
  private final double[][] edges;
  private final IndexedPointInAreaLocator locator;

  StudyAreaMask(Geometry area) {
    this.area = area;
    this.locator = new IndexedPointInAreaLocator(area);
    List<double[]> list = new ArrayList<>();
    for (int g = 0; g < area.getNumGeometries(); g++) {
      Polygon p = (Polygon) area.getGeometryN(g);
      addRing(p.getExteriorRing(), list);
      for (int h = 0; h < p.getNumInteriorRing(); h++) {
        addRing(p.getInteriorRingN(h), list);
      }
    }
    this.edges = list.toArray(new double[0][]);
  }

  private static void addRing(LineString ring, List<double[]> out) {
    Coordinate[] c = ring.getCoordinates();
    for (int i = 0; i + 1 < c.length; i++) {
      if (c[i].y != c[i + 1].y) {
        out.add(new double[] {c[i].x, c[i].y, c[i + 1].x, c[i + 1].y});
      }
    }
  }

  Geometry area() {
    return area;
  }

  /** True if (x, y) is inside the area or on its boundary. */
  boolean contains(double x, double y) {
    return locator.locate(new Coordinate(x, y)) != Location.EXTERIOR;
  }

  /** A lattice like {@code shape} holding 1 at nodes inside the area and 0 elsewhere. */
  Lattice rasterise(Lattice shape) {
    Lattice mask = new Lattice(shape.x0, shape.y0, shape.step, shape.nx, shape.ny);
    double[] xs = new double[edges.length];
    for (int j = 0; j < shape.ny; j++) {
      double y = shape.y0 + j * shape.step;
      int n = 0;
      for (double[] e : edges) {
        if ((e[1] <= y) != (e[3] <= y)) {
          xs[n++] = e[0] + (y - e[1]) * (e[2] - e[0]) / (e[3] - e[1]);
        }
      }
      Arrays.sort(xs, 0, n);
      for (int k = 0; k + 1 < n; k += 2) {
        int from = Math.max(0, (int) Math.ceil((xs[k] - shape.x0) / shape.step));
        int to = Math.min(shape.nx - 1, (int) Math.floor((xs[k + 1] - shape.x0) / shape.step));
        for (int i = from; i <= to; i++) {
          mask.v[j * shape.nx + i] = 1;
        }
      }
    }
    return mask;
  }
}
