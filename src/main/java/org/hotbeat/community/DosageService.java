package org.hotbeat.community;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.hotbeat.InvalidInputException;
import org.hotbeat.NotFoundException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * Takes an uploaded GPX track (or CSV pings), computes its {@link Dosage} in the named problems' areas and
 * circles, and stores the track and the problems' daily dosage. Thread-safe.
 */
public final class DosageService {
  /**
   * What to measure: problems (their areas) and circles, and how.
   *
   * @param zone the shift's time zone, or null for the agency's
   */
  public record Upload(String agency, String unit, String planId, ZoneId zone, Duration mergeGap,
      Duration maxFixGap, List<Long> problems, List<Dosage.Area> circles) {}

  /** The stored track's id and its dosage. */
  public record Stored(long trackId, String unit, String planId, Dosage.Result dosage) {}

  private final DataSource dataSource;
  private final AreaResolver areas = new AreaResolver();

  public DosageService(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * @param csv whether the body is CSV pings ({@link PingCsvReader}) rather than GPX
   */
  public Stored upload(InputStream body, boolean csv, Upload u, String by) throws SQLException {
    if (u.problems().isEmpty() && u.circles().isEmpty()) {
      throw new InvalidInputException("problem", "name at least one problem or hotspot to "
          + "measure the dosage in");
    }
    Checks.text("unit", u.unit(), 100);
    Checks.text("planId", u.planId(), 100);
    List<TrackPoint> track = csv ? PingCsvReader.read(body) : GpxReader.read(body);
    return Transactions.inTransaction(dataSource, c -> {
      String agency = areas.agency(c, u.agency());
      ZoneId zone = u.zone() != null ? u.zone() : areas.timeZone(c, agency);
      List<Dosage.Area> all = new ArrayList<>(problemAreas(c, agency, u.problems()));
      all.addAll(u.circles());
      Dosage.Result r = Dosage.compute(track, all, new Dosage.Settings(zone, u.mergeGap(),
          u.maxFixGap(), Duration.ofMinutes(10)));
      long id = storeTrack(c, agency, u, zone, track, by);
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO patrol_dosage (track_id, "
          + "problem_id, day, minutes, visits) VALUES (?, ?, ?, ?, ?)")) {
        for (Dosage.HotspotDosage h : r.hotspots()) {
          if (!h.id().startsWith("problem:")) {
            continue;
          }
          for (Dosage.Day d : h.days()) {
            ps.setLong(1, id);
            ps.setLong(2, Long.parseLong(h.id().substring(8)));
            ps.setDate(3, Date.valueOf(d.day()));
            ps.setDouble(4, d.minutes());
            ps.setInt(5, d.visits());
            ps.addBatch();
          }
        }
        ps.executeBatch();
      }
      return new Stored(id, u.unit(), u.planId(), r);
    });
  }

  private static List<Dosage.Area> problemAreas(Connection c, String agency, List<Long> ids)
      throws SQLException {
    List<Dosage.Area> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT title, ST_AsBinary(geom) FROM "
        + "community_problem WHERE id = ? AND agency = ?")) {
      for (long id : ids) {
        ps.setLong(1, id);
        ps.setString(2, agency);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            throw new NotFoundException("problem: no problem " + id + " in agency " + agency);
          }
          out.add(Dosage.Area.polygon("problem:" + id, rs.getString(1),
              new WKBReader().read(rs.getBytes(2))));
        } catch (ParseException e) {
          throw new IllegalStateException("unreadable area of problem " + id, e);
        }
      }
    }
    return out;
  }

  private static long storeTrack(Connection c, String agency, Upload u, ZoneId zone,
      List<TrackPoint> track, String by) throws SQLException {
    byte[] line = null;
    if (track.size() > 1) {
      Coordinate[] cs = track.stream().map(p -> new Coordinate(p.lon(), p.lat()))
          .toArray(Coordinate[]::new);
      line = new WKBWriter().write(new GeometryFactory().createLineString(cs));
    }
    try (PreparedStatement ps = c.prepareStatement("""
        INSERT INTO patrol_track (agency, unit, plan_id, time_zone, points, started_at, ended_at,
          geom, uploaded_by)
        VALUES (?, ?, ?, ?, ?, ?, ?, ST_SetSRID(ST_GeomFromWKB(?), 4326), ?) RETURNING id""")) {
      ps.setString(1, agency);
      ps.setString(2, u.unit());
      ps.setString(3, u.planId());
      ps.setString(4, zone.getId());
      ps.setInt(5, track.size());
      ps.setTimestamp(6, Timestamp.from(track.get(0).time()));
      ps.setTimestamp(7, Timestamp.from(track.get(track.size() - 1).time()));
      ps.setBytes(8, line);
      ps.setString(9, by);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
