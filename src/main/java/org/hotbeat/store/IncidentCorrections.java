package org.hotbeat.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Deletes and corrects single incidents by (agency, source id), each change recorded with who,
 * when, and the record before and after in {@code incident_audit}, in the same transaction.
 * Thread-safe.
 */
public final class IncidentCorrections {
  /** New values; null members stay as they are. Coordinates in WGS84 degrees. */
  public record Correction(Instant occurredAt, String offense, String category, Double lon,
      Double lat, String locationPrecision) {}

  private static final String AS_JSON = """
      jsonb_build_object('source_id', source_id, 'occurred_at', occurred_at,
        'time_precision', time_precision, 'offense', offense, 'category', category,
        'lon', ST_X(geom), 'lat', ST_Y(geom), 'location_precision', location_precision,
        'attributes', attributes)""";

  private final DataSource dataSource;

  public IncidentCorrections(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The envelope of the agency's beats, which a corrected point must lie near; empty without beats. */
  public Optional<BeatEnvelope> beatEnvelope(String agency) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return BeatEnvelope.of(c, agency);
    }
  }

  /** @return false when there is no such record */
  public boolean delete(String agency, String sourceId, String madeBy) throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
        "WITH gone AS (DELETE FROM incident WHERE agency = ? AND source_id = ? RETURNING *) "
            + "INSERT INTO incident_audit (agency, source_id, action, made_by, before) "
            + "SELECT agency, source_id, 'delete', ?, " + AS_JSON + " FROM gone")) {
      ps.setString(1, agency);
      ps.setString(2, sourceId);
      ps.setString(3, madeBy);
      return ps.executeUpdate() == 1;
    }
  }

  /** @return the record after the correction, as JSON, or empty when there is no such record */
  public Optional<String> correct(String agency, String sourceId, Correction fix, String madeBy)
      throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
        WITH old AS (
          SELECT id, %1$s AS before FROM incident WHERE agency = ? AND source_id = ? FOR UPDATE),
        fixed AS (
          UPDATE incident i SET
            occurred_at = coalesce(?, i.occurred_at),
            offense = coalesce(?, i.offense),
            category = coalesce(?, i.category),
            geom = CASE WHEN ?::float8 IS NULL THEN i.geom
                        ELSE ST_SetSRID(ST_MakePoint(?, ?), 4326) END,
            location_precision = coalesce(?, i.location_precision),
            updated_at = now()
          FROM old WHERE i.agency = ? AND i.id = old.id
          RETURNING i.agency, i.source_id, old.before, %2$s AS after)
        INSERT INTO incident_audit (agency, source_id, action, made_by, before, after)
        SELECT agency, source_id, 'correct', ?, before, after FROM fixed
        RETURNING after::text""".formatted(AS_JSON, AS_JSON))) {
      int k = 1;
      ps.setString(k++, agency);
      ps.setString(k++, sourceId);
      ps.setTimestamp(k++, fix.occurredAt() == null ? null : Timestamp.from(fix.occurredAt()));
      ps.setString(k++, fix.offense());
      ps.setString(k++, fix.category());
      ps.setObject(k++, fix.lon());
      ps.setObject(k++, fix.lon());
      ps.setObject(k++, fix.lat());
      ps.setString(k++, fix.locationPrecision());
      ps.setString(k++, agency);
      ps.setString(k, madeBy);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }
}
