package org.hotbeat.density;

/**
 * A computed density: one float per cell of {@link #spec()}, in incidents per km² (per period
 * when the request named periods), in raster order (row 0 is the northern row, see
 * {@link GridSpec}). Never negative. Treat as read-only; safe to share between threads then.
 */
public final class DensityGrid {
  private final GridSpec spec;
  private final float[] values;

  DensityGrid(GridSpec spec, float[] values) {
    if (values.length != spec.cellCount()) {
      throw new IllegalArgumentException("values do not match the grid");
    }
    this.spec = spec;
    this.values = values;
  }

  public GridSpec spec() {
    return spec;
  }

  /** Incidents per km² at the centre of cell (col, row). */
  public float get(int col, int row) {
    return values[row * spec.width() + col];
  }

  /** The backing array, row-major in raster order; do not modify. */
  public float[] values() {
    return values;
  }

  /** The largest value, incidents per km². */
  public float max() {
    float m = 0;
    for (float v : values) {
      m = Math.max(m, v);
    }
    return m;
  }

  /** Σ value × cell area: the estimated number of incidents (per period) inside the grid. */
  public double integral() {
    double s = 0;
    for (float v : values) {
      s += v;
    }
    return s * spec.cellAreaKm2();
  }
}
