package org.hotbeat.patrol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** The {@code patrol_plan} table: plans as they were made. Thread-safe. */
public final class PlanRepository {
  /** A line of the list of plans. */
  public record Summary(String id, String createdBy, String createdAt, String area,
      String shiftStart, String shiftEnd, double risk, int units) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private final DataSource dataSource;

  public PlanRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Stores a plan with the request it answers.
   *
   * @param areaGeoJson the area's outline (Polygon or MultiPolygon, EPSG:4326)
   */
  public void save(PlanDocument plan, String requestJson, String areaGeoJson, OffsetDateTime start,
      OffsetDateTime end) throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
        INSERT INTO patrol_plan (id, created_by, created_at, agency, area_label, area,
                                 shift_start, shift_end, request, plan)
        VALUES (?, ?, ?::timestamptz, ?, ?, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(?), 4326)),
                ?, ?, ?::jsonb, ?::jsonb)""")) {
      ps.setObject(1, UUID.fromString(plan.id()));
      ps.setString(2, plan.createdBy());
      ps.setString(3, plan.createdAt());
      ps.setString(4, plan.area().agency());
      ps.setString(5, plan.area().label());
      ps.setString(6, areaGeoJson);
      ps.setTimestamp(7, Timestamp.from(start.toInstant()));
      ps.setTimestamp(8, Timestamp.from(end.toInstant()));
      ps.setString(9, requestJson);
      ps.setString(10, JSON.writeValueAsString(plan));
      ps.executeUpdate();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a plan that cannot be written as JSON", e);
    }
  }

  /** The plan with this id; empty for an unknown id or one that is not a UUID. */
  public Optional<PlanDocument> find(String id) throws SQLException {
    UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT plan FROM patrol_plan WHERE id = ?")) {
      ps.setObject(1, uuid);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(JSON.readValue(rs.getString(1), PlanDocument.class))
            : Optional.empty();
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored plan " + id + " is not a plan document", e);
    }
  }

  /** The newest plans first. */
  public List<Summary> recent(int limit) throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
        SELECT id, created_by, created_at, area_label, plan->'shift'->>'start',
               plan->'shift'->>'end', (plan->'totals'->>'risk')::float8,
               jsonb_array_length(plan->'units')
        FROM patrol_plan ORDER BY created_at DESC LIMIT ?""")) {
      ps.setInt(1, limit);
      try (ResultSet rs = ps.executeQuery()) {
        List<Summary> out = new ArrayList<>();
        while (rs.next()) {
          out.add(new Summary(rs.getString(1), rs.getString(2),
              rs.getTimestamp(3).toInstant().toString(), rs.getString(4), rs.getString(5),
              rs.getString(6), rs.getDouble(7), rs.getInt(8)));
        }
        return out;
      }
    }
  }
}
