package org.hotbeat.access;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who read point-level data, in table {@code access_log}. {@link #record} only queues the row (a
 * tile burst must not wait for the database); a background thread writes the queue in batches
 * every {@value #FLUSH_MILLIS} ms, and {@link #flush} writes it at once. When the queue is full the
 * caller writes the batch itself rather than drop a row. Thread-safe.
 */
public final class AccessLogRepository implements AutoCloseable {
  /** One read of point-level data. {@code via} is "session" or "token". */
  public record Entry(Instant at, String caller, String role, String via, String method,
      String route, String path, String query) {}

  private static final Logger log = LoggerFactory.getLogger(AccessLogRepository.class);
  private static final long FLUSH_MILLIS = 500;
  private static final int BATCH = 500;

  private final DataSource dataSource;
  private final Clock clock;
  private final BlockingQueue<Entry> queue = new ArrayBlockingQueue<>(10_000);
  private final ScheduledExecutorService writer;

  public AccessLogRepository(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.writer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "hotbeat-access-log");
      t.setDaemon(true);
      return t;
    });
    writer.scheduleWithFixedDelay(this::flushQuietly, FLUSH_MILLIS, FLUSH_MILLIS,
        TimeUnit.MILLISECONDS);
  }

  /** Queues one row, stamped with the clock's time. */
  public void record(String caller, String role, String via, String method, String route,
      String path, String query) {
    Entry e = new Entry(clock.instant(), caller, role, via, method, route, path, query);
    while (!queue.offer(e)) {
      flushQuietly();
    }
  }

  /** Writes every queued row now. */
  public synchronized void flush() throws SQLException {
    List<Entry> batch = new ArrayList<>();
    while (queue.drainTo(batch, BATCH) > 0) {
      try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
          "INSERT INTO access_log (at, caller, role, via, method, route, path, query) "
              + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (Entry e : batch) {
          ps.setTimestamp(1, Timestamp.from(e.at()));
          ps.setString(2, e.caller());
          ps.setString(3, e.role());
          ps.setString(4, e.via());
          ps.setString(5, e.method());
          ps.setString(6, e.route());
          ps.setString(7, e.path());
          ps.setString(8, e.query());
          ps.addBatch();
        }
        ps.executeBatch();
      }
      batch.clear();
    }
  }

  private void flushQuietly() {
    try {
      flush();
    } catch (SQLException | RuntimeException e) {
      log.warn("access log: could not write rows, will retry: {}", e.getMessage());
    }
  }

  /** Rows from {@code from} (inclusive) to {@code to} (exclusive), of one caller or all, newest first. */
  public List<Entry> find(Instant from, Instant to, String caller, int limit) throws SQLException {
    flush();
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
        "SELECT at, caller, role, via, method, route, path, query FROM access_log "
            + "WHERE at >= ? AND at < ? AND (?::text IS NULL OR caller = ?) "
            + "ORDER BY at DESC, id DESC LIMIT ?")) {
      ps.setTimestamp(1, Timestamp.from(from));
      ps.setTimestamp(2, Timestamp.from(to));
      ps.setString(3, caller);
      ps.setString(4, caller);
      ps.setInt(5, limit);
      try (ResultSet rs = ps.executeQuery()) {
        List<Entry> out = new ArrayList<>();
        while (rs.next()) {
          out.add(new Entry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
              rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
              rs.getString(8)));
        }
        return out;
      }
    }
  }

  /** Writes what is queued and stops the background writer. */
  @Override
  public void close() {
    writer.shutdown();
    flushQuietly();
  }
}
