package org.hotbeat.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.BiConsumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Bulk upsert of one agency's incidents in one transaction, as fast as PostgreSQL's own COPY.
 *
 * <p>Rows arrive in input order and are handed over in batches to a worker thread, so the caller
 * parses the next batch while the database stores this one. Per batch the worker asks which ids
 * the agency already has (one indexed lookup), COPYs the new rows straight into {@code incident}
 * (the bulk path PostgreSQL has, with every index in place), and COPYs the others into a temporary
 * table. {@link #merge} then updates, in one statement, the records whose values changed. Ids
 * repeated within the input keep their last row. Imports of one agency take turns (an advisory
 * lock), so no other import can slip an id in between the lookup and the COPY.
 *
 * <p>Nothing is visible to others until {@link #commit}; a failure or {@link #close()} without
 * commit rolls everything back. One writer per import; {@link #write} and {@link #merge} are
 * called from one thread.
 */
public final class IncidentWriter implements AutoCloseable {
  /** The merge's outcome. {@code duplicates} rows were superseded by another row of the same id. */
  public record Merged(long inserted, long updated, long unchanged, long duplicates) {}

  /** One row to store; {@code row} is its number in the input. */
  public record Row(long row, String sourceId, Instant occurredAt, String timePrecision,
      String offense, String category, double lon, double lat, String locationPrecision,
      String attributesJson) {}

  static final int BATCH = 20_000;
  private static final List<Row> END = new ArrayList<>();
  private static final String COLUMNS = "agency, source_id, occurred_at, time_precision, offense, "
      + "category, geom, location_precision, attributes";

  private final Connection connection;
  private final String agency;
  private final BlockingQueue<List<Row>> queue = new ArrayBlockingQueue<>(2);
  private final Thread worker;
  private volatile Throwable failure;
  private List<Row> batch = new ArrayList<>(BATCH);
  private boolean committed;

  // Written by the worker, read after it has ended.
  private long inserted;
  private long staged;
  private final List<long[]> supersededRows = new ArrayList<>();
  private final List<String> supersededIds = new ArrayList<>();

  public IncidentWriter(DataSource dataSource, String agency) throws SQLException {
    this.agency = agency;
    this.connection = dataSource.getConnection();
    try {
      connection.setAutoCommit(false);
      try (Statement s = connection.createStatement()) {
        s.execute("SELECT pg_advisory_xact_lock(hashtext('hotbeat.ingest:' || "
            + quote(agency) + "))");
        s.execute("""
            CREATE TEMP TABLE incident_updates (
                row_no bigint, ours boolean, source_id text, occurred_at timestamptz,
                time_precision text, offense text, category text, geom geometry,
                location_precision text, attributes jsonb) ON COMMIT DROP""");
        // Which input row each inserted id came from, to name it if a later row supersedes it.
        s.execute("CREATE TEMP TABLE incident_inserted (source_id text, row_no bigint) "
            + "ON COMMIT DROP");
      }
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    worker = new Thread(this::work, "ingest-writer");
    worker.setDaemon(true);
    worker.start();
  }

  /** Queues one row; blocks while the worker is two batches behind. */
  public void write(Row row) throws SQLException {
    batch.add(row);
    if (batch.size() >= BATCH) {
      hand(batch);
      batch = new ArrayList<>(BATCH);
    }
  }

  /**
   * Stores what is queued and updates changed records, still inside the transaction.
   *
   * @param superseded told each row that another row of the same id replaced: (row, source id)
   */
  public Merged merge(BiConsumer<Long, String> superseded) throws SQLException {
    hand(batch);
    hand(END);
    join();
    for (int i = 0; i < supersededRows.size(); i++) {
      superseded.accept(supersededRows.get(i)[0], supersededIds.get(i));
    }
    long duplicates = supersededRows.size();
    // Rows staged for update repeat an id this import inserted ("ours") or an existing record.
    // Superseded: all but the last staged row of each id, and the inserted row of "ours" ids.
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("""
        SELECT row_no, source_id FROM (
          SELECT row_no, source_id,
                 row_number() OVER (PARTITION BY source_id ORDER BY row_no DESC) AS nth
          FROM incident_updates) u
        WHERE nth > 1
        UNION ALL
        SELECT k.row_no, k.source_id FROM incident_inserted k
        WHERE k.source_id IN (SELECT source_id FROM incident_updates WHERE ours)
        ORDER BY 1""")) {
      while (rs.next()) {
        superseded.accept(rs.getLong(1), rs.getString(2));
        duplicates++;
      }
    }
    long updated;
    long distinctExisting;
    try (PreparedStatement ps = connection.prepareStatement("""
        WITH last AS (
          SELECT DISTINCT ON (source_id) * FROM incident_updates ORDER BY source_id, row_no DESC),
        up AS (
          UPDATE incident i SET occurred_at = l.occurred_at, time_precision = l.time_precision,
                 offense = l.offense, category = l.category, geom = l.geom,
                 location_precision = l.location_precision, attributes = l.attributes,
                 updated_at = now()
          FROM last l
          WHERE i.agency = ? AND i.source_id = l.source_id
            AND (i.occurred_at, i.time_precision, i.offense, i.category, i.geom,
                 i.location_precision, i.attributes)
                IS DISTINCT FROM (l.occurred_at, l.time_precision, l.offense, l.category, l.geom,
                 l.location_precision, l.attributes)
          RETURNING l.ours)
        SELECT (SELECT count(*) FROM up WHERE NOT ours),
               (SELECT count(*) FROM last WHERE NOT ours)""")) {
      ps.setString(1, agency);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        updated = rs.getLong(1);
        distinctExisting = rs.getLong(2);
      }
    }
    return new Merged(inserted, updated, distinctExisting - updated, duplicates);
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
    worker.interrupt();
    try {
      worker.join(60_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      if (!committed) {
        connection.rollback();
      }
    } finally {
      connection.close();
    }
  }

  private void hand(List<Row> rows) throws SQLException {
    rethrow();
    try {
      while (!queue.offer(rows, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
        rethrow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while storing rows", e);
    }
  }

  private void join() throws SQLException {
    try {
      worker.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while storing rows", e);
    }
    rethrow();
  }

  private void rethrow() throws SQLException {
    Throwable f = failure;
    if (f instanceof SQLException e) {
      throw e;
    }
    if (f != null) {
      throw new SQLException("storing rows failed: " + f.getMessage(), f);
    }
  }

  private void work() {
    try {
      for (List<Row> rows; (rows = queue.take()) != END; ) {
        if (!rows.isEmpty()) {
          store(rows);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable t) {
      failure = t;
    }
  }

  /** One batch: last row per id, which ids exist, COPY new rows in and the rest aside. */
  private void store(List<Row> rows) throws SQLException, IOException {
    Map<String, Row> last = new LinkedHashMap<>(rows.size() * 2);
    for (Row r : rows) {
      Row before = last.put(r.sourceId(), r);
      if (before != null) {
        supersededRows.add(new long[] {before.row()});
        supersededIds.add(before.sourceId());
      }
    }
    Map<String, Boolean> existing = new HashMap<>();
    try (PreparedStatement ps = connection.prepareStatement("""
        SELECT source_id, xmin::text::bigint = txid_current() % 4294967296
        FROM incident WHERE agency = ? AND source_id = ANY (?)""")) {
      ps.setString(1, agency);
      ps.setArray(2, connection.createArrayOf("text", last.keySet().toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          existing.put(rs.getString(1), rs.getBoolean(2));
        }
      }
    }
    PGConnection pg = connection.unwrap(PGConnection.class);
    if (existing.size() < last.size()) {
      StringBuilder keys = new StringBuilder(32 * (last.size() - existing.size()));
      try (OutputStream out = new PGCopyOutputStream(pg, "COPY incident (" + COLUMNS
          + ") FROM STDIN (FORMAT text)", 1 << 16)) {
        StringBuilder line = new StringBuilder(512);
        for (Row r : last.values()) {
          if (!existing.containsKey(r.sourceId())) {
            line.setLength(0);
            escape(line, agency).append('\t');
            appendValues(line, r);
            out.write(line.toString().getBytes(StandardCharsets.UTF_8));
            escape(keys, r.sourceId()).append('\t').append(r.row()).append('\n');
            inserted++;
          }
        }
      }
      try (OutputStream out = new PGCopyOutputStream(pg, "COPY incident_inserted FROM STDIN "
          + "(FORMAT text)", 1 << 16)) {
        out.write(keys.toString().getBytes(StandardCharsets.UTF_8));
      }
    }
    if (!existing.isEmpty()) {
      try (OutputStream out = new PGCopyOutputStream(pg, "COPY incident_updates FROM STDIN "
          + "(FORMAT text)", 1 << 16)) {
        StringBuilder line = new StringBuilder(512);
        for (Row r : last.values()) {
          Boolean ours = existing.get(r.sourceId());
          if (ours != null) {
            line.setLength(0);
            line.append(r.row()).append('\t').append(ours ? 't' : 'f').append('\t');
            appendValues(line, r);
            out.write(line.toString().getBytes(StandardCharsets.UTF_8));
            staged++;
          }
        }
      }
    }
  }

  /** source_id … attributes in COPY text format, ending with a line break. */
  private static void appendValues(StringBuilder line, Row r) {
    escape(line, r.sourceId()).append('\t');
    line.append(r.occurredAt()).append('\t');
    escape(line, r.timePrecision()).append('\t');
    escape(line, r.offense()).append('\t');
    escape(line, r.category()).append('\t');
    pointEwkbHex(line, r.lon(), r.lat()).append('\t');
    escape(line, r.locationPrecision()).append('\t');
    escape(line, r.attributesJson()).append('\n');
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /** A 2-D point with SRID 4326 as hex EWKB (little-endian), what PostGIS reads fastest. */
  static StringBuilder pointEwkbHex(StringBuilder sb, double lon, double lat) {
    sb.append("0101000020E6100000");
    appendLittleEndian(sb, Double.doubleToLongBits(lon));
    appendLittleEndian(sb, Double.doubleToLongBits(lat));
    return sb;
  }

  private static void appendLittleEndian(StringBuilder sb, long bits) {
    for (int i = 0; i < 8; i++) {
      int b = (int) (bits >>> (8 * i)) & 0xFF;
      sb.append(HEX[b >>> 4]).append(HEX[b & 0xF]);
    }
  }

  /** COPY text format: \N for null; backslash, tab and line breaks escaped; NUL dropped. */
  private static StringBuilder escape(StringBuilder line, String s) {
    if (s == null) {
      return line.append("\\N");
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
    return line;
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "''") + "'";
  }
}
