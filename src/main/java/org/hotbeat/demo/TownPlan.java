package org.hotbeat.demo;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The street plan of the generated town "Hotbeat Falls": 10 × 8 km of open farmland in central
 * Illinois (real coordinates, invented town), in metres east and north of its south-west corner.
 *
 * <pre>
 *  y=8000 +---------- North Line Road ----------------------------------------+
 *         |      |          |            |           |           |             |
 *  y=7000 +--- North Avenue (secondary) ------------------------------------------+
 *         | res. |  res.    |  Riverside |   res.    |   res.    |    res.     |
 *         |      |          |    Park    |           |           |             |
 *  y=5400 +--- North Water Street --------------------------------------------+
 *         ~~~~~~~#~~~~~~~~~~#~~~~ Kettle River ~~~~~~#~~~~~~~~~~~~~~~~~#~~~~~~~~   # bridges
 *  y=4600 +--- South Water Street --------------------------------------------+
 *  y=4000 +--- Center Street (primary) -----------------------------------------+
 *         |      |   downtown: dense one-way grid    |           |             |
 *  y=2800 +--- Lake Street ----------------------------------------------------+
 *  y=1500 +--- Prairie Boulevard (secondary) --------------------------------------+
 *  y=0    +--- South Line Road ------------------------------------------------+
 *        x=0   1500       3200         5000        6800        8500        10000
 *          Western     Mill Road   Main Street  College    Eastern
 *          Avenue      (bridged)   (primary)    Avenue     Avenue
 * </pre>
 *
 * Between the main streets, each block of the plan holds a residential grid whose spacing
 * grows with the distance from downtown (125 m, 200 m, 320 m), so street density (and with it the
 * background of incidents) falls from the centre outwards. Six residential streets stop short of
 * the block's edge (dead ends, {@code noexit=yes}). The plan does not depend on the seed.
 * {@link TownPlanBuilder} draws it. Immutable once built.
 */
public final class TownPlan {
  public static final String TOWN_NAME = "Hotbeat Falls";
  public static final double WIDTH = 10_000;
  public static final double HEIGHT = 8_000;
  /** The south-west corner of the town. */
  public static final LocalProjection PROJECTION = new LocalProjection(-88.80, 40.60);
  /** Downtown, where residential streets are densest. */
  public static final double DOWNTOWN_X = 5_000;
  public static final double DOWNTOWN_Y = 3_400;

  static final double[] X_BREAKS = {0, 1500, 3200, 5000, 6800, 8500, 10000};
  static final double[] Y_BREAKS = {0, 1500, 2800, 4000, 4600, 5400, 7000, 8000};
  static final int RIVER_ROW = 4;
  static final int PARK_COL = 2;
  static final int PARK_ROW = 5;
  static final double RIVER_SOUTH_STREET = 4600;
  static final double RIVER_NORTH_STREET = 5400;
  static final double BRIDGE_HALF_LENGTH = 30;
  static final double RIVER_STEP = 100;
  /** Blocks (column, row) where one residential street ends short of the block's edge. */
  static final int[][] DEAD_END_BLOCKS = {{0, 0}, {5, 0}, {0, 6}, {5, 6}, {1, 2}, {4, 1}};
  static final String[] TREES = {"Ash", "Birch", "Cedar", "Dogwood", "Elm", "Fir",
      "Ginkgo", "Hawthorn", "Hickory", "Juniper", "Linden", "Magnolia", "Maple", "Mulberry", "Oak",
      "Pine", "Poplar", "Redbud", "Sassafras", "Spruce", "Sycamore", "Tamarack", "Walnut", "Willow"};
  static final String[] AVENUE_SUFFIXES = {"Avenue", "Lane", "Court", "Place", "Drive"};

  /** OSM highway classes used by the plan, from most to least important. */
  public enum StreetClass {
    PRIMARY("primary"), SECONDARY("secondary"), TERTIARY("tertiary"),
    RESIDENTIAL("residential");

    public final String osmValue;

    StreetClass(String osmValue) {
      this.osmValue = osmValue;
    }
  }

  /** A way of the plan: ordered node indices and OSM tags (in insertion order). */
  public record Way(int[] nodes, Map<String, String> tags) {}

  /** A street way's piece between two consecutive nodes, in metres; used to place incidents. */
  public record Segment(double x1, double y1, double x2, double y2, StreetClass streetClass) {
    public double length() {
      return Math.hypot(x2 - x1, y2 - y1);
    }
  }

  /** A police beat: code, name and its exterior ring in metres (counter-clockwise, closed). */
  public record Beat(String code, String name, double[][] ring) {}

  private final double[] nodeX;
  private final double[] nodeY;
  private final Map<Integer, Map<String, String>> nodeTags;
  private final List<Way> ways;
  private final List<Segment> segments;
  private final List<Beat> beats;
  private final double[][] intersections;

  private TownPlan(TownPlanBuilder b) {
    this.nodeX = Arrays.copyOf(b.xs, b.count);
    this.nodeY = Arrays.copyOf(b.ys, b.count);
    this.nodeTags = Map.copyOf(b.nodeTags);
    this.ways = List.copyOf(b.ways);
    this.segments = List.copyOf(b.segments);
    this.beats = List.copyOf(b.beats);
    this.intersections = b.intersections.toArray(new double[0][]);
  }

  /** Builds the plan (always the same one). */
  public static TownPlan build() {
    TownPlanBuilder b = new TownPlanBuilder();
    b.streets();
    b.river();
    b.park();
    b.pointsOfInterest();
    b.beats();
    return new TownPlan(b);
  }

  public int nodeCount() {
    return nodeX.length;
  }

  public double nodeX(int i) {
    return nodeX[i];
  }

  public double nodeY(int i) {
    return nodeY[i];
  }

  /** Tags of node {@code i}, empty for plain way nodes. */
  public Map<String, String> nodeTags(int i) {
    return nodeTags.getOrDefault(i, Map.of());
  }

  public List<Way> ways() {
    return ways;
  }

  /** Every street way's segments (river and park excluded). */
  public List<Segment> segments() {
    return segments;
  }

  public List<Beat> beats() {
    return beats;
  }

  /** Street nodes where three or more street directions meet, as {x, y} in metres. */
  public double[][] intersections() {
    return intersections.clone();
  }

  /** The river's centre line at {@code x}, metres north of the south edge. */
  public static double riverY(double x) {
    return 5000 + 180 * Math.sin(2 * Math.PI * x / 4200 + 0.7);
  }

  /** True inside the park, which has no streets. */
  public static boolean inPark(double x, double y) {
    return x > X_BREAKS[PARK_COL] && x < X_BREAKS[PARK_COL + 1]
        && y > Y_BREAKS[PARK_ROW] && y < Y_BREAKS[PARK_ROW + 1];
  }
}
