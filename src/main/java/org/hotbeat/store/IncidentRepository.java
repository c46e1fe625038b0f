package org.hotbeat.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Reads incidents; every filter is a bound parameter. Thread-safe. */
public final class IncidentRepository {
  private final DataSource dataSource;

  public IncidentRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Incidents matching {@code q}, newest first. */
  public List<Incident> find(IncidentQuery q) throws SQLException {
    StringBuilder sql = new StringBuilder("""
        SELECT id, agency, source_id, occurred_at, offense, category,
               ST_X(geom) AS lon, ST_Y(geom) AS lat, location_precision
        FROM incident WHERE true""");
    List<Object> params = new ArrayList<>();
    if (q.bbox() != null) {
      sql.append(" AND geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)");
      for (double v : q.bbox()) {
        params.add(v);
      }
    }
    if (q.from() != null) {
      sql.append(" AND occurred_at >= ?");
      params.add(Timestamp.from(q.from()));
    }
    if (q.to() != null) {
      sql.append(" AND occurred_at < ?");
      params.add(Timestamp.from(q.to()));
    }
    if (!q.categories().isEmpty()) {
      sql.append(" AND category = ANY (?)");
      params.add(q.categories().toArray(String[]::new));
    }
    sql.append(" ORDER BY occurred_at DESC, id DESC LIMIT ?");
    params.add(q.limit());
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql.toString())) {
      for (int i = 0; i < params.size(); i++) {
        Object p = params.get(i);
        if (p instanceof String[] arr) {
          ps.setArray(i + 1, c.createArrayOf("text", arr));
        } else {
          ps.setObject(i + 1, p);
        }
      }
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

  public long count() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM incident");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
