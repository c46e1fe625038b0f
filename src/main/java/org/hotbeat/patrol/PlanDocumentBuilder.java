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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hotbeat.geo.LonLat;
import org.hotbeat.patrol.PatrolPlanner.Site;
import org.hotbeat.patrol.PatrolPlanner.Solution;
import org.hotbeat.streets.StreetRepository;
import org.hotbeat.streets.StreetRouter;
import org.hotbeat.streets.TravelMode;

/**
 * Writes a solved patrol problem as the {@link PlanDocument} clients see: stops with clock times
 * on the shift's clock, routes along the streets (each leg routed once, though revisits repeat
 * it), totals, hotspots and notes. Thread-safe (holds only thread-safe parts).
 */
final class PlanDocumentBuilder {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern(
      "yyyy-MM-dd'T'HH:mm:ssXXX");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final StreetRepository streets;
  private final Clock clock;

  PlanDocumentBuilder(StreetRepository streets, Clock clock) {
    this.streets = streets;
    this.clock = clock;
  }

  /**
   * The plan document of a solution: each unit's stops with clock times and its route along the
   * streets, the hotspots with the nearest street's name, totals and notes.
   *
   * @param ends each unit's snapped start and end
   * @param notes notes gathered so far; units left without a stop add theirs
   */
  PlanDocument build(PlanRequest req, PlanArea area, String createdBy, StreetRouter router,
      List<LonLat[]> ends, Solution s, List<String> notes) throws SQLException {
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
    int served = (int) Arrays.stream(visitCount).filter(v -> v > 0).count();
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
        if (coords.isEmpty() || !Arrays.equals(coords.get(coords.size() - 1), xy)) {
          coords.add(xy);
        }
      }
    }
    if (coords.size() == 1) {
      coords.add(coords.get(0).clone());   // a LineString needs two positions
    }
    return new Leg(PlanDocument.LineString.of(coords), seconds, metres);
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
