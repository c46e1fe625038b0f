package org.hotbeat.tiles;

/**
 * The parts of a heat layer that are the same on every tile, derived once from the whole area of
 * the filter: the latitude whose Web Mercator scale turns metres into map units (one for the
 * whole layer, so tiles join), and the colour breaks in incidents per km² (absolute, never per
 * tile). Immutable.
 *
 * @param secant 1 / cos(reference latitude): Web Mercator metres per true metre
 * @param peak the layer's highest density, incidents per km² (0 when nothing matches)
 * @param breaks ascending lower bounds of the colour classes; densities below the first are
 *     transparent
 */
public record HeatLayer(double referenceLatitude, double secant, double peak, double[] breaks,
    String dataVersion) {
  /** The colour class of a density: 0 (transparent) to {@code breaks.length}. */
  public int classOf(double density) {
    int c = 0;
    while (c < breaks.length && density >= breaks[c]) {
      c++;
    }
    return c;
  }
}
