package org.hotbeat.streets;

import com.carrotsearch.hppc.IntArrayList;
import com.graphhopper.routing.querygraph.QueryGraph;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.util.EdgeExplorer;
import com.graphhopper.util.EdgeIterator;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The many-to-many travel-time matrix on a {@link ContractionHierarchy} (bucket-based, Knopp et
 * al. 2007): one upward search backwards from each target leaves its distance in a bucket at
 * every node it settles; one upward search from each origin scans the buckets of the nodes it
 * settles, and the least sum is the shortest route. Both searches stall on demand.
 *
 * <p>Snapped points are virtual nodes of a GraphHopper {@link QueryGraph}, which the hierarchy does
 * not hold: a short search over the query graph's virtual edges finds, for each point, the
 * junctions (base graph nodes) it reaches first and at what cost; those seed the upward searches.
 * Two points on the same street edge may also reach each other directly along it.
 *
 * <p>An instance holds arrays over all nodes (about 50 bytes a node); {@link #matrix} reuses idle
 * ones of the hierarchy rather than allocating them per matrix. One instance serves one matrix at a
 * time.
 */
final class ManyToMany {
  private final ContractionHierarchy ch;
  private final int baseNodes;
  private Weighting weighting;
  private EdgeExplorer explorer;
  // Upward search state, reset after each search through touched.
  private final double[] weight;
  private final double[] millis;
  private final double[] metres;
  private final IntArrayList touched = new IntArrayList();
  private final DoubleHeap heap;
  // Buckets: per node a linked list of (target, weight, millis, metres) entries.
  private final int[] head;
  private final IntArrayList filled = new IntArrayList();
  private int entries;
  private int[] next = new int[1024];
  private int[] bucketTarget = new int[1024];
  private double[] bucketWeight = new double[1024];
  private double[] bucketMillis = new double[1024];
  private double[] bucketMetres = new double[1024];

  private ManyToMany(ContractionHierarchy ch) {
    this.ch = ch;
    this.baseNodes = ch.nodes;
    weight = new double[baseNodes];
    millis = new double[baseNodes];
    metres = new double[baseNodes];
    Arrays.fill(weight, Double.POSITIVE_INFINITY);
    heap = new DoubleHeap(baseNodes);
    head = new int[baseNodes];
    Arrays.fill(head, -1);
  }

  /**
   * Seconds and metres from each of {@code origins} to each of {@code targets} (nodes of
   * {@code graph}, on {@code weighting}, the one {@code ch} was built with); infinite where no
   * route exists. Thread-safe.
   */
  static StreetRouter.Matrix matrix(ContractionHierarchy ch, QueryGraph graph, Weighting weighting,
      int[] origins, int[] targets) {
    ManyToMany search = ch.idleSearches.poll();
    if (search == null) {
      search = new ManyToMany(ch);
    }
    try {
      search.weighting = weighting;
      search.explorer = graph.createEdgeExplorer();
      return search.run(origins, targets);
    } finally {
      search.reset();
      ch.idleSearches.offer(search);
    }
  }

  private void reset() {
    for (int i = 0; i < touched.size(); i++) {
      weight[touched.get(i)] = Double.POSITIVE_INFINITY;
    }
    touched.clear();
    heap.clear();
    for (int i = 0; i < filled.size(); i++) {
      head[filled.get(i)] = -1;
    }
    filled.clear();
    entries = 0;
    weighting = null;
    explorer = null;
  }

  private StreetRouter.Matrix run(int[] origins, int[] targets) {
    for (int j = 0; j < targets.length; j++) {
      Local local = explore(targets[j], true);
      upward(local, true, j, null, null, null);
    }
    double[][] bestWeight = new double[origins.length][targets.length];
    double[][] seconds = new double[origins.length][targets.length];
    double[][] length = new double[origins.length][targets.length];
    for (int i = 0; i < origins.length; i++) {
      Arrays.fill(bestWeight[i], Double.POSITIVE_INFINITY);
      Arrays.fill(seconds[i], Double.POSITIVE_INFINITY);
      Arrays.fill(length[i], Double.POSITIVE_INFINITY);
      Local local = explore(origins[i], false);
      for (int j = 0; j < targets.length; j++) {
        double[] direct = local.virtual.get(targets[j]);
        if (direct != null) {   // along the street edge both points lie on
          bestWeight[i][j] = direct[0];
          seconds[i][j] = direct[1];
          length[i][j] = direct[2];
        }
      }
      upward(local, false, -1, bestWeight[i], seconds[i], length[i]);
      for (int j = 0; j < targets.length; j++) {
        seconds[i][j] /= 1000.0;
      }
    }
    return new StreetRouter.Matrix(seconds, length);
  }

  /**
   * The upward search from one point's junctions: backwards from target {@code target}, filling
   * buckets, or forwards from an origin, improving its row of the matrix.
   */
  private void upward(Local local, boolean backward, int target, double[] rowWeight,
      double[] rowMillis, double[] rowMetres) {
    for (int k = 0; k < local.size; k++) {
      int node = local.towers[k];
      if (local.weight[k] < weight[node]) {
        if (weight[node] == Double.POSITIVE_INFINITY) {
          touched.add(node);
        }
        weight[node] = local.weight[k];
        millis[node] = local.millis[k];
        metres[node] = local.metres[k];
        heap.set(node, weight[node]);
      }
    }
    // Backwards the search follows arcs into a node from higher ones (down*); it stalls when a
    // higher node reached by an outgoing arc (up*) is already closer to the target. Forwards, the
    // other way round.
    int[] start = backward ? ch.downStart : ch.upStart;
    int[] to = backward ? ch.downTo : ch.upTo;
    double[] arcWeight = backward ? ch.downWeight : ch.upWeight;
    int[] arcMillis = backward ? ch.downMillis : ch.upMillis;
    double[] arcMetres = backward ? ch.downMetres : ch.upMetres;
    int[] stallStart = backward ? ch.upStart : ch.downStart;
    int[] stallTo = backward ? ch.upTo : ch.downTo;
    double[] stallWeight = backward ? ch.upWeight : ch.downWeight;
    while (!heap.isEmpty()) {
      int node = heap.poll();
      double w = weight[node];
      if (stalled(node, w, stallStart, stallTo, stallWeight)) {
        continue;
      }
      if (backward) {
        addToBucket(node, target, w, millis[node], metres[node]);
      } else {
        for (int e = head[node]; e >= 0; e = next[e]) {
          int j = bucketTarget[e];
          double total = w + bucketWeight[e];
          if (total < rowWeight[j]) {
            rowWeight[j] = total;
            rowMillis[j] = millis[node] + bucketMillis[e];
            rowMetres[j] = metres[node] + bucketMetres[e];
          }
        }
      }
      for (int a = start[node]; a < start[node + 1]; a++) {
        int adj = to[a];
        double nw = w + arcWeight[a];
        if (nw < weight[adj]) {
          if (weight[adj] == Double.POSITIVE_INFINITY) {
            touched.add(adj);
          }
          weight[adj] = nw;
          millis[adj] = millis[node] + arcMillis[a];
          metres[adj] = metres[node] + arcMetres[a];
          heap.set(adj, nw);
        }
      }
    }
    for (int i = 0; i < touched.size(); i++) {
      weight[touched.get(i)] = Double.POSITIVE_INFINITY;
    }
    touched.clear();
  }

  /** True when a higher node already reached gives {@code node} a shorter distance than {@code w}. */
  private boolean stalled(int node, double w, int[] start, int[] to, double[] arcWeight) {
    for (int a = start[node]; a < start[node + 1]; a++) {
      if (weight[to[a]] + arcWeight[a] < w) {
        return true;
      }
    }
    return false;
  }

  private void addToBucket(int node, int target, double w, double ms, double m) {
    if (entries == next.length) {
      int size = entries * 2;
      next = Arrays.copyOf(next, size);
      bucketTarget = Arrays.copyOf(bucketTarget, size);
      bucketWeight = Arrays.copyOf(bucketWeight, size);
      bucketMillis = Arrays.copyOf(bucketMillis, size);
      bucketMetres = Arrays.copyOf(bucketMetres, size);
    }
    if (head[node] < 0) {
      filled.add(node);
    }
    next[entries] = head[node];
    bucketTarget[entries] = target;
    bucketWeight[entries] = w;
    bucketMillis[entries] = ms;
    bucketMetres[entries] = m;
    head[node] = entries++;
  }

  /** The junctions a point reaches first (or, backwards, is reached from), and the points on its way. */
  private static final class Local {
    int size;
    int[] towers = new int[4];
    double[] weight = new double[4];
    double[] millis = new double[4];
    double[] metres = new double[4];
    /** Virtual nodes reached without passing a junction: {weight, millis, metres}. */
    final Map<Integer, double[]> virtual = new HashMap<>();

    void addTower(int node, double w, double ms, double m) {
      if (size == towers.length) {
        towers = Arrays.copyOf(towers, size * 2);
        weight = Arrays.copyOf(weight, size * 2);
        millis = Arrays.copyOf(millis, size * 2);
        metres = Arrays.copyOf(metres, size * 2);
      }
      towers[size] = node;
      weight[size] = w;
      millis[size] = ms;
      metres[size] = m;
      size++;
    }
  }

  /**
   * A Dijkstra search over the query graph from {@code node} that goes on from virtual nodes only
   * and stops at junctions: a handful of nodes, since virtual nodes lie on one street edge.
   */
  private Local explore(int node, boolean backward) {
    Local local = new Local();
    if (node < baseNodes) {
      local.addTower(node, 0, 0, 0);
      return local;
    }
    Map<Integer, double[]> best = new HashMap<>();
    PriorityQueue<double[]> queue = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
    best.put(node, new double[] {0, 0, 0});
    queue.add(new double[] {0, 0, 0, node});
    while (!queue.isEmpty()) {
      double[] top = queue.poll();
      int n = (int) top[3];
      double[] known = best.get(n);
      if (known[0] < top[0]) {
        continue;   // an outdated entry
      }
      if (n < baseNodes) {
        local.addTower(n, top[0], top[1], top[2]);
        continue;
      }
      local.virtual.put(n, known);
      EdgeIterator edge = explorer.setBaseNode(n);
      while (edge.next()) {
        double w = weighting.calcEdgeWeight(edge, backward);
        if (!Double.isFinite(w)) {
          continue;
        }
        int adj = edge.getAdjNode();
        double nw = top[0] + w;
        double[] seen = best.get(adj);
        if (seen == null || nw < seen[0]) {
          double[] entry = {nw, top[1] + weighting.calcEdgeMillis(edge, backward),
              top[2] + edge.getDistance()};
          best.put(adj, entry);
          queue.add(new double[] {entry[0], entry[1], entry[2], adj});
        }
      }
    }
    return local;
  }
}
