package org.hotbeat.streets;

import com.graphhopper.routing.ev.BooleanEncodedValue;
import com.graphhopper.routing.ev.EnumEncodedValue;
import com.graphhopper.routing.ev.RoadClass;
import com.graphhopper.routing.ev.RoadClassLink;
import com.graphhopper.routing.ev.RoadEnvironment;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.routing.util.AllEdgesIterator;
import com.graphhopper.util.FetchMode;
import com.graphhopper.util.PointList;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.PrecisionModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A GraphHopper street graph (profiles {@code car} and {@code foot}) held in memory: built from an
 * OSM file by {@link #build}, or loaded read-only from its directory by {@link #load}. Once built
 * or loaded it is immutable, and {@link #router()} may be used from many threads.
 */
public final class StreetGraph implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(StreetGraph.class);
  static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

  private final StreetGraphHopper hopper;
  private final Map<TravelMode, Weighting> weightings;
  private final Map<TravelMode, BooleanEncodedValue> subnetwork;
  private final Map<TravelMode, ContractionHierarchy> hierarchies;

  private StreetGraph(StreetGraphHopper hopper, Map<TravelMode, ContractionHierarchy> hierarchies) {
    this.hopper = hopper;
    this.weightings = hopper.weightings();
    this.subnetwork = hopper.subnetworkFlags();
    this.hierarchies = hierarchies;
  }

  /**
   * Each mode's contraction hierarchy: read from {@code dir} when stored there, otherwise built now
   * (a graph imported before hierarchies existed gets them in memory, since loading never writes),
   * and stored when {@code store}.
   */
  private static Map<TravelMode, ContractionHierarchy> hierarchies(StreetGraphHopper h, Path dir,
      boolean store) {
    Map<TravelMode, ContractionHierarchy> out = new EnumMap<>(TravelMode.class);
    Map<TravelMode, Weighting> weightings = h.weightings();
    for (TravelMode mode : TravelMode.values()) {
      Path file = ContractionHierarchy.file(dir, mode);
      ContractionHierarchy ch = ContractionHierarchy.read(file, h.getBaseGraph().getNodes());
      if (ch == null) {
        long t0 = System.nanoTime();
        ch = Contractor.contract(h.getBaseGraph(), weightings.get(mode));
        log.info("{} contraction hierarchy: {} arcs in {} ms", mode.id(), ch.arcs(),
            (System.nanoTime() - t0) / 1_000_000);
        if (store) {
          ch.write(file);
        }
      }
      out.put(mode, ch);
    }
    return out;
  }

  /**
   * Reads {@code osmFile} ({@code .osm.pbf} or {@code .osm} XML) into a new graph stored in
   * {@code dir}, which must not exist yet. GraphHopper's own exceptions pass through; the importer
   * turns them into a message.
   */
  static StreetGraph build(Path osmFile, Path dir) {
    if (java.nio.file.Files.exists(dir)) {
      // GraphHopper would load what is there instead of importing.
      throw new IllegalStateException("the new graph's directory exists already: " + dir);
    }
    StreetGraphHopper h = new StreetGraphHopper(dir);
    h.setOSMFile(osmFile.toString());
    try {
      h.importOrLoad();
      return new StreetGraph(h, hierarchies(h, dir, true));
    } catch (RuntimeException e) {
      h.close();
      throw e;
    }
  }

  /** Loads the graph stored in {@code dir} into memory, read-only. */
  public static StreetGraph load(Path dir) {
    StreetGraphHopper h = new StreetGraphHopper(dir);
    h.setAllowWrites(false);
    try {
      if (!h.load()) {
        throw new NoStreetGraphException("no street graph in " + dir);
      }
      return new StreetGraph(h, hierarchies(h, dir, false));
    } catch (RuntimeException e) {
      h.close();
      throw e;
    }
  }

  /** What the build kept and dropped as stray fragments; null for a loaded graph. */
  MainNetwork.Result network() {
    return hopper.network();
  }

  public int nodes() {
    return hopper.getBaseGraph().getNodes();
  }

  public int edges() {
    return hopper.getBaseGraph().getEdges();
  }

  /** Routes and travel times on this graph. */
  public StreetRouter router() {
    return new GraphHopperRouter(hopper, weightings, subnetwork, hierarchies);
  }

  /**
   * Hands every edge of the street network (see {@link MainNetwork}) to {@code sink}, as the
   * basemap draws it. Only on a graph this process built: the network is found during the build.
   */
  void forEachSegment(Consumer<StreetSegment> sink) {
    MainNetwork.Result network = hopper.network();
    if (network == null) {
      throw new IllegalStateException("street segments come from a graph built in this process");
    }
    var em = hopper.getEncodingManager();
    EnumEncodedValue<RoadClass> roadClass = em.getEnumEncodedValue(RoadClass.KEY, RoadClass.class);
    EnumEncodedValue<RoadEnvironment> environment =
        em.getEnumEncodedValue(RoadEnvironment.KEY, RoadEnvironment.class);
    BooleanEncodedValue link = em.getBooleanEncodedValue(RoadClassLink.KEY);
    Weighting carW = weightings.get(TravelMode.CAR);
    AllEdgesIterator edge = hopper.getBaseGraph().getAllEdges();
    while (edge.next()) {
      if (!network.streets().get(edge.getEdge())) {
        continue;
      }
      boolean carForward = Double.isFinite(carW.calcEdgeWeight(edge, false));
      boolean carBackward = Double.isFinite(carW.calcEdgeWeight(edge, true));
      boolean oneway = carForward != carBackward;
      LineString line = line(edge.fetchWayGeometry(FetchMode.ALL), oneway && carBackward);
      String name = edge.getName();
      String cls = edge.get(roadClass).toString();
      boolean isLink = edge.get(link);
      sink.accept(new StreetSegment(edge.getEdge(), cls, isLink, name.isBlank() ? null : name,
          oneway, routable(TravelMode.CAR, edge), routable(TravelMode.FOOT, edge),
          edge.get(environment).toString(), edge.getDistance(), StreetSegment.minZoom(cls, isLink),
          line));
    }
  }

  private boolean routable(TravelMode mode, AllEdgesIterator edge) {
    return !edge.get(subnetwork.get(mode)) && MainNetwork.passable(weightings.get(mode), edge);
  }

  private static LineString line(PointList points, boolean reverse) {
    int n = points.size();
    Coordinate[] cs = new Coordinate[n];
    for (int i = 0; i < n; i++) {
      int j = reverse ? n - 1 - i : i;
      cs[i] = new Coordinate(points.getLon(j), points.getLat(j));
    }
    return WGS84.createLineString(cs);
  }

  @Override
  public void close() {
    hopper.close();
  }
}
