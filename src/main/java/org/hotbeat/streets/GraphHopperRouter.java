package org.hotbeat.streets;

import com.graphhopper.GHRequest;
import com.graphhopper.GHResponse;
import com.graphhopper.ResponsePath;
import com.graphhopper.coll.MinHeapWithUpdate;
import com.graphhopper.routing.ev.BooleanEncodedValue;
import com.graphhopper.routing.querygraph.QueryGraph;
import com.graphhopper.routing.util.DefaultSnapFilter;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.EdgeExplorer;
import com.graphhopper.util.EdgeIterator;
import com.graphhopper.util.PointList;
import com.graphhopper.util.shapes.GHPoint;
import com.carrotsearch.hppc.IntArrayList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotbeat.geo.LonLat;
import org.locationtech.jts.geom.Coordinate;

/**
 * {@link StreetRouter} on a GraphHopper graph. Routes come from GraphHopper's own router. Travel
 * times come from hotbeat's {@link ContractionHierarchy} of the mode ({@link ManyToMany}; the
 * open-source GraphHopper has no matrix API), over a single query graph that holds every snapped
 * point. Without a hierarchy, one Dijkstra search runs per origin, stopped once all targets are
 * settled.
 */
final class GraphHopperRouter implements StreetRouter {
  private final StreetGraphHopper hopper;
  private final Map<TravelMode, Weighting> weightings;
  private final Map<TravelMode, BooleanEncodedValue> subnetwork;
  private final Map<TravelMode, ContractionHierarchy> hierarchies;

  GraphHopperRouter(StreetGraphHopper hopper, Map<TravelMode, Weighting> weightings,
      Map<TravelMode, BooleanEncodedValue> subnetwork,
      Map<TravelMode, ContractionHierarchy> hierarchies) {
    this.hopper = hopper;
    this.weightings = weightings;
    this.subnetwork = subnetwork;
    this.hierarchies = hierarchies;
  }

  @Override
  public LonLat snap(TravelMode mode, LonLat point) {
    Snap s = snap(mode, point, 0);
    return LonLat.of(s.getSnappedPoint().getLon(), s.getSnappedPoint().getLat());
  }

  @Override
  public Route route(TravelMode mode, LonLat from, LonLat to) {
    // Route between the snapped points: GraphHopper refuses a point outside the graph's bounding
    // box even when a street is within reach of it.
    GHPoint a = snap(mode, from, 0).getSnappedPoint();
    GHPoint b = snap(mode, to, 1).getSnappedPoint();
    GHResponse response = hopper.route(new GHRequest(a.getLat(), a.getLon(), b.getLat(),
        b.getLon()).setProfile(mode.id()));
    if (response.hasErrors()) {
      throw new IllegalStateException("no " + mode.id() + " route from " + from + " to " + to
          + ": " + response.getErrors());
    }
    ResponsePath best = response.getBest();
    PointList points = best.getPoints();
    Coordinate[] cs = new Coordinate[Math.max(points.size(), 2)];
    for (int i = 0; i < cs.length; i++) {
      int j = Math.min(i, points.size() - 1);
      cs[i] = new Coordinate(points.getLon(j), points.getLat(j));
    }
    return new Route(best.getDistance(), best.getTime() / 1000.0,
        StreetGraph.WGS84.createLineString(cs));
  }

  @Override
  public TravelTimes travelTimes(TravelMode mode, LonLat from, List<LonLat> to) {
    Matrix m = matrix(mode, List.of(from), to);
    return new TravelTimes(m.seconds()[0], m.metres()[0]);
  }

  @Override
  public Matrix matrix(TravelMode mode, List<LonLat> from, List<LonLat> to) {
    ContractionHierarchy ch = hierarchies.get(mode);
    return ch == null ? dijkstraMatrix(mode, from, to) : hierarchyMatrix(ch, mode, from, to);
  }

  /** The matrix from upward searches on the mode's contraction hierarchy. */
  Matrix hierarchyMatrix(ContractionHierarchy ch, TravelMode mode, List<LonLat> from,
      List<LonLat> to) {
    Snapped s = snapAll(mode, from, to);
    return ManyToMany.matrix(ch, s.graph(), s.graph().wrapWeighting(weightings.get(mode)),
        s.origins(), s.targets());
  }

  /**
   * The matrix from one Dijkstra search per origin over the whole graph: for graphs without a
   * hierarchy, and the reference the hierarchy's results are tested against.
   */
  Matrix dijkstraMatrix(TravelMode mode, List<LonLat> from, List<LonLat> to) {
    Snapped s = snapAll(mode, from, to);
    Search search = new Search(s.graph(), s.graph().wrapWeighting(weightings.get(mode)),
        s.targets());
    double[][] seconds = new double[from.size()][];
    double[][] metres = new double[from.size()][];
    for (int i = 0; i < s.origins().length; i++) {
      search.run(s.origins()[i]);
      seconds[i] = search.seconds();
      metres[i] = search.metres();
    }
    return new Matrix(seconds, metres);
  }

  /** The points as nodes of one query graph that holds them all. */
  private record Snapped(QueryGraph graph, int[] origins, int[] targets) {}

  private Snapped snapAll(TravelMode mode, List<LonLat> from, List<LonLat> to) {
    // Each distinct point is snapped once; all of them go into one query graph.
    Map<LonLat, Snap> snapped = new HashMap<>();
    List<Snap> origins = new ArrayList<>(from.size());
    List<Snap> targets = new ArrayList<>(to.size());
    for (int i = 0; i < from.size(); i++) {
      origins.add(snapOnce(snapped, mode, from.get(i), i));
    }
    for (int i = 0; i < to.size(); i++) {
      targets.add(snapOnce(snapped, mode, to.get(i), from.size() + i));
    }
    QueryGraph graph = QueryGraph.create(hopper.getBaseGraph(), new ArrayList<>(snapped.values()));
    // The query graph turns each snap's closest node into its virtual node.
    return new Snapped(graph, origins.stream().mapToInt(Snap::getClosestNode).toArray(),
        targets.stream().mapToInt(Snap::getClosestNode).toArray());
  }

  private Snap snapOnce(Map<LonLat, Snap> snapped, TravelMode mode, LonLat p, int index) {
    Snap s = snapped.get(p);
    if (s == null) {
      s = snap(mode, p, index);
      snapped.put(p, s);
    }
    return s;
  }

  /**
   * Dijkstra from one origin until every target is settled, on arrays reused between origins
   * (only the nodes a search touched are reset). Not thread-safe: one per {@link #matrix} call.
   */
  private static final class Search {
    private final QueryGraph graph;
    private final Weighting weighting;
    private final EdgeExplorer explorer;
    private final int[] targetNodes;
    private final double[] weight;
    private final double[] millis;
    private final double[] metres;
    private final boolean[] settled;
    private final boolean[] wanted;
    private final int wantedCount;
    private final IntArrayList touched = new IntArrayList();
    private final MinHeapWithUpdate heap;

    Search(QueryGraph graph, Weighting weighting, int[] targets) {
      this.graph = graph;
      this.weighting = weighting;
      this.explorer = graph.createEdgeExplorer();
      int n = graph.getNodes();
      weight = new double[n];
      millis = new double[n];
      metres = new double[n];
      settled = new boolean[n];
      wanted = new boolean[n];
      Arrays.fill(weight, Double.POSITIVE_INFINITY);
      heap = new MinHeapWithUpdate(n);
      targetNodes = targets;
      int count = 0;
      for (int i = 0; i < targetNodes.length; i++) {
        if (!wanted[targetNodes[i]]) {
          wanted[targetNodes[i]] = true;
          count++;
        }
      }
      wantedCount = count;
    }

    void run(int start) {
      for (int i = 0; i < touched.size(); i++) {
        int node = touched.get(i);
        weight[node] = Double.POSITIVE_INFINITY;
        settled[node] = false;
      }
      touched.clear();
      heap.clear();
      int pending = wantedCount;
      weight[start] = 0;
      millis[start] = 0;
      metres[start] = 0;
      touched.add(start);
      heap.push(start, 0f);
      while (!heap.isEmpty() && pending > 0) {
        int node = heap.poll();
        settled[node] = true;
        if (wanted[node]) {
          pending--;
        }
        EdgeIterator edge = explorer.setBaseNode(node);
        while (edge.next()) {
          int adj = edge.getAdjNode();
          if (settled[adj]) {
            continue;
          }
          double w = weighting.calcEdgeWeight(edge, false);
          if (!Double.isFinite(w) || weight[node] + w >= weight[adj]) {
            continue;
          }
          boolean seen = Double.isFinite(weight[adj]);
          weight[adj] = weight[node] + w;
          millis[adj] = millis[node] + weighting.calcEdgeMillis(edge, false);
          metres[adj] = metres[node] + edge.getDistance();
          if (seen) {
            heap.update(adj, (float) weight[adj]);
          } else {
            touched.add(adj);
            heap.push(adj, (float) weight[adj]);
          }
        }
      }
    }

    double[] seconds() {
      double[] out = new double[targetNodes.length];
      for (int i = 0; i < out.length; i++) {
        int node = targetNodes[i];
        out[i] = settled[node] ? millis[node] / 1000.0 : Double.POSITIVE_INFINITY;
      }
      return out;
    }

    double[] metres() {
      double[] out = new double[targetNodes.length];
      for (int i = 0; i < out.length; i++) {
        int node = targetNodes[i];
        out[i] = settled[node] ? metres[node] : Double.POSITIVE_INFINITY;
      }
      return out;
    }
  }

  private Snap snap(TravelMode mode, LonLat p, int index) {
    Snap snap = hopper.getLocationIndex().findClosest(p.lat(), p.lon(),
        new DefaultSnapFilter(weightings.get(mode), subnetwork.get(mode)));
    if (!snap.isValid()) {
      throw new OffNetworkException(p, index, mode, "no street within reach");
    }
    if (snap.getQueryDistance() > MAX_SNAP_METRES) {
      throw new OffNetworkException(p, index, mode, String.format(
          "the nearest street is %.0f m away (at most %.0f m)", snap.getQueryDistance(),
          MAX_SNAP_METRES));
    }
    return snap;
  }
}
