package org.hotbeat.streets;

import com.carrotsearch.hppc.IntArrayList;
import com.graphhopper.routing.util.AllEdgesIterator;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.BaseGraph;

/**
 * Builds a {@link ContractionHierarchy} for one travel mode: nodes are contracted one by one, the
 * least important first (edge difference plus contracted neighbours, updated lazily), and a
 * shortcut u → x replaces u → v → x whenever a bounded local search finds no path from u to x
 * that avoids v and is as short. An unfinished witness search only adds a shortcut too many, so
 * the hierarchy is exact whatever the bounds.
 */
final class Contractor {
  /**
   * Nodes a witness search may settle: more finds more witnesses (on the Loop's foot graph 200
   * gives 8 % fewer arcs than 20, and no faster matrix), fewer contracts faster.
   */
  private static final int WITNESS_SETTLED = 20;

  private final int n;
  // Arcs, original and shortcuts, in growable arrays.
  private int arcs;
  private int[] from = new int[1024];
  private int[] to = new int[1024];
  private double[] weight = new double[1024];
  private int[] millis = new int[1024];
  private double[] metres = new double[1024];
  private final IntArrayList[] out;
  private final IntArrayList[] in;
  private final boolean[] contracted;
  private final int[] deletedNeighbours;
  private final int[] rank;
  // Witness search state.
  private final double[] dist;
  private final IntArrayList touched = new IntArrayList();
  private final DoubleHeap witnessHeap;

  private Contractor(int n) {
    this.n = n;
    out = new IntArrayList[n];
    in = new IntArrayList[n];
    for (int i = 0; i < n; i++) {
      out[i] = new IntArrayList(4);
      in[i] = new IntArrayList(4);
    }
    contracted = new boolean[n];
    deletedNeighbours = new int[n];
    rank = new int[n];
    dist = new double[n];
    java.util.Arrays.fill(dist, Double.POSITIVE_INFINITY);
    witnessHeap = new DoubleHeap(n);
  }

  /** The hierarchy of {@code graph}'s edges as {@code weighting} sees them (impassable ones left out). */
  static ContractionHierarchy contract(BaseGraph graph, Weighting weighting) {
    Contractor c = new Contractor(graph.getNodes());
    AllEdgesIterator e = graph.getAllEdges();
    while (e.next()) {
      int u = e.getBaseNode();
      int v = e.getAdjNode();
      if (u == v) {
        continue;   // a loop is never on a shortest path
      }
      double forward = weighting.calcEdgeWeight(e, false);
      if (Double.isFinite(forward)) {
        c.addArc(u, v, forward, Math.toIntExact(weighting.calcEdgeMillis(e, false)), e.getDistance());
      }
      double backward = weighting.calcEdgeWeight(e, true);
      if (Double.isFinite(backward)) {
        c.addArc(v, u, backward, Math.toIntExact(weighting.calcEdgeMillis(e, true)), e.getDistance());
      }
    }
    c.run();
    return c.hierarchy();
  }

  private void run() {
    DoubleHeap queue = new DoubleHeap(n);
    for (int v = 0; v < n; v++) {
      queue.set(v, priority(v));
    }
    int next = 0;
    while (!queue.isEmpty()) {
      int v = queue.poll();
      double p = priority(v);
      if (!queue.isEmpty() && p > queue.peekKey()) {
        queue.set(v, p);   // lazy update: no longer the least important
        continue;
      }
      contractNode(v, false);
      contracted[v] = true;
      rank[v] = next++;
      detach(v);
      updateNeighbours(v, queue, out[v], true);
      updateNeighbours(v, queue, in[v], false);
    }
  }

  /** Drops the arcs of contracted {@code v} from its neighbours' lists, which keeps them short. */
  private void detach(int v) {
    for (int i = 0; i < out[v].size(); i++) {
      remove(in[to[out[v].get(i)]], out[v].get(i));
    }
    for (int i = 0; i < in[v].size(); i++) {
      remove(out[from[in[v].get(i)]], in[v].get(i));
    }
  }

  private static void remove(IntArrayList list, int arc) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) == arc) {
        list.set(i, list.get(list.size() - 1));
        list.elementsCount--;
        return;
      }
    }
  }

  private void updateNeighbours(int v, DoubleHeap queue, IntArrayList list, boolean outgoing) {
    for (int i = 0; i < list.size(); i++) {
      int a = list.get(i);
      int w = outgoing ? to[a] : from[a];
      if (!contracted[w] && queue.contains(w)) {
        deletedNeighbours[w]++;
        queue.set(w, priority(w));
      }
    }
  }

  private double priority(int v) {
    int removed = 0;
    for (int i = 0; i < out[v].size(); i++) {
      removed += contracted[to[out[v].get(i)]] ? 0 : 1;
    }
    for (int i = 0; i < in[v].size(); i++) {
      removed += contracted[from[in[v].get(i)]] ? 0 : 1;
    }
    int shortcuts = contractNode(v, true);
    return 2.0 * (shortcuts - removed) + deletedNeighbours[v];
  }

  /** Adds (or, simulating, counts) the shortcuts that contracting {@code v} needs. */
  private int contractNode(int v, boolean simulate) {
    int shortcuts = 0;
    IntArrayList ins = in[v];
    IntArrayList outs = out[v];
    for (int i = 0; i < ins.size(); i++) {
      int a = ins.get(i);
      int u = from[a];
      if (contracted[u]) {
        continue;
      }
      double limit = -1;
      for (int j = 0; j < outs.size(); j++) {
        int b = outs.get(j);
        if (!contracted[to[b]] && to[b] != u) {
          limit = Math.max(limit, weight[a] + weight[b]);
        }
      }
      if (limit < 0) {
        continue;
      }
      witnessSearch(u, v, limit);
      for (int j = 0; j < outs.size(); j++) {
        int b = outs.get(j);
        int x = to[b];
        if (contracted[x] || x == u) {
          continue;
        }
        double via = weight[a] + weight[b];
        if (dist[x] <= via) {
          continue;   // a witness: the path avoiding v is as short
        }
        shortcuts++;
        if (!simulate) {
          addShortcut(u, x, via, millis[a] + millis[b], metres[a] + metres[b]);
          if (dist[x] == Double.POSITIVE_INFINITY) {
            touched.add(x);
          }
          dist[x] = via;   // a parallel in-arc from u sees this shortcut as a witness
        }
      }
      resetWitness();
    }
    return shortcuts;
  }

  private void witnessSearch(int source, int avoid, double limit) {
    dist[source] = 0;
    touched.add(source);
    witnessHeap.set(source, 0);
    int settled = 0;
    while (!witnessHeap.isEmpty() && settled < WITNESS_SETTLED) {
      int node = witnessHeap.poll();
      double d = dist[node];
      if (d > limit) {
        break;
      }
      settled++;
      IntArrayList arcsOut = out[node];
      for (int i = 0; i < arcsOut.size(); i++) {
        int a = arcsOut.get(i);
        int x = to[a];
        if (x == avoid || contracted[x]) {
          continue;
        }
        double nd = d + weight[a];
        if (nd < dist[x]) {
          if (dist[x] == Double.POSITIVE_INFINITY) {
            touched.add(x);
          }
          dist[x] = nd;
          witnessHeap.set(x, nd);
        }
      }
    }
  }

  private void resetWitness() {
    for (int i = 0; i < touched.size(); i++) {
      dist[touched.get(i)] = Double.POSITIVE_INFINITY;
    }
    touched.clear();
    witnessHeap.clear();
  }

  private void addShortcut(int u, int x, double w, int ms, double m) {
    IntArrayList arcsOut = out[u];
    for (int i = 0; i < arcsOut.size(); i++) {
      int a = arcsOut.get(i);
      if (to[a] == x) {
        if (weight[a] > w) {   // replace a longer arc between the same two nodes
          weight[a] = w;
          millis[a] = ms;
          metres[a] = m;
        }
        return;
      }
    }
    addArc(u, x, w, ms, m);
  }

  private void addArc(int u, int v, double w, int ms, double m) {
    if (arcs == from.length) {
      int size = arcs * 2;
      from = java.util.Arrays.copyOf(from, size);
      to = java.util.Arrays.copyOf(to, size);
      weight = java.util.Arrays.copyOf(weight, size);
      millis = java.util.Arrays.copyOf(millis, size);
      metres = java.util.Arrays.copyOf(metres, size);
    }
    from[arcs] = u;
    to[arcs] = v;
    weight[arcs] = w;
    millis[arcs] = ms;
    metres[arcs] = m;
    out[u].add(arcs);
    in[v].add(arcs);
    arcs++;
  }

  private ContractionHierarchy hierarchy() {
    return ContractionHierarchy.of(n, rank, arcs, from, to, weight, millis, metres);
  }
}
