package org.hotbeat.density;

/**
 * Computes kernel densities on a grid: cubic binning of the points onto the grid's lattice
 * (grown by the kernel's reach, so points just outside the grid count and adjacent grids join
 * without seams), then one convolution with the kernel sampled at the lattice lags
 * ({@link Convolution}; on a coarser lattice, interpolated, when the cells are finer than σ/10
 * under a Gaussian: {@link Refinement}), then the edge correction. Values are estimates at the cell centres of
 * Σ w_i K(u − x_i) in incidents per km² (divided by the request's periods); see
 * {@code docs/density.md} for the accuracy against the exact sum.
 *
 * <p>No state between calls: one engine may serve many threads at once. Each call uses the
 * common fork-join pool for its parallel parts.
 */
public final class DensityEngine {
  /** Default most cells in one grid (4096 × 4096). */
  public static final long DEFAULT_MAX_CELLS = 4096L * 4096L;

  private static final double PER_M2_TO_PER_KM2 = 1e6;

  private final long maxCells;

  public DensityEngine() {
    this(DEFAULT_MAX_CELLS);
  }

  /** @param maxCells most cells a requested grid may have; larger requests are refused */
  public DensityEngine(long maxCells) {
    if (maxCells < 1) {
      throw new IllegalArgumentException("maxCells must be at least 1");
    }
    this.maxCells = maxCells;
  }

  public long maxCells() {
    return maxCells;
  }

  /**
   * Computes the density the request describes.
   *
   * @throws IllegalArgumentException if the grid has more than {@link #maxCells()} cells, or the
   *     kernel's reach is so many cells that the working lattice would be too large
   */
  public DensityGrid compute(DensityRequest req) {
    GridSpec grid = req.grid();
    if (grid.cellCount() > maxCells) {
      throw new IllegalArgumentException("grid has " + grid.cellCount() + " cells; the limit is "
          + maxCells);
    }
    double h = grid.cellSize();
    int reach = Convolution.reachCells(req.kernel(), req.bandwidth(), h);
    int margin = reach + 3;
    double workCells = (grid.width() + 4.0 * margin) * (grid.height() + 4.0 * margin);
    if (workCells > 4.0 * maxCells + 1e6) {
      throw new IllegalArgumentException("bandwidth " + req.bandwidth() + " m reaches " + reach
          + " cells of " + h + " m; use larger cells or a smaller bandwidth");
    }
    if (req.studyArea() == null && Refinement.factor(req.kernel(), req.bandwidth(), h) > 1) {
      return toGrid(grid, refined(req), null, PER_M2_TO_PER_KM2 / req.periods());
    }
    Convolution conv = new Convolution(req.kernel(), req.bandwidth(), reach);
    StudyAreaMask area = req.studyArea() == null ? null : new StudyAreaMask(req.studyArea());

    Lattice binned = Lattice.around(grid, margin);
    if (area == null) {
      Binning.bin(req.points(), binned, null, null);
    } else if (req.edge() == EdgeCorrection.JONES_DIGGLE) {
      // e(x_i) on the binned lattice, interpolated at each point.
      Lattice wide = Lattice.around(grid, 2 * margin);
      Lattice e = conv.apply(area.rasterise(wide), margin);
      double cell = h * h;
      Points pts = req.points();
      Binning.bin(pts, binned, p -> pts.weight(p) / Math.max(e.interpolate(pts.x(p), pts.y(p)) * cell, 1e-12),
          p -> area.contains(pts.x(p), pts.y(p)));
    } else {
      Points pts = req.points();
      Binning.bin(pts, binned, null, p -> area.contains(pts.x(p), pts.y(p)));
    }
    Lattice raw = conv.apply(binned, margin);

    double[] inside = null;
    if (area != null) {
      inside = area.rasterise(raw).v;
      if (req.edge() == EdgeCorrection.UNIFORM) {
        Lattice e = conv.apply(area.rasterise(binned), margin);
        double cell = h * h;
        for (int i = 0; i < raw.v.length; i++) {
          raw.v[i] = inside[i] == 0 ? 0 : raw.v[i] / Math.max(e.v[i] * cell, 1e-12);
        }
      }
    }
    return toGrid(grid, raw, inside, PER_M2_TO_PER_KM2 / req.periods());
  }

  /** The same density on a coarser lattice, interpolated to the grid ({@link Refinement}). */
  private static Lattice refined(DensityRequest req) {
    GridSpec grid = req.grid();
    int k = Refinement.factor(req.kernel(), req.bandwidth(), grid.cellSize());
    Refinement.Layout layout = Refinement.Layout.of(grid, k);
    int reach = Convolution.reachCells(req.kernel(), req.bandwidth(), layout.coarse().step);
    Lattice binned = layout.coarse().grown(reach + 3);
    Binning.bin(req.points(), binned, null, null);
    Lattice smooth = new Convolution(req.kernel(), req.bandwidth(), reach).apply(binned, reach + 3);
    return layout.interpolate(smooth);
  }

  /** Flips to raster order (north first), scales, zeroes cells outside the area, clamps at 0. */
  private static DensityGrid toGrid(GridSpec grid, Lattice raw, double[] inside, double scale) {
    int w = grid.width();
    int hgt = grid.height();
    float[] out = new float[w * hgt];
    for (int row = 0; row < hgt; row++) {
      int src = (hgt - 1 - row) * w;
      for (int col = 0; col < w; col++) {
        double v = raw.v[src + col];
        if (inside != null && inside[src + col] == 0) {
          v = 0;
        }
        out[row * w + col] = v > 0 ? (float) (v * scale) : 0f;
      }
    }
    return new DensityGrid(grid, out);
  }
}
