package org.hotbeat.density;

/**
 * A working grid of doubles at evenly spaced nodes: node (i, j) (column i, row j, rows running
 * south to north) sits at (x0 + i·step, y0 + j·step). Internal to the engine; not thread-safe
 * while being written.
 */
final class Lattice {
  final double x0;
  final double y0;
  final double step;
  final int nx;
  final int ny;
  final double[] v;

  Lattice(double x0, double y0, double step, int nx, int ny) {
    this.x0 = x0;
    this.y0 = y0;
    this.step = step;
    this.nx = nx;
    this.ny = ny;
    this.v = new double[Math.multiplyExact(nx, ny)];
  }

  /** The lattice of a grid's cell centres grown by {@code margin} nodes on every side. */
  static Lattice around(GridSpec grid, int margin) {
    double h = grid.cellSize();
    return new Lattice(grid.minX() + h / 2, grid.minY() + h / 2, h, grid.width(), grid.height())
        .grown(margin);
  }

  /** An empty lattice like this one with {@code margin} more nodes on every side. */
  Lattice grown(int margin) {
    return new Lattice(x0 - margin * step, y0 - margin * step, step, nx + 2 * margin, ny + 2 * margin);
  }

  double get(int i, int j) {
    return v[j * nx + i];
  }

  /** Bilinear interpolation at (x, y); the nearest edge value outside the lattice. */
  double interpolate(double x, double y) {
    double u = Math.min(Math.max((x - x0) / step, 0), nx - 1.0);
    double w = Math.min(Math.max((y - y0) / step, 0), ny - 1.0);
    int i = Math.min((int) u, Math.max(nx - 2, 0));
    int j = Math.min((int) w, Math.max(ny - 2, 0));
    double fu = u - i;
    double fw = w - j;
    int i1 = Math.min(i + 1, nx - 1);
    int j1 = Math.min(j + 1, ny - 1);
    return (1 - fw) * ((1 - fu) * get(i, j) + fu * get(i1, j))
        + fw * ((1 - fu) * get(i, j1) + fu * get(i1, j1));
  }
}
