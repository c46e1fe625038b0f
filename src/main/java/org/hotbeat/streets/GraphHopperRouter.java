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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.hotbeat.geo.LonLat;
import org.locationtech.jts.geom.Coordinate;

/**
 * {@link StreetRouter} on a GraphHopper graph. Routes come from GraphHopper's own router; travel
 * times from one Dijkstra search per origin over a query graph that holds every snapped point,
 * stopped once all targets are settled (the open-source GraphHopper has no matrix API).
 */
final class GraphHopperRouter implements StreetRouter {
  private final StreetGraphHopper hopper;
  private final Map<TravelMode, Weighting> weightings;
  private final Map<TravelMode, BooleanEncodedValue> subnetwork;

  GraphHopperRouter(StreetGraphHopper hopper, Map<TravelMode, Weighting> weightings,
      Map<TravelMode, BooleanEncodedValue> subnetwork) {
    this.hopper = hopper;
    this.weightings = weightings;
    this.subnetwork = subnetwork;
  }

  @Override
  public Route route(TravelMode mode, LonLat from, LonLat to) {
    snap(mode, from, 0);
    snap(mode, to, 1);
    GHResponse response = hopper.route(new GHRequest(from.lat(), from.lon(), to.lat(), to.lon())
        .setProfile(mode.id()));
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
    List<Snap> snaps = new ArrayList<>(to.size() + 1);
    snaps.add(snap(mode, from, 0));
    for (int i = 0; i < to.size(); i++) {
      snaps.add(snap(mode, to.get(i), i + 1));
    }
    QueryGraph graph = QueryGraph.create(hopper.getBaseGraph(), snaps);
    Weighting weighting = graph.wrapWeighting(weightings.get(mode));

    int n = graph.getNodes();
    double[] weight = new double[n];
    double[] millis = new double[n];
    double[] metres = new double[n];
    Arrays.fill(weight, Double.POSITIVE_INFINITY);
    boolean[] settled = new boolean[n];
    boolean[] wanted = new boolean[n];
    int pending = 0;
    for (int i = 1; i < snaps.size(); i++) {
      int node = snaps.get(i).getClosestNode();
      if (!wanted[node]) {
        wanted[node] = true;
        pending++;
      }
    }
    int start = snaps.get(0).getClosestNode();
    weight[start] = 0;
    MinHeapWithUpdate heap = new MinHeapWithUpdate(n);
    heap.push(start, 0f);
    EdgeExplorer explorer = graph.createEdgeExplorer();
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
          heap.push(adj, (float) weight[adj]);
        }
      }
    }
    double[] seconds = new double[to.size()];
    double[] lengths = new double[to.size()];
    for (int i = 0; i < to.size(); i++) {
      int node = snaps.get(i + 1).getClosestNode();
      seconds[i] = settled[node] ? millis[node] / 1000.0 : Double.POSITIVE_INFINITY;
      lengths[i] = settled[node] ? metres[node] : Double.POSITIVE_INFINITY;
    }
    return new TravelTimes(seconds, lengths);
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
