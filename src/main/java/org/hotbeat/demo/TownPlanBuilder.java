package org.hotbeat.demo;

import static org.hotbeat.demo.TownPlan.AVENUE_SUFFIXES;
import static org.hotbeat.demo.TownPlan.BRIDGE_HALF_LENGTH;
import static org.hotbeat.demo.TownPlan.DEAD_END_BLOCKS;
import static org.hotbeat.demo.TownPlan.DOWNTOWN_X;
import static org.hotbeat.demo.TownPlan.DOWNTOWN_Y;
import static org.hotbeat.demo.TownPlan.HEIGHT;
import static org.hotbeat.demo.TownPlan.PARK_COL;
import static org.hotbeat.demo.TownPlan.PARK_ROW;
import static org.hotbeat.demo.TownPlan.RIVER_NORTH_STREET;
import static org.hotbeat.demo.TownPlan.RIVER_ROW;
import static org.hotbeat.demo.TownPlan.RIVER_SOUTH_STREET;
import static org.hotbeat.demo.TownPlan.RIVER_STEP;
import static org.hotbeat.demo.TownPlan.TOWN_NAME;
import static org.hotbeat.demo.TownPlan.TREES;
import static org.hotbeat.demo.TownPlan.WIDTH;
import static org.hotbeat.demo.TownPlan.X_BREAKS;
import static org.hotbeat.demo.TownPlan.Y_BREAKS;
import static org.hotbeat.demo.TownPlan.riverY;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.hotbeat.demo.TownPlan.Beat;
import org.hotbeat.demo.TownPlan.Segment;
import org.hotbeat.demo.TownPlan.StreetClass;
import org.hotbeat.demo.TownPlan.Way;

/**
 * Draws {@link TownPlan}: the main streets, the residential grids of each block (spacing growing
 * from downtown), the river with its bridges, the park, points of interest and the beats, as OSM
 * nodes and ways in metres. Used once per {@link TownPlan#build()}; not thread-safe.
 */
final class TownPlanBuilder {
  private record Line(boolean vertical, double at, double from, double to, String name,
      StreetClass streetClass, boolean oneway, boolean reversed, boolean deadEnd) {}

  double[] xs = new double[1024];
  double[] ys = new double[1024];
  int count;
  final Map<Long, Integer> byPosition = new HashMap<>();
  final Map<Integer, Map<String, String>> nodeTags = new HashMap<>();
  final List<Way> ways = new ArrayList<>();
  final List<Segment> segments = new ArrayList<>();
  final List<Beat> beats = new ArrayList<>();
  final List<double[]> intersections = new ArrayList<>();

  int node(double x, double y) {
    long key = Math.round(x * 10) * 1_000_000L + Math.round(y * 10);
    Integer known = byPosition.get(key);
    if (known != null) {
      return known;
    }
    return newNode(x, y, key);
  }

  int newNode(double x, double y, long key) {
    if (count == xs.length) {
      xs = Arrays.copyOf(xs, count * 2);
      ys = Arrays.copyOf(ys, count * 2);
    }
    xs[count] = x;
    ys[count] = y;
    if (key != Long.MIN_VALUE) {
      byPosition.put(key, count);
    }
    return count++;
  }

  int looseNode(double x, double y) {
    return newNode(x, y, Long.MIN_VALUE);
  }

  void streets() {
    List<Line> lines = new ArrayList<>();
    // Main streets: arterials (primary, secondary) and collectors (tertiary).
    lines.add(major(true, 0, "West Line Road", StreetClass.TERTIARY));
    lines.add(major(true, 1500, "Western Avenue", StreetClass.SECONDARY));
    lines.add(major(true, 3200, "Mill Road", StreetClass.TERTIARY));
    lines.add(major(true, 5000, "Main Street", StreetClass.PRIMARY));
    lines.add(new Line(true, 6800, 0, RIVER_SOUTH_STREET, "College Avenue",
        StreetClass.TERTIARY, false, false, false));
    lines.add(new Line(true, 6800, RIVER_NORTH_STREET, HEIGHT, "College Avenue",
        StreetClass.TERTIARY, false, false, false));
    lines.add(major(true, 8500, "Eastern Avenue", StreetClass.SECONDARY));
    lines.add(major(true, 10000, "East Line Road", StreetClass.TERTIARY));
    lines.add(major(false, 0, "South Line Road", StreetClass.TERTIARY));
    lines.add(major(false, 1500, "Prairie Boulevard", StreetClass.SECONDARY));
    lines.add(major(false, 2800, "Lake Street", StreetClass.TERTIARY));
    lines.add(major(false, 4000, "Center Street", StreetClass.PRIMARY));
    lines.add(major(false, RIVER_SOUTH_STREET, "South Water Street", StreetClass.TERTIARY));
    lines.add(major(false, RIVER_NORTH_STREET, "North Water Street", StreetClass.TERTIARY));
    lines.add(major(false, 7000, "North Avenue", StreetClass.SECONDARY));
    lines.add(major(false, HEIGHT, "North Line Road", StreetClass.TERTIARY));
    lines.addAll(residentialLines());

    for (Line line : lines) {
      addStreet(line, lines);
    }
    findIntersections();
  }

  static Line major(boolean vertical, double at, String name, StreetClass c) {
    return new Line(vertical, at, 0, vertical ? HEIGHT : WIDTH, name, c, false, false, false);
  }

  static List<Line> residentialLines() {
    List<Line> raw = new ArrayList<>();
    for (int col = 0; col < X_BREAKS.length - 1; col++) {
      for (int row = 0; row < Y_BREAKS.length - 1; row++) {
        if (row == RIVER_ROW || (col == PARK_COL && row == PARK_ROW)) {
          continue;
        }
        double x0 = X_BREAKS[col], x1 = X_BREAKS[col + 1];
        double y0 = Y_BREAKS[row], y1 = Y_BREAKS[row + 1];
        double d = Math.hypot((x0 + x1) / 2 - DOWNTOWN_X, (y0 + y1) / 2 - DOWNTOWN_Y);
        double spacing = d < 1500 ? 125 : d < 3500 ? 200 : 320;
        boolean core = spacing == 125;
        int nx = Math.max(1, (int) Math.round((x1 - x0) / spacing));
        int ny = Math.max(1, (int) Math.round((y1 - y0) / spacing));
        double sx = (x1 - x0) / nx, sy = (y1 - y0) / ny;
        boolean deadEndBlock = false;
        for (int[] b : DEAD_END_BLOCKS) {
          deadEndBlock |= b[0] == col && b[1] == row;
        }
        for (int k = 1; k < nx; k++) {
          boolean deadEnd = deadEndBlock && k == nx / 2 && ny >= 2;
          double to = deadEnd ? y1 - sy / 2 : y1;
          raw.add(new Line(true, x0 + k * sx, y0, to, null, StreetClass.RESIDENTIAL,
              core && k % 2 == 1, k % 4 == 3, deadEnd));
        }
        for (int k = 1; k < ny; k++) {
          raw.add(new Line(false, y0 + k * sy, x0, x1, null, StreetClass.RESIDENTIAL,
              core && k % 2 == 1, k % 4 == 3, false));
        }
      }
    }
    // Names: avenues (tree names) west to east, numbered streets south to north.
    TreeSet<Long> xs = new TreeSet<>();
    TreeSet<Long> ys = new TreeSet<>();
    for (Line l : raw) {
      (l.vertical ? xs : ys).add(Math.round(l.at * 10));
    }
    List<Long> xList = new ArrayList<>(xs);
    List<Long> yList = new ArrayList<>(ys);
    List<Line> named = new ArrayList<>(raw.size());
    for (Line l : raw) {
      String name;
      if (l.vertical) {
        int i = xList.indexOf(Math.round(l.at * 10));
        name = TREES[i % TREES.length] + " " + AVENUE_SUFFIXES[i / TREES.length];
      } else {
        name = ordinal(yList.indexOf(Math.round(l.at * 10)) + 1) + " Street";
      }
      named.add(new Line(l.vertical, l.at, l.from, l.to, name, l.streetClass, l.oneway,
          l.reversed, l.deadEnd));
    }
    return named;
  }

  static String ordinal(int n) {
    int mod100 = n % 100;
    String suffix = mod100 >= 11 && mod100 <= 13 ? "th"
        : switch (n % 10) {
          case 1 -> "st";
          case 2 -> "nd";
          case 3 -> "rd";
          default -> "th";
        };
    return n + suffix;
  }

  void addStreet(Line line, List<Line> all) {
    TreeSet<Double> cuts = new TreeSet<>();
    cuts.add(line.from);
    cuts.add(line.to);
    for (Line other : all) {
      if (other.vertical != line.vertical && other.at >= line.from - 0.05
          && other.at <= line.to + 0.05 && line.at >= other.from - 0.05
          && line.at <= other.to + 0.05) {
        cuts.add(other.at);
      }
    }
    boolean crossesRiver = line.vertical && line.from < RIVER_SOUTH_STREET
        && line.to > RIVER_NORTH_STREET;
    double bridgeFrom = Double.NaN, bridgeTo = Double.NaN;
    if (crossesRiver) {
      double r = riverY(line.at);
      bridgeFrom = r - BRIDGE_HALF_LENGTH;
      bridgeTo = r + BRIDGE_HALF_LENGTH;
      cuts.add(bridgeFrom);
      cuts.add(bridgeTo);
    }
    List<Double> at = new ArrayList<>(cuts);
    // Cut into pieces: before the bridge, the bridge, after it (or one piece).
    List<int[]> pieces = new ArrayList<>();
    List<Boolean> isBridge = new ArrayList<>();
    List<Integer> current = new ArrayList<>();
    for (double v : at) {
      int n = line.vertical ? node(line.at, v) : node(v, line.at);
      current.add(n);
      boolean boundary = crossesRiver && (v == bridgeFrom || v == bridgeTo);
      if (boundary && current.size() > 1) {
        pieces.add(toArray(current));
        isBridge.add(v == bridgeTo);
        current = new ArrayList<>();
        current.add(n);
      }
    }
    if (current.size() > 1) {
      pieces.add(toArray(current));
      isBridge.add(false);
    }
    for (int p = 0; p < pieces.size(); p++) {
      int[] nodes = pieces.get(p);
      if (line.reversed) {
        reverse(nodes);
      }
      Map<String, String> tags = new LinkedHashMap<>();
      tags.put("highway", line.streetClass.osmValue);
      tags.put("name", line.name);
      if (line.oneway) {
        tags.put("oneway", "yes");
      }
      if (isBridge.get(p)) {
        tags.put("bridge", "yes");
        tags.put("layer", "1");
      }
      tags.put("maxspeed", switch (line.streetClass) {
        case PRIMARY -> "40 mph";
        case SECONDARY -> "35 mph";
        case TERTIARY -> "30 mph";
        case RESIDENTIAL -> "25 mph";
      });
      ways.add(new Way(nodes, tags));
      for (int i = 1; i < nodes.length; i++) {
        segments.add(new Segment(xs[nodes[i - 1]], ys[nodes[i - 1]], xs[nodes[i]], ys[nodes[i]],
            line.streetClass));
      }
    }
    if (line.deadEnd) {
      int end = line.vertical ? node(line.at, line.to) : node(line.to, line.at);
      nodeTags.put(end, Map.of("noexit", "yes"));
    }
  }

  void findIntersections() {
    int[] degree = new int[count];
    for (Way w : ways) {
      int[] n = w.nodes();
      for (int i = 0; i < n.length; i++) {
        degree[n[i]] += (i == 0 || i == n.length - 1) ? 1 : 2;
      }
    }
    for (int i = 0; i < count; i++) {
      if (degree[i] >= 3) {
        intersections.add(new double[] {xs[i], ys[i]});
      }
    }
  }

  void river() {
    List<Integer> nodes = new ArrayList<>();
    for (double x = 0; x <= WIDTH + 1e-9; x += RIVER_STEP) {
      nodes.add(looseNode(x, riverY(x)));
    }
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("waterway", "river");
    tags.put("name", "Kettle River");
    tags.put("width", "40");
    ways.add(new Way(toArray(nodes), tags));
  }

  void park() {
    double x0 = X_BREAKS[PARK_COL] + 30, x1 = X_BREAKS[PARK_COL + 1] - 30;
    double y0 = Y_BREAKS[PARK_ROW] + 30, y1 = Y_BREAKS[PARK_ROW + 1] - 30;
    int a = looseNode(x0, y0), b = looseNode(x1, y0), c = looseNode(x1, y1),
        d = looseNode(x0, y1);
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("leisure", "park");
    tags.put("name", "Riverside Park");
    ways.add(new Way(new int[] {a, b, c, d, a}, tags));
  }

  void pointsOfInterest() {
    poi(5060, 3940, Map.of("amenity", "police",
        "name", "Hotbeat Falls Police Headquarters"));
    poi(8560, 6940, Map.of("amenity", "police", "name", "North Side Police Station"));
    poi(5060, 4060, Map.of("place", "town", "name", TOWN_NAME));
  }

  void poi(double x, double y, Map<String, String> tags) {
    nodeTags.put(looseNode(x, y), new java.util.TreeMap<>(tags));
  }

  void beats() {
    double[] cols = {0, 3200, 6800, WIDTH};
    String[] colNames = {"West", "Central", "East"};
    String[] rowNames = {"Southside", "Midtown", "Northside"};
    for (int row = 0; row < 3; row++) {
      for (int col = 0; col < 3; col++) {
        double x0 = cols[col], x1 = cols[col + 1];
        List<double[]> ring = new ArrayList<>();
        switch (row) {
          case 0 -> {
            ring.add(new double[] {x0, 0});
            ring.add(new double[] {x1, 0});
            ring.add(new double[] {x1, 2800});
            ring.add(new double[] {x0, 2800});
          }
          case 1 -> {
            ring.add(new double[] {x0, 2800});
            ring.add(new double[] {x1, 2800});
            for (double x = x1; x >= x0 - 1e-9; x -= RIVER_STEP) {
              ring.add(new double[] {x, riverY(x)});
            }
          }
          default -> {
            for (double x = x0; x <= x1 + 1e-9; x += RIVER_STEP) {
              ring.add(new double[] {x, riverY(x)});
            }
            ring.add(new double[] {x1, HEIGHT});
            ring.add(new double[] {x0, HEIGHT});
          }
        }
        ring.add(ring.get(0));
        String name = row == 1 && col == 1 ? "Downtown" : rowNames[row] + " " + colNames[col];
        beats.add(new Beat((row + 1) + "0" + (col + 1), name, ring.toArray(new double[0][])));
      }
    }
  }

  static int[] toArray(List<Integer> list) {
    return list.stream().mapToInt(Integer::intValue).toArray();
  }

  static void reverse(int[] a) {
    for (int i = 0, j = a.length - 1; i < j; i++, j--) {
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
