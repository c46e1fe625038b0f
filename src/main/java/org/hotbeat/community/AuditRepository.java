package org.hotbeat.community;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.hotbeat.NotFoundException;

/**
 * The audit of community records: each create, update and delete leaves a row with who, when, and
 * the record before and after as JSON, written in the same transaction as the change.
 */
public final class AuditRepository {
  /** One change. {@code before} and {@code after} are JSON text (null where there is none). */
  public record Entry(long id, String entity, long entityId, String action, String madeBy,
      Instant madeAt, @com.fasterxml.jackson.annotation.JsonRawValue String before,
      @com.fasterxml.jackson.annotation.JsonRawValue String after) {}

  private final DataSource dataSource;

  public AuditRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The row of {@code table} with this id as JSON, or null. {@code table} is a constant. */
  static String snapshot(Connection c, String table, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT to_jsonb(t)::text FROM " + table
        + " t WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  static void record(Connection c, String entity, long id, String action, String by,
      String before, String after) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO community_audit (entity, "
        + "entity_id, action, made_by, before, after) VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb)")) {
      ps.setString(1, entity);
      ps.setLong(2, id);
      ps.setString(3, action);
      ps.setString(4, by);
      ps.setString(5, before);
      ps.setString(6, after);
      ps.executeUpdate();
    }
  }

  /** A change to run between the audit's two snapshots. */
  interface Change {
    void run() throws SQLException;
  }

  /** Audits a row just inserted into {@code table} (a constant): no before, its row after. */
  static void created(Connection c, String entity, String table, long id, String by)
      throws SQLException {
    record(c, entity, id, "create", by, null, snapshot(c, table, id));
  }

  /** Runs {@code change} to row {@code id} of {@code table} and audits the row before and after. */
  static void updated(Connection c, String entity, String table, long id, String by,
      Change change) throws SQLException {
    String before = snapshot(c, table, id);
    change.run();
    record(c, entity, id, "update", by, before, snapshot(c, table, id));
  }

  /** Deletes the row {@code id} of {@code table} and audits it; unknown ids get {@code missing}. */
  static void delete(DataSource ds, String entity, String table, long id, String by,
      java.util.function.Supplier<NotFoundException> missing) throws SQLException {
    Transactions.inTransaction(ds, c -> {
      String before = snapshot(c, table, id);
      if (before == null) {
        throw missing.get();
      }
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE id = ?")) {
        ps.setLong(1, id);
        ps.executeUpdate();
      }
      record(c, entity, id, "delete", by, before, null);
      return null;
    });
  }

  /** The changes to one record (or to all of an entity with {@code id} null), oldest first. */
  public List<Entry> list(String entity, Long id, int limit) throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
        SELECT id, entity, entity_id, action, made_by, made_at, before::text, after::text
        FROM community_audit WHERE (?::text IS NULL OR entity = ?)
          AND (?::bigint IS NULL OR entity_id = ?)
        ORDER BY id LIMIT ?""")) {
      ps.setString(1, entity);
      ps.setString(2, entity);
      ps.setObject(3, id);
      ps.setObject(4, id);
      ps.setInt(5, limit);
      List<Entry> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Entry(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
              rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7),
              rs.getString(8)));
        }
      }
      return out;
    }
  }
}
