package org.hotbeat.patrol;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.hotbeat.geo.LonLat;
import org.hotbeat.store.BeatRepository;
import org.hotbeat.store.IncidentRepository;
import org.hotbeat.streets.OffNetworkException;
import org.hotbeat.streets.StreetNetwork;
import org.hotbeat.streets.StreetRepository;
import org.hotbeat.streets.StreetRouter;
import org.hotbeat.streets.TravelMode;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes patrol plans: the risk surface of the area, its hotspot candidates snapped to the street
 * network, travel times between them for each unit's mode, the team-orienteering solution with
 * dwell times and revisits, and the plan with its routes along the streets, stored. Thread-safe.
 */
public final class PatrolPlanner {
  /** Rounds of the solver's perturb-and-repair per plan. */
  public static final int ITERATIONS = 400;
  /** Plans within this share of the best risk found are equally good to choose from. */
  public static final double TOLERANCE = 0.002;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern(
      "yyyy-MM-dd'T'HH:mm:ssXXX");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger log = LoggerFactory.getLogger(PatrolPlanner.class);

  private final BeatRepository beats;
  private final RiskSurface surfaces;
  private final StreetNetwork network;
  private final StreetRepository streets;
  private final PlanRepository plans;
  private final Clock clock;

  public PatrolPlanner(BeatRepository beats, IncidentRepository incidents, StreetNetwork network,
      StreetRepository streets, PlanRepository plans, Clock clock) {
    this.beats = beats;
    this.surfaces = new RiskSurface(incidents);
    this.network = network;
    this.streets = streets;
    this.plans = plans;
    this.clock = clock;
  }

  /** The area's outline (EPSG:4326) and agency. */
  private record ResolvedArea(Geometry outline, String agency, String geoJson) {}

  /**
   * Plans, stores and returns a plan.
   *
   * @param requestJson the request as received, stored beside the plan
   * @throws PlanException for an unknown or ambiguous beat, a station off the street network
   * @throws org.hotbeat.streets.NoStreetGraphException when no street graph is in service
   */
  public PlanDocument plan(PlanRequest req, String createdBy, String requestJson)
      throws SQLException {
    long t0 = System.nanoTime();
    ResolvedArea area = resolve(req.area());
    StreetRouter router = network.router();
    List<LonLat[]> ends = snapUnits(router, req.units());
    List<String> notes = new ArrayList<>();
    Solution solution = prepare(req, area, router, ends, notes);
    long t1 = System.nanoTime();
    if (solution.problem() != null) {
      solution = solution.solved(OrienteeringSolver.solveVaried(solution.problem(), req.seed(),
          ITERATIONS, TOLERANCE));
    }
    long t2 = System.nanoTime();
    PlanDocument doc = document(req, area, createdBy, router, ends, solution, notes);
    plans.save(doc, requestJson, area.geoJson(), req.shiftStart(), req.shiftEnd());
    long t3 = System.nanoTime();
    log.info("plan {} for {}: {} hotspots, {} units, {} stops in {} ms (surface, candidates and "
        + "matrix {} ms, solver {} ms, routes and storing {} ms)", doc.id(), doc.area().label(),
        solution.sites().size(), req.units().size(), doc.totals().stops(), (t3 - t0) / 1_000_000,
        (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
    return doc;
  }

  /** What the solver decided, with the candidates it decided over. */
  private record Solution(List<Site> sites, double areaRisk, int incidents, List<Integer> hours,
      PatrolProblem problem, PatrolPlan plan, int visitsPerSite) {
    Solution solved(PatrolPlan p) {
      return new Solution(sites, areaRisk, incidents, hours, problem, p, visitsPerSite);
    }

    static Solution empty(double areaRisk, int incidents, List<Integer> hours) {
      return new Solution(List.of(), areaRisk, incidents, hours, null, null, 1);
    }
  }

  /** A hotspot candidate on the street network. */
  private record Site(LonLat at, double risk) {}

  /**
   * The team-orienteering problem a request poses, without solving it (null when there is
   * nothing to plan): for benchmarks and for inspecting the planner.
   */
  public PatrolProblem problem(PlanRequest req) throws SQLException {
    StreetRouter router = network.router();
    return prepare(req, resolve(req.area()), router, snapUnits(router, req.units()),
        new ArrayList<>()).problem();
  }

  private Solution prepare(PlanRequest req, ResolvedArea area, StreetRouter router,
      List<LonLat[]> ends, List<String> notes) throws SQLException {
    long shiftSeconds = req.shift().toSeconds();
    long dwellSeconds = req.dwell().toSeconds();
    List<Integer> allHours = new ArrayList<>(new TreeSet<>(req.risk().hours()));
    if (shiftSeconds < dwellSeconds) {
      notes.add("the shift (" + shiftSeconds / 60 + " min) is shorter than one stop's dwell ("
          + dwellSeconds / 60 + " min): no stop fits");
      return Solution.empty(0, 0, allHours);
    }
    RiskSurface.Surface surface = surfaces.compute(area.outline(), area.agency(), req.risk(),
        req.candidates().separationMetres(), notes);
    if (surface == null) {
      notes.add("no incidents near the area between " + req.risk().from() + " and "
          + req.risk().to() + (req.risk().weights().isEmpty() ? ""
          : " in " + req.risk().weights().keySet()) + ": no hotspots to patrol");
      return Solution.empty(0, 0, allHours);
    }
    List<Integer> hours = new ArrayList<>(new TreeSet<>(surface.hours()));
    HotspotCandidates.Result found = HotspotCandidates.find(surface.grid(), surface.areaPlane(),
        req.candidates().separationMetres(), req.candidates().max(), req.candidates().minRisk());
    List<Site> sites = snapSites(router, req.units(), surface, found, notes);
    if (sites.isEmpty()) {
      notes.add("no hotspot in the area covers at least " + req.candidates().minRisk()
          + " weighted incidents of the risk period: nothing to patrol");
      return Solution.empty(found.areaRisk(), surface.incidents(), hours);
    }
    if (req.units().size() > sites.size()) {
      notes.add(req.units().size() + " units for " + sites.size()
          + " hotspots: some units will have no stop");
    }
    int visits = req.revisit().toSeconds() >= shiftSeconds ? 1
        : (int) Math.ceil((double) shiftSeconds / req.revisit().toSeconds());
    PatrolProblem problem = problem(req, router, ends, sites, visits);
    return new Solution(sites, found.areaRisk(), surface.incidents(), hours, problem, null,
        visits);
  }

  /** Candidates snapped to the streets of every mode in use; those off the network are left out. */
  private static List<Site> snapSites(StreetRouter router, List<PlanRequest.Unit> units,
      RiskSurface.Surface surface, HotspotCandidates.Result found, List<String> notes) {
    TravelMode primary = units.stream().anyMatch(u -> u.mode() == TravelMode.CAR)
        ? TravelMode.CAR : TravelMode.FOOT;
    List<Site> sites = new ArrayList<>();
    int off = 0;
    for (HotspotCandidates.Candidate c : found.candidates()) {
      double[] ll = surface.projection().inverse(c.x(), c.y());
      try {
        LonLat at = router.snap(primary, LonLat.of(ll[0], ll[1]));
        for (TravelMode mode : units.stream().map(PlanRequest.Unit::mode).distinct().toList()) {
          router.snap(mode, at);
        }
        sites.add(new Site(at, c.risk()));
      } catch (OffNetworkException e) {
        off++;
      }
    }
    if (off > 0) {
      notes.add(off + " hotspot(s) lie farther than " + (int) StreetRouter.MAX_SNAP_METRES
          + " m from a street the units can use and were left out");
    }
    return sites;
  }

  /**
   * The orienteering problem: {@code visits} candidates per site (visit v of site s is node
   * s·visits + v), each worth the site's risk / visits; then each unit's start and end.
   */
  private static PatrolProblem problem(PlanRequest req, StreetRouter router, List<LonLat[]> ends,
      List<Site> sites, int visits) {
    int m = sites.size();
    int n = m * visits;
    List<LonLat> points = new ArrayList<>();
    sites.forEach(s -> points.add(s.at()));
    ends.forEach(e -> {
      points.add(e[0]);
      points.add(e[1]);
    });
    Map<TravelMode, double[][]> times = new EnumMap<>(TravelMode.class);
    for (PlanRequest.Unit u : req.units()) {
      times.computeIfAbsent(u.mode(), mode -> router.matrix(mode, points, points).seconds());
    }
    int units = req.units().size();
    double[][][] travel = new double[units][n + 2 * units][n + 2 * units];
    for (int u = 0; u < units; u++) {
      double[][] t = times.get(req.units().get(u).mode());
      for (int a = 0; a < n + 2 * units; a++) {
        int pa = a < n ? a / visits : m + a - n;
        for (int b = 0; b < n + 2 * units; b++) {
          int pb = b < n ? b / visits : m + b - n;
          travel[u][a][b] = t[pa][pb];
        }
      }
    }
    double[] risk = new double[n];
    double[] dwell = new double[n];
    int[] site = new int[n];
    for (int c = 0; c < n; c++) {
      site[c] = c / visits;
      risk[c] = sites.get(c / visits).risk() / visits;
      dwell[c] = req.dwell().toSeconds();
    }
    int[] start = new int[units];
    int[] end = new int[units];
    double[] budget = new double[units];
    for (int u = 0; u < units; u++) {
      start[u] = n + 2 * u;
      end[u] = n + 2 * u + 1;
      budget[u] = req.shift().toSeconds();
    }
    return new PatrolProblem(n, risk, dwell, travel, start, end, budget, site,
        visits > 1 ? req.revisit().toSeconds() : 0, req.maxStops());
  }

  private PlanDocument document(PlanRequest req, ResolvedArea area, String createdBy,
      StreetRouter router, List<LonLat[]> ends, Solution s, List<String> notes)
      throws SQLException {
    List<String> names = streets.nearestNames(s.sites().stream().map(Site::at).toList(), 150);
    int[] visitCount = new int[s.sites().size()];
    String[] servedBy = new String[s.sites().size()];
    List<PlanDocument.UnitPlan> units = new ArrayList<>();
    Map<List<Object>, StreetRouter.Route> routed = new HashMap<>();   // revisits repeat legs
    double totalRisk = 0;
    double drive = 0;
    double dwell = 0;
    double wait = 0;
    double km = 0;
    int stopsTotal = 0;
    for (int u = 0; u < req.units().size(); u++) {
      PlanRequest.Unit unit = req.units().get(u);
      int[] route = s.plan() == null ? new int[0] : s.plan().routes().get(u);
      Itinerary it = itinerary(req, u, route, s, names, visitCount);
      for (int c : route) {
        servedBy[c / s.visitsPerSite()] = unit.name();
      }
      LonLat[] e = ends.get(u);
      List<LonLat> way = new ArrayList<>();
      way.add(e[0]);
      for (int c : route) {
        way.add(s.sites().get(c / s.visitsPerSite()).at());
      }
      way.add(e[1]);
      Leg legs = route.length == 0 ? new Leg(null, 0, 0) : legs(router, unit.mode(), way, routed);
      String colour = PlanDocument.COLOURS.get(u % PlanDocument.COLOURS.size());
      units.add(new PlanDocument.UnitPlan(unit.name(), unit.mode().id(), colour, xy(e[0]),
          xy(e[1]), it.stops(), legs.line(), round(legs.seconds() / 60), round(it.dwell() / 60),
          round(it.waiting() / 60), round(legs.metres() / 1000), round(it.risk()),
          route.length == 0 ? null : clock(req, it.back())));
      if (route.length == 0 && s.plan() != null) {
        notes.add("unit " + unit.name() + " has no stop: no hotspot left that it can reach, "
            + "serve and come back from within the shift");
      }
      totalRisk += it.risk();
      drive += legs.seconds();
      dwell += it.dwell();
      wait += it.waiting();
      km += legs.metres() / 1000;
      stopsTotal += route.length;
    }
    List<PlanDocument.Hotspot> hotspots = new ArrayList<>();
    for (int i = 0; i < s.sites().size(); i++) {
      Site site = s.sites().get(i);
      hotspots.add(new PlanDocument.Hotspot("Feature", i + 1,
          PlanDocument.Point.of(xy(site.at())), new PlanDocument.HotspotProperties(
              round(site.risk()), visitCount[i], servedBy[i], names.get(i))));
    }
    int served = (int) java.util.Arrays.stream(visitCount).filter(v -> v > 0).count();
    PlanDocument.Totals totals = new PlanDocument.Totals(round(totalRisk), round(s.areaRisk()),
        s.areaRisk() > 0 ? round(totalRisk / s.areaRisk()) : 0, stopsTotal, served,
        round(drive / 60), round(dwell / 60), round(wait / 60), round(km));
    PlanRequest.Risk r = req.risk();
    PlanDocument.Risk risk = new PlanDocument.Risk(r.from().toString(), r.to().toString(),
        r.weights(), s.hours(), r.bandwidthMetres(), s.incidents(),
        req.candidates().separationMetres(), req.candidates().minRisk());
    PlanDocument.Area areaDoc = new PlanDocument.Area(req.area().label(), req.area().beat(),
        area.agency(), parse(area.geoJson()));
    return new PlanDocument(UUID.randomUUID().toString(), createdBy,
        Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString(), areaDoc,
        new PlanDocument.Shift(TIME.format(req.shiftStart()), TIME.format(req.shiftEnd()),
            round(req.shift().toSeconds() / 3600.0)),
        req.dwell().toSeconds() / 60.0, req.revisit().toSeconds() / 60.0, req.maxStops(),
        req.seed(), risk, totals, units, PlanDocument.Hotspots.of(hotspots), List.copyOf(notes));
  }

  /** A unit's stops with their clock times. */
  private record Itinerary(List<PlanDocument.Stop> stops, double dwell, double waiting, double risk,
      double back) {}

  private static Itinerary itinerary(PlanRequest req, int u, int[] route, Solution s,
      List<String> names, int[] visitCount) {
    if (route.length == 0) {
      return new Itinerary(List.of(), 0, 0, 0, 0);
    }
    PatrolProblem p = s.problem();
    double[] begin = p.arrivals(u, route);
    double[][] t = p.travel()[u];
    List<PlanDocument.Stop> stops = new ArrayList<>();
    double time = 0;
    double wait = 0;
    double risk = 0;
    int at = p.start()[u];
    for (int i = 0; i < route.length; i++) {
      int c = route[i];
      int site = c / s.visitsPerSite();
      double waited = begin[i] - (time + t[at][c]);
      wait += waited;
      risk += p.risk()[c];
      visitCount[site]++;
      stops.add(new PlanDocument.Stop(i + 1, site + 1, visitCount[site],
          xy(s.sites().get(site).at()), names.get(site), clock(req, begin[i]),
          clock(req, begin[i] + p.dwell()[c]), round(waited / 60), round(p.risk()[c])));
      time = begin[i] + p.dwell()[c];
      at = c;
    }
    double back = time + t[at][p.end()[u]];
    return new Itinerary(stops, route.length * req.dwell().toSeconds(), wait, risk, back);
  }

  /** The route along streets through {@code way}, its time and length. */
  private record Leg(PlanDocument.LineString line, double seconds, double metres) {}

  private static Leg legs(StreetRouter router, TravelMode mode, List<LonLat> way,
      Map<List<Object>, StreetRouter.Route> routed) {
    List<double[]> coords = new ArrayList<>();
    double seconds = 0;
    double metres = 0;
    for (int i = 0; i + 1 < way.size(); i++) {
      LonLat from = way.get(i);
      LonLat to = way.get(i + 1);
      StreetRouter.Route r = routed.computeIfAbsent(List.of(mode, from, to),
          k -> router.route(mode, from, to));
      seconds += r.seconds();
      metres += r.metres();
      for (var c : r.geometry().getCoordinates()) {
        double[] xy = {round7(c.x), round7(c.y)};
        if (coords.isEmpty() || !java.util.Arrays.equals(coords.get(coords.size() - 1), xy)) {
          coords.add(xy);
        }
      }
    }
    if (coords.size() == 1) {
      coords.add(coords.get(0).clone());   // a LineString needs two positions
    }
    return new Leg(PlanDocument.LineString.of(coords), seconds, metres);
  }

  private ResolvedArea resolve(PlanRequest.Area a) throws SQLException {
    if (a.polygon() != null) {
      return new ResolvedArea(a.polygon(), a.agency(), new GeoJsonWriter().write(a.polygon()));
    }
    List<BeatRepository.Outline> found = beats.outlines(a.beat(), a.agency());
    if (found.isEmpty()) {
      throw new PlanException(404, "area.beat", "no beat '" + a.beat() + "'"
          + (a.agency() == null ? "" : " in agency " + a.agency()));
    }
    if (found.size() > 1) {
      throw new PlanException(400, "area.agency", "beat " + a.beat() + " exists in agencies "
          + found.stream().map(BeatRepository.Outline::agency).toList() + ": name one");
    }
    try {
      Geometry g = new GeoJsonReader().read(found.get(0).geometryJson());
      return new ResolvedArea(g, found.get(0).agency(), found.get(0).geometryJson());
    } catch (ParseException e) {
      throw new IllegalStateException("beat outline from PostGIS is not GeoJSON", e);
    }
  }

  /** Each unit's start and end on its mode's streets; a point off them is a 422 naming it. */
  private static List<LonLat[]> snapUnits(StreetRouter router, List<PlanRequest.Unit> units) {
    List<LonLat[]> out = new ArrayList<>();
    for (int i = 0; i < units.size(); i++) {
      PlanRequest.Unit u = units.get(i);
      out.add(new LonLat[] {snap(router, u, u.start(), "units[" + i + "].start"),
          snap(router, u, u.end(), "units[" + i + "].end")});
    }
    return out;
  }

  private static LonLat snap(StreetRouter router, PlanRequest.Unit u, LonLat p, String field) {
    try {
      router.snap(u.mode(), p);
      return p;   // travel times snap it the same way; the station itself stays where it is
    } catch (OffNetworkException e) {
      throw new PlanException(422, field, "unit " + u.name() + ": " + e.getMessage());
    }
  }

  private static Map<String, Object> parse(String geoJson) {
    try {
      return JSON.readValue(geoJson, new TypeReference<Map<String, Object>>() {});
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String clock(PlanRequest req, double secondsFromStart) {
    OffsetDateTime t = req.shiftStart().plusSeconds(Math.round(secondsFromStart));
    return TIME.format(t);
  }

  private static double[] xy(LonLat p) {
    return new double[] {round7(p.lon()), round7(p.lat())};
  }

  private static double round7(double v) {
    return Math.round(v * 1e7) / 1e7;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
