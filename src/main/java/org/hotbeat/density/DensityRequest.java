package org.hotbeat.density;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;

/**
 * One kernel density to compute. Immutable once built.
 *
 * @param points the incidents, metres in the grid's plane
 * @param grid where to evaluate
 * @param kernel the kernel
 * @param bandwidth in the grid's units (metres of its plane, which in Web Mercator are not true
 *     metres): σ for the Gaussian, the support radius for the others (see {@link Kernel}); more
 *     than 0. The limit on true metres is the caller's to check, once (config.Limits)
 * @param edge edge correction; anything but {@link EdgeCorrection#NONE} needs a study area
 * @param studyArea polygon(s) in the grid's plane, or null. When given, points outside it are
 *     ignored and cells whose centre lies outside it are 0
 * @param periods how many periods the points cover (e.g. 52 for a year of weekly rates); values
 *     are divided by it. 1 gives plain incidents per km²
 */
public record DensityRequest(Points points, GridSpec grid, Kernel kernel, double bandwidth,
    EdgeCorrection edge, Geometry studyArea, double periods) {

  public DensityRequest {
    if (points == null || grid == null || kernel == null || edge == null) {
      throw new IllegalArgumentException("points, grid, kernel and edge correction are required");
    }
    if (points.size() == 0) {
      throw new IllegalArgumentException("no points to smooth: the point set is empty");
    }
    if (!(bandwidth > 0) || !Double.isFinite(bandwidth)) {
      throw new IllegalArgumentException("bandwidth must be more than 0, got " + bandwidth);
    }
    if (edge != EdgeCorrection.NONE && studyArea == null) {
      throw new IllegalArgumentException("edge correction " + edge + " needs a study area");
    }
    if (studyArea != null && (!(studyArea instanceof Polygonal) || studyArea.isEmpty())) {
      throw new IllegalArgumentException("study area must be a non-empty Polygon or MultiPolygon, got "
          + studyArea.getGeometryType());
    }
    if (!(periods > 0) || !Double.isFinite(periods)) {
      throw new IllegalArgumentException("periods must be a positive number, got " + periods);
    }
  }

  /** A request without edge correction or study area, in plain incidents per km². */
  public static DensityRequest of(Points points, GridSpec grid, Kernel kernel, double bandwidth) {
    return new DensityRequest(points, grid, kernel, bandwidth, EdgeCorrection.NONE, null, 1);
  }

  /** The same request with an edge correction against {@code area}. */
  public DensityRequest withStudyArea(Geometry area, EdgeCorrection correction) {
    return new DensityRequest(points, grid, kernel, bandwidth, correction, area, periods);
  }

  /** The same request giving incidents per km² per period over {@code count} periods. */
  public DensityRequest perPeriods(double count) {
    return new DensityRequest(points, grid, kernel, bandwidth, edge, studyArea, count);
  }
}
