package org.hotbeat.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hotbeat.hotspots.MannKendall;

/** The JSON of the hot-spot routes of {@link HotspotResource}. */
final class HotspotResponses {
  private HotspotResponses() {}

  record Polygon(String type, double[][][] coordinates) {
    static Polygon of(double[][] ring) {
      return new Polygon("Polygon", new double[][][] {ring});
    }
  }

  record Feature<P>(String type, Polygon geometry, P properties) {
    Feature(double[][] ring, P properties) {
      this("Feature", Polygon.of(ring), properties);
    }
  }

  record Collection<A, P>(String type, A analysis, List<Feature<P>> features) {
    Collection(A analysis, List<Feature<P>> features) {
      this("FeatureCollection", analysis, features);
    }
  }

  /** A Gi* cell; count, z and p only for patrol and analysts. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record GiStarCell(@JsonProperty("class") String label, int giBin, Long count, Double z,
      Double p, Double pFdr) {}

  /** How Gi* ran; {@code incidents} for patrol and analysts, {@code note} for the public. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record GiStarRun(double cellSize, String weights, String projection, int columns, int rows,
      boolean fdr, Long incidents, String note) {}

  /** An emerging-hot-spot cell; the series and trends only for patrol and analysts. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record EmergingCell(String category, Long count, double[] counts, double[] z,
      int[] significance, MannKendall.Trend countTrend, MannKendall.Trend zTrend) {}

  /**
   * How the cube ran.
   *
   * @param cellsByCategory category label → cells shown, every category listed in order (its
   *     keys are the categories' labels, hence a map)
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record EmergingRun(double cellSize, String weights, String projection, int columns, int rows,
      List<String> months, boolean fdr, double trendAlpha, Map<String, Integer> cellsByCategory,
      Long incidents, String note) {}

  /** The change map's grid, in the incidents' UTM zone. */
  record ChangeGrid(String projection, double minX, double minY, double cellSize, int width,
      int height, String order) {}

  /** The change map: per cell in raster order, rates, their difference and ratio, p, class. */
  record Change(Instant from, Instant to, Instant baseFrom, Instant baseTo, int incidents,
      int baseIncidents, String units, double bandwidthMetres, String kernel, double alpha,
      ChangeGrid grid, int cellsUp, int cellsDown, float[] current, float[] base,
      float[] difference, Float[] ratio, float[] p, int[] change) {}
}
