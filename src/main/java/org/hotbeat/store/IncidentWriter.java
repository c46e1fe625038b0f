package org.hotbeat.store;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.function.BiConsumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Bulk upsert of incidents for one agency in one transaction: rows stream by COPY into a
 * temporary staging table, then one set-based merge inserts new records, updates changed ones
 * and leaves identical ones alone. Nothing is visible to others until {@link #commit}; any failure
 * or {@link #close()} without commit rolls everything back. Not thread-safe: one writer per import.
 */
public final class IncidentWriter implements AutoCloseable {
  /** The merge's outcome. {@code duplicates} rows were superseded by a later row of the same id. */
  public record Merged(long inserted, long updated, long unchanged, long duplicates) {}

  private static final String STAGING = """
      CREATE TEMP TABLE incident_staging (
          row_no bigint, source_id text, occurred_at timestamptz, time_precision text,
          offense text, category text, lon float8, lat float8, location_precision text,
          attributes jsonb) ON COMMIT DROP""";

  private static final String MERGE = """
      WITH up AS (
        INSERT INTO incident AS i (agency, source_id, occurred_at, time_precision, offense,
                                   category, geom, location_precision, attributes)
        SELECT ?, source_id, occurred_at, time_precision, offense, category,
               ST_SetSRID(ST_MakePoint(lon, lat), 4326), location_precision, attributes
        FROM %s
        ON CONFLICT (agency, source_id) DO UPDATE SET
            occurred_at = EXCLUDED.occurred_at, time_precision = EXCLUDED.time_precision,
            offense = EXCLUDED.offense, category = EXCLUDED.category, geom = EXCLUDED.geom,
            location_precision = EXCLUDED.location_precision, attributes = EXCLUDED.attributes,
            updated_at = now()
        WHERE (i.occurred_at, i.time_precision, i.offense, i.category, i.geom,
               i.location_precision, i.attributes)
              IS DISTINCT FROM
              (EXCLUDED.occurred_at, EXCLUDED.time_precision, EXCLUDED.offense,
               EXCLUDED.category, EXCLUDED.geom, EXCLUDED.location_precision, EXCLUDED.attributes)
        RETURNING (xmax = 0) AS inserted)
      SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM up""";

  /** Keeps the last row of each id when an input repeats ids. */
  private static final String LAST_OF_EACH_ID = """
      (SELECT DISTINCT ON (source_id) * FROM incident_staging ORDER BY source_id, row_no DESC) s""";

  private final Connection connection;
  private final String agency;
  private OutputStream copy;
  private long staged;
  private boolean committed;
  private final StringBuilder line = new StringBuilder(512);

  public IncidentWriter(DataSource dataSource, String agency) throws SQLException {
    this.agency = agency;
    this.connection = dataSource.getConnection();
    try {
      connection.setAutoCommit(false);
      try (Statement s = connection.createStatement()) {
        s.execute(STAGING);
      }
      copy = new BufferedOutputStream(new PGCopyOutputStream(
          connection.unwrap(PGConnection.class),
          "COPY incident_staging FROM STDIN (FORMAT text)"), 1 << 16);
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
  }

  /** Stages one row. Text is written verbatim: COPY escaping, never SQL. */
  public void write(long row, String sourceId, Instant occurredAt, String timePrecision,
      String offense, String category, double lon, double lat, String locationPrecision,
      String attributesJson) throws IOException {
    line.setLength(0);
    line.append(row).append('\t');
    field(sourceId);
    line.append(occurredAt).append('\t');
    field(timePrecision);
    field(offense);
    field(category);
    line.append(lon).append('\t').append(lat).append('\t');
    field(locationPrecision);
    escape(attributesJson);
    line.append('\n');
    copy.write(line.toString().getBytes(StandardCharsets.UTF_8));
    staged++;
  }

  public long staged() {
    return staged;
  }

  /**
   * Ends staging and merges into {@code incident}, still inside the transaction.
   *
   * @param duplicate told each superseded row: (row number, source id)
   */
  public Merged merge(BiConsumer<Long, String> duplicate) throws SQLException, IOException {
    copy.close();
    copy = null;
    long duplicates = 0;
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("""
        SELECT source_id, array_agg(row_no ORDER BY row_no) FROM incident_staging
        GROUP BY source_id HAVING count(*) > 1""")) {
      while (rs.next()) {
        Array rows = rs.getArray(2);
        Long[] rowNumbers = (Long[]) rows.getArray();
        for (int k = 0; k < rowNumbers.length - 1; k++) {
          duplicate.accept(rowNumbers[k], rs.getString(1));
          duplicates++;
        }
      }
    }
    try (PreparedStatement ps = connection.prepareStatement(String.format(MERGE,
        duplicates > 0 ? LAST_OF_EACH_ID : "incident_staging"))) {
      ps.setString(1, agency);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        long inserted = rs.getLong(1);
        long updated = rs.getLong(2);
        return new Merged(inserted, updated, staged - duplicates - inserted - updated, duplicates);
      }
    }
  }

  /** The connection of this import's transaction, for bookkeeping in the same transaction. */
  public Connection connection() {
    return connection;
  }

  public void commit() throws SQLException {
    connection.commit();
    committed = true;
  }

  @Override
  public void close() throws SQLException {
    try {
      if (!committed) {
        if (copy != null) {
          try {
            copy.close();
          } catch (IOException e) {
            // the transaction is rolled back anyway
          }
        }
        connection.rollback();
      }
    } finally {
      connection.close();
    }
  }

  private void field(String s) {
    escape(s);
    line.append('\t');
  }

  /** COPY text format: \N for null; backslash, tab and line breaks escaped. */
  private void escape(String s) {
    if (s == null) {
      line.append("\\N");
      return;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> line.append("\\\\");
        case '\t' -> line.append("\\t");
        case '\n' -> line.append("\\n");
        case '\r' -> line.append("\\r");
        case '\0' -> { } // PostgreSQL text cannot hold NUL
        default -> line.append(c);
      }
    }
  }
}
