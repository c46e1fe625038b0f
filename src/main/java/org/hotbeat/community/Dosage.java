package org.hotbeat.community;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hotbeat.InvalidInputException;
import org.hotbeat.geo.MetricProjection;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

/**
 * Observed patrol dosage: from a track's fixes, the minutes spent inside each hotspot and the
 * number of distinct visits, per day in the shift's time zone. Between two fixes the patrol is
 * taken to move in a straight line at constant speed, so the time inside is the share of that
 * line inside the area (exact for circles, by JTS for polygons, in the local UTM zone). Presence
 * separated by less than {@code mergeGap} is one visit (a car briefly leaving a corner has not
 * left the hotspot). Fixes further apart than {@code maxFixGap}, or in different GPX segments,
 * are a recording gap: that time is not counted. Stateless.
 */
public final class Dosage {
  /**
   * A hotspot: a circle (lon, lat, radius in metres) or a polygon (lon/lat geometry), with the
   * minutes a patrol plan asked for there, if known.
   */
  public record Area(String id, String label, double lon, double lat, double radiusMetres,
      Geometry polygon, Double plannedMinutes) {
    public static Area circle(String id, String label, double lon, double lat, double radius) {
      if (!(radius > 0 && radius <= 10_000)) {
        throw new InvalidInputException("hotspot", "radius must be more than 0 and at most "
            + "10000 metres");
      }
      return new Area(id, label, lon, lat, radius, null, null);
    }

    public static Area polygon(String id, String label, Geometry lonLat) {
      return new Area(id, label, Double.NaN, Double.NaN, 0, lonLat, null);
    }

    /** This area with the minutes planned for it in the track's time (e.g. visits × dwell). */
    public Area planned(double minutes) {
      if (!(minutes >= 0 && minutes <= 24 * 60)) {
        throw new InvalidInputException("hotspot", "planned minutes must be 0 to 1440");
      }
      return new Area(id, label, lon, lat, radiusMetres, polygon, minutes);
    }
  }

  /**
   * @param longVisit visits at least this long are counted apart as {@code longVisits} (Koper:
   *     10–15 minutes of presence is what deters)
   */
  public record Settings(ZoneId zone, Duration mergeGap, Duration maxFixGap, Duration longVisit) {
    public static Settings defaults(ZoneId zone) {
      return new Settings(zone, Duration.ofMinutes(2), Duration.ofMinutes(10),
          Duration.ofMinutes(10));
    }
  }

  /** One day's dosage in one hotspot; a visit counts on the day it began. */
  public record Day(LocalDate day, double minutes, int visits) {}

  /**
   * @param plannedMinutes what the plan asked for, or null
   * @param shareOfPlan minutes observed / planned, or null when nothing was planned
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record HotspotDosage(String id, String label, double minutes, int visits,
      int longVisits, List<Day> days, Double plannedMinutes, Double shareOfPlan) {}

  public record Result(int points, Instant start, Instant end, String timeZone,
      List<HotspotDosage> hotspots, List<String> notes) {}

  private static final GeometryFactory GF = new GeometryFactory();

  private Dosage() {}

  public static Result compute(List<TrackPoint> track, List<Area> areas, Settings s) {
    double[] lons = new double[track.size()];
    double[] lats = new double[track.size()];
    for (int i = 0; i < track.size(); i++) {
      lons[i] = track.get(i).lon();
      lats[i] = track.get(i).lat();
    }
    MetricProjection proj = MetricProjection.utmFor(lons, lats);
    double[][] xy = new double[track.size()][];
    for (int i = 0; i < track.size(); i++) {
      xy[i] = proj.forward(lons[i], lats[i]);
    }
    int gaps = 0;
    for (int i = 1; i < track.size(); i++) {
      if (recordingGap(track.get(i - 1), track.get(i), s)) {
        gaps++;
      }
    }
    List<HotspotDosage> out = new ArrayList<>();
    for (Area a : areas) {
      out.add(dosage(a, track, xy, proj, s));
    }
    List<String> notes = new ArrayList<>();
    if (gaps > 0) {
      notes.add(gaps + " gaps in the recording (a new GPX segment, or more than "
          + s.maxFixGap().toMinutes() + " minutes between fixes) were not counted");
    }
    return new Result(track.size(), track.get(0).time(), track.get(track.size() - 1).time(),
        s.zone().getId(), out, notes);
  }

  private static boolean recordingGap(TrackPoint a, TrackPoint b, Settings s) {
    return b.segmentStart() || Duration.between(a.time(), b.time()).compareTo(s.maxFixGap()) > 0;
  }

  private static HotspotDosage dosage(Area a, List<TrackPoint> track, double[][] xy,
      MetricProjection proj, Settings s) {
    Geometry poly = a.polygon() == null ? null : proj.forward(a.polygon());
    double[] centre = a.polygon() == null ? proj.forward(a.lon(), a.lat()) : null;
    List<double[]> inside = new ArrayList<>();   // [start, end] in epoch milliseconds
    for (int i = 1; i < track.size(); i++) {
      TrackPoint p = track.get(i - 1);
      TrackPoint q = track.get(i);
      if (recordingGap(p, q, s)) {
        continue;
      }
      double t0 = p.time().toEpochMilli();
      double dt = q.time().toEpochMilli() - t0;
      double[] part = poly == null ? circle(xy[i - 1], xy[i], centre, a.radiusMetres())
          : polygon(xy[i - 1], xy[i], poly);
      if (part != null && dt > 0) {
        add(inside, t0 + part[0] * dt, t0 + part[1] * dt);
      }
    }
    Map<LocalDate, double[]> days = new TreeMap<>();    // minutes, visits
    double total = 0;
    for (double[] iv : inside) {
      total += (iv[1] - iv[0]) / 60_000;
      splitByDay(iv[0], iv[1], s.zone(), days);
    }
    int visits = 0;
    int longVisits = 0;
    double mergeMs = s.mergeGap().toMillis();
    for (int i = 0; i < inside.size(); ) {
      double start = inside.get(i)[0];
      double end = inside.get(i)[1];
      int j = i + 1;
      while (j < inside.size() && inside.get(j)[0] - end < mergeMs) {
        end = inside.get(j++)[1];
      }
      visits++;
      if (end - start >= s.longVisit().toMillis()) {
        longVisits++;
      }
      days.computeIfAbsent(day(start, s.zone()), d -> new double[2])[1]++;
      i = j;
    }
    List<Day> perDay = new ArrayList<>();
    days.forEach((d, v) -> perDay.add(new Day(d, v[0], (int) v[1])));
    Double share = a.plannedMinutes() == null || a.plannedMinutes() == 0 ? null
        : total / a.plannedMinutes();
    return new HotspotDosage(a.id(), a.label(), total, visits, longVisits, perDay,
        a.plannedMinutes(), share);
  }

  /** Appends an interval, joining it to the last one when they touch. */
  private static void add(List<double[]> list, double start, double end) {
    if (!list.isEmpty() && list.get(list.size() - 1)[1] >= start) {
      list.get(list.size() - 1)[1] = Math.max(end, list.get(list.size() - 1)[1]);
    } else {
      list.add(new double[] {start, end});
    }
  }

  private static void splitByDay(double start, double end, ZoneId zone,
      Map<LocalDate, double[]> days) {
    double t = start;
    while (t < end) {
      LocalDate d = day(t, zone);
      double midnight = d.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
      double stop = Math.min(end, midnight);
      days.computeIfAbsent(d, k -> new double[2])[0] += (stop - t) / 60_000;
      t = stop;
    }
  }

  private static LocalDate day(double epochMilli, ZoneId zone) {
    return Instant.ofEpochMilli((long) Math.floor(epochMilli)).atZone(zone).toLocalDate();
  }

  /** The part [s, e] of the segment a→b (as fractions) within radius r of c, or null. */
  static double[] circle(double[] a, double[] b, double[] c, double r) {
    double dx = b[0] - a[0];
    double dy = b[1] - a[1];
    double fx = a[0] - c[0];
    double fy = a[1] - c[1];
    double qa = dx * dx + dy * dy;
    double qc = fx * fx + fy * fy - r * r;
    if (qa == 0) {
      return qc <= 0 ? new double[] {0, 1} : null;
    }
    double qb = 2 * (dx * fx + dy * fy);
    double disc = qb * qb - 4 * qa * qc;
    if (disc < 0) {
      return null;
    }
    double root = Math.sqrt(disc);
    double s = Math.max(0, (-qb - root) / (2 * qa));
    double e = Math.min(1, (-qb + root) / (2 * qa));
    return s < e ? new double[] {s, e} : null;
  }

  /** The first to last fraction of the segment a→b inside {@code poly} (metres), or null. */
  static double[] polygon(double[] a, double[] b, Geometry poly) {
    Coordinate ca = new Coordinate(a[0], a[1]);
    Coordinate cb = new Coordinate(b[0], b[1]);
    double len = ca.distance(cb);
    if (len == 0) {
      return poly.covers(GF.createPoint(ca)) ? new double[] {0, 1} : null;
    }
    LineString line = GF.createLineString(new Coordinate[] {ca, cb});
    if (!poly.getEnvelopeInternal().intersects(line.getEnvelopeInternal())) {
      return null;
    }
    Geometry cut = poly.intersection(line);
    // A straight segment crossing a concave polygon can leave and re-enter it; the pieces inside
    // are summed through their lengths, placed from the first entry.
    double inside = cut.getLength();
    if (inside == 0) {
      return null;
    }
    double first = Double.MAX_VALUE;
    for (Coordinate c : cut.getCoordinates()) {
      first = Math.min(first, c.distance(ca) / len);
    }
    return new double[] {first, Math.min(1, first + inside / len)};
  }
}
