package org.hotbeat.patrol;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.hotbeat.UnprocessableInputException;
import org.hotbeat.config.Limits;
import org.hotbeat.geo.LonLat;
import org.hotbeat.store.BeatRepository;
import org.hotbeat.store.IncidentRepository;
import org.hotbeat.streets.OffNetworkException;
import org.hotbeat.streets.StreetNetwork;
import org.hotbeat.streets.StreetRepository;
import org.hotbeat.streets.StreetRouter;
import org.hotbeat.streets.TravelMode;
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
  private static final Logger log = LoggerFactory.getLogger(PatrolPlanner.class);

  private final BeatRepository beats;
  private final RiskSurface surfaces;
  private final StreetNetwork network;
  private final PlanDocumentBuilder documents;
  private final PlanRepository plans;

  /** @param limits the grid-cell and incident limits of the risk surface */
  public PatrolPlanner(BeatRepository beats, IncidentRepository incidents, StreetNetwork network,
      StreetRepository streets, PlanRepository plans, Limits limits, Clock clock) {
    this.beats = beats;
    this.surfaces = new RiskSurface(incidents, limits);
    this.network = network;
    this.documents = new PlanDocumentBuilder(streets, clock);
    this.plans = plans;
  }

  /**
   * Plans, stores and returns a plan.
   *
   * @param requestJson the request as received, stored beside the plan
   * @throws org.hotbeat.NotFoundException for an unknown beat
   * @throws org.hotbeat.InvalidInputException for a beat code several agencies use
   * @throws UnprocessableInputException naming the field of a station off the street network
   * @throws org.hotbeat.LimitExceededException for an area too large for a risk surface
   * @throws org.hotbeat.streets.NoStreetGraphException when no street graph is in service
   */
  public PlanDocument plan(PlanRequest req, String createdBy, String requestJson)
      throws SQLException {
    long t0 = System.nanoTime();
    PlanArea area = PlanArea.resolve(beats, req.area());
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
    PlanDocument doc = documents.build(req, area, createdBy, router, ends, solution, notes);
    plans.save(doc, requestJson, area.geoJson(), req.shiftStart(), req.shiftEnd());
    long t3 = System.nanoTime();
    log.info("plan {} for {}: {} hotspots, {} units, {} stops in {} ms (surface, candidates and "
        + "matrix {} ms, solver {} ms, routes and storing {} ms)", doc.id(), doc.area().label(),
        solution.sites().size(), req.units().size(), doc.totals().stops(), (t3 - t0) / 1_000_000,
        (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
    return doc;
  }

  /** What the solver decided, with the candidates it decided over. */
  record Solution(List<Site> sites, double areaRisk, int incidents, List<Integer> hours,
      PatrolProblem problem, PatrolPlan plan, int visitsPerSite) {
    Solution solved(PatrolPlan p) {
      return new Solution(sites, areaRisk, incidents, hours, problem, p, visitsPerSite);
    }

    static Solution empty(double areaRisk, int incidents, List<Integer> hours) {
      return new Solution(List.of(), areaRisk, incidents, hours, null, null, 1);
    }
  }

  /** A hotspot candidate on the street network. */
  record Site(LonLat at, double risk) {}

  /**
   * The team-orienteering problem a request poses, without solving it (null when there is
   * nothing to plan): for benchmarks and for inspecting the planner.
   */
  public PatrolProblem problem(PlanRequest req) throws SQLException {
    StreetRouter router = network.router();
    return prepare(req, PlanArea.resolve(beats, req.area()), router, snapUnits(router, req.units()),
        new ArrayList<>()).problem();
  }

  private Solution prepare(PlanRequest req, PlanArea area, StreetRouter router,
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

  /** Each unit's start and end on its mode's streets; a point off them is refused naming its field. */
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
      throw new UnprocessableInputException(field, "unit " + u.name() + ": " + e.getMessage());
    }
  }
}
