package org.hotbeat.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.hotbeat.config.Limits;

/** Reads incidents and counts them for charts; every filter is a bound parameter. Thread-safe. */
public final class IncidentRepository {
  /** How {@link #stats} groups: each value names its SQL expression over {@code incident i}. */
  public enum GroupBy {
    CATEGORY("i.category"),
    OFFENSE("i.offense"),
    HOUR("extract(hour FROM " + IncidentFilter.LOCAL_TIME + ")::int::text"),
    WEEKDAY("extract(isodow FROM " + IncidentFilter.LOCAL_TIME + ")::int::text"),
    HOUR_WEEKDAY("extract(isodow FROM " + IncidentFilter.LOCAL_TIME + ")::int || '-' || "
        + "lpad(extract(hour FROM " + IncidentFilter.LOCAL_TIME + ")::int::text, 2, '0')"),
    MONTH("to_char(" + IncidentFilter.LOCAL_TIME + ", 'YYYY-MM')"),
    BEAT("(SELECT b.code FROM beat b WHERE b.agency = i.agency AND ST_Covers(b.geom, i.geom) "
        + "ORDER BY b.code LIMIT 1)");

    final String sql;

    GroupBy(String sql) {
      this.sql = sql;
    }

    /** Incidents too coarse in time for this grouping are left out of it. */
    String precisionFilter() {
      return switch (this) {
        case HOUR, HOUR_WEEKDAY -> " AND i.time_precision = 'exact'";
        case WEEKDAY -> " AND i.time_precision IN ('exact', 'day')";
        default -> "";
      };
    }

    public String id() {
      return this == HOUR_WEEKDAY ? "hour×weekday" : name().toLowerCase(Locale.ROOT);
    }
  }

  /** One group's count; {@code key} is null for incidents outside every group (e.g. no beat). */
  public record Count(String key, long count) {}

  private final DataSource dataSource;

  public IncidentRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Incidents matching {@code q}, newest first (ties by id), from its cursor on. */
  public List<Incident> find(IncidentQuery q) throws SQLException {
    IncidentFilter f = new IncidentFilter(q);
    String sql = """
        SELECT i.id, i.agency, i.source_id, i.occurred_at, i.offense, i.category,
               ST_X(i.geom) AS lon, ST_Y(i.geom) AS lat, i.location_precision
        FROM incident i""" + f.where() + " ORDER BY i.occurred_at DESC, i.id DESC LIMIT ?";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      int next = f.bind(c, ps, 1);
      ps.setInt(next, q.limit());
      try (ResultSet rs = ps.executeQuery()) {
        List<Incident> out = new ArrayList<>();
        while (rs.next()) {
          out.add(new Incident(rs.getLong("id"), rs.getString("agency"), rs.getString("source_id"),
              rs.getTimestamp("occurred_at").toInstant(), rs.getString("offense"),
              rs.getString("category"), rs.getDouble("lon"), rs.getDouble("lat"),
              rs.getString("location_precision")));
        }
        return out;
      }
    }
  }

  /**
   * Longitude and latitude (WGS84) of every incident matching {@code q} (its limit and cursor
   * ignored), at most {@code max}: {lons, lats}.
   *
   * @throws org.hotbeat.LimitExceededException when more than {@code max} match
   */
  public double[][] positions(IncidentQuery q, int max) throws SQLException {
    IncidentFilter f = new IncidentFilter(q.withoutPaging());
    String sql = "SELECT ST_X(i.geom), ST_Y(i.geom) FROM incident i" + f.where() + " LIMIT ?";
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);   // lets the driver stream rows instead of buffering them all
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setFetchSize(50_000);
        int next = f.bind(c, ps, 1);
        ps.setInt(next, max + 1);
        double[] lons = new double[1024];
        double[] lats = new double[1024];
        int n = 0;
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            if (n == max) {
              throw Limits.tooManyIncidents(max);
            }
            if (n == lons.length) {
              lons = java.util.Arrays.copyOf(lons, n * 2);
              lats = java.util.Arrays.copyOf(lats, n * 2);
            }
            lons[n] = rs.getDouble(1);
            lats[n] = rs.getDouble(2);
            n++;
          }
        } finally {
          c.commit();
        }
        return new double[][] {java.util.Arrays.copyOf(lons, n), java.util.Arrays.copyOf(lats, n)};
      }
    }
  }

  /**
   * Position and time of every incident matching {@code q}: {lons, lats, epoch seconds}, at most
   * {@code max}.
   */
  public double[][] events(IncidentQuery q, int max) throws SQLException {
    IncidentFilter f = new IncidentFilter(q.withoutPaging());
    String sql = "SELECT ST_X(i.geom), ST_Y(i.geom), extract(epoch FROM i.occurred_at) "
        + "FROM incident i" + f.where() + " LIMIT ?";
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setFetchSize(50_000);
        ps.setInt(f.bind(c, ps, 1), max + 1);
        List<double[]> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            if (rows.size() == max) {
              throw Limits.tooManyIncidents(max);
            }
            rows.add(new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3)});
          }
        } finally {
          c.commit();
        }
        double[][] out = new double[3][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
          for (int k = 0; k < 3; k++) {
            out[k][i] = rows.get(i)[k];
          }
        }
        return out;
      }
    }
  }

  /** One incident by its stored id, or null. */
  public Incident byId(String agency, long id) throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
        SELECT i.id, i.agency, i.source_id, i.occurred_at, i.offense, i.category,
               ST_X(i.geom) AS lon, ST_Y(i.geom) AS lat, i.location_precision
        FROM incident i WHERE i.agency = ? AND i.id = ?""")) {
      ps.setString(1, agency);
      ps.setLong(2, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? new Incident(rs.getLong("id"), rs.getString("agency"),
            rs.getString("source_id"), rs.getTimestamp("occurred_at").toInstant(),
            rs.getString("offense"), rs.getString("category"), rs.getDouble("lon"),
            rs.getDouble("lat"), rs.getString("location_precision")) : null;
      }
    }
  }

  /** Extent of all incidents: {west, south, east, north, first epoch ms, last epoch ms}, or null. */
  public double[] extent() throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
        SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e), t0, t1 FROM (
          SELECT ST_Extent(geom) e, extract(epoch FROM min(occurred_at)) * 1000 t0,
                 extract(epoch FROM max(occurred_at)) * 1000 t1 FROM incident) x""");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      if (rs.getObject(1) == null) {
        return null;
      }
      return new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4),
          rs.getDouble(5), rs.getDouble(6)};
    }
  }

  /** Counts of the incidents matching {@code q} (its limit and cursor ignored), by group. */
  public List<Count> stats(IncidentQuery q, GroupBy by) throws SQLException {
    IncidentFilter f = new IncidentFilter(q.withoutPaging());
    String sql = "SELECT " + by.sql + " AS k, count(*) FROM incident i" + f.where()
        + by.precisionFilter() + " GROUP BY 1 ORDER BY 1";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      f.bind(c, ps, 1);
      try (ResultSet rs = ps.executeQuery()) {
        List<Count> out = new ArrayList<>();
        while (rs.next()) {
          out.add(new Count(rs.getString(1), rs.getLong(2)));
        }
        return out;
      }
    }
  }

  /**
   * Changes whenever incidents change (an ingest run or an audited correction): caches of
   * anything derived from incidents key on it.
   */
  public String dataVersion() throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
        "SELECT coalesce((SELECT max(id) FROM ingest_run), 0) || '.' || "
            + "coalesce((SELECT max(id) FROM incident_audit), 0)"); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getString(1);
    }
  }

  public long count() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM incident");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
