package org.hotbeat.streets;

import com.carrotsearch.hppc.IntArrayList;
import com.graphhopper.routing.ev.BooleanEncodedValue;
import com.graphhopper.routing.subnetwork.TarjanSCC;
import com.graphhopper.routing.util.AllEdgesIterator;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.util.EdgeIteratorState;
import java.util.BitSet;
import java.util.Map;

/**
 * Finds the street network proper and sets stray fragments apart.
 *
 * <p>An OSM extract holds more than its streets: bits of ways cut at its edge, footways on roofs
 * or indoors that touch nothing else, and (from Overpass) relations whose members reach far beyond
 * the area. Two rules, applied once when the graph is built:
 * <ul>
 *   <li><b>Basemap</b>: the edges some mode may use form connected pieces (directions ignored);
 *       only the biggest piece, by length, is the street network. The others are stray fragments,
 *       counted and not drawn.
 *   <li><b>Routing</b>: for each {@link TravelMode}, only the biggest strongly connected part is
 *       kept (from any of its junctions one can reach any other); every edge outside it gets the
 *       mode's {@code subnetwork} flag, so no point snaps to it and any two snapped points are
 *       connected. A one-way carriageway cut at the extract's edge stays on the map but is not
 *       routed on.
 * </ul>
 * This replaces GraphHopper's size threshold ({@code prepare.min_network_size}), which would keep
 * any large stray piece and drop a small graph whole.
 */
final class MainNetwork {
  /**
   * @param streetEdges edges of the street network (drawn on the basemap)
   * @param fragments stray pieces left out
   * @param fragmentEdges edges in those pieces
   * @param fragmentMetres their total length, in metres
   * @param closedEdges edges no mode may use at all (private, construction…), also left out
   * @param streets the ids of the street network's edges
   */
  record Result(int streetEdges, int fragments, int fragmentEdges, double fragmentMetres,
      int closedEdges, BitSet streets) {
    @Override
    public String toString() {
      return String.format("%d street edges; %d stray fragments left out (%d edges, %.1f km); "
          + "%d edges closed to every mode", streetEdges, fragments, fragmentEdges,
          fragmentMetres / 1000, closedEdges);
    }
  }

  private MainNetwork() {}

  static Result mark(BaseGraph graph, Map<TravelMode, Weighting> weightings,
      Map<TravelMode, BooleanEncodedValue> subnetwork) {
    for (TravelMode mode : TravelMode.values()) {
      markRoutingNetwork(graph, weightings.get(mode), subnetwork.get(mode));
    }
    return findStreets(graph, weightings);
  }

  private static void markRoutingNetwork(BaseGraph graph, Weighting w, BooleanEncodedValue flag) {
    TarjanSCC.ConnectedComponents components = TarjanSCC.findComponents(graph,
        edge -> Double.isFinite(w.calcEdgeWeight(edge, false)), false);
    BitSet main = new BitSet(graph.getNodes());
    IntArrayList biggest = components.getBiggestComponent();
    for (int i = 0; i < biggest.size(); i++) {
      main.set(biggest.get(i));
    }
    AllEdgesIterator edge = graph.getAllEdges();
    while (edge.next()) {
      edge.set(flag, !(main.get(edge.getBaseNode()) && main.get(edge.getAdjNode())
          && passable(w, edge)));
    }
  }

  static boolean passable(Weighting w, EdgeIteratorState edge) {
    return Double.isFinite(w.calcEdgeWeight(edge, false))
        || Double.isFinite(w.calcEdgeWeight(edge, true));
  }

  private static boolean passableByAnyMode(Map<TravelMode, Weighting> weightings,
      EdgeIteratorState edge) {
    for (Weighting w : weightings.values()) {
      if (passable(w, edge)) {
        return true;
      }
    }
    return false;
  }

  private static Result findStreets(BaseGraph graph, Map<TravelMode, Weighting> weightings) {
    int[] parent = new int[graph.getNodes()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    BitSet open = new BitSet(graph.getEdges());
    AllEdgesIterator edge = graph.getAllEdges();
    while (edge.next()) {
      if (passableByAnyMode(weightings, edge)) {
        open.set(edge.getEdge());
        union(parent, edge.getBaseNode(), edge.getAdjNode());
      }
    }
    double[] length = new double[parent.length];
    edge = graph.getAllEdges();
    while (edge.next()) {
      if (open.get(edge.getEdge())) {
        length[find(parent, edge.getBaseNode())] += edge.getDistance();
      }
    }
    int main = 0;
    int pieces = 0;
    for (int n = 0; n < parent.length; n++) {
      if (length[n] > 0) {
        pieces++;
        if (length[n] > length[main]) {
          main = n;
        }
      }
    }
    BitSet streets = new BitSet(graph.getEdges());
    int fragmentEdges = 0;
    edge = graph.getAllEdges();
    while (edge.next()) {
      if (!open.get(edge.getEdge())) {
        continue;
      }
      if (find(parent, edge.getBaseNode()) == main) {
        streets.set(edge.getEdge());
      } else {
        fragmentEdges++;
      }
    }
    double total = 0;
    for (double l : length) {
      total += l;
    }
    return new Result(streets.cardinality(), Math.max(pieces - 1, 0), fragmentEdges,
        total - length[main], graph.getEdges() - open.cardinality(), streets);
  }

  private static void union(int[] parent, int a, int b) {
    parent[find(parent, a)] = find(parent, b);
  }

  private static int find(int[] parent, int n) {
    while (parent[n] != n) {
      parent[n] = parent[parent[n]];
      n = parent[n];
    }
    return n;
  }
}
