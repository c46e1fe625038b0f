package org.hotbeat.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.hotbeat.HotbeatException;

/**
 * The connection pool to hotbeat's PostGIS database and its schema migrations ({@code sql/V*.sql},
 * packaged as {@code db/migration}).
 *
 * <p>The pool recovers by itself when the server goes away and comes back; while it is away,
 * {@link #dataSource()} connections fail after {@link #CONNECT_TIMEOUT_MS} with an
 * {@link SQLException} that the web layer turns into 503. Thread-safe.
 */
public final class Database implements AutoCloseable {
  static final long CONNECT_TIMEOUT_MS = 3_000;
  private final HikariDataSource dataSource;
  private volatile boolean wasDown;

  private Database(HikariDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Opens a pool and checks that the server answers, failing with a clear message otherwise.
   *
   * @param meters registry for pool metrics, or null
   */
  public static Database connect(String url, String user, String password, int poolSize,
      MeterRegistry meters) {
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(url);
    hc.setUsername(user);
    hc.setPassword(password);
    hc.setMaximumPoolSize(poolSize);
    hc.setMinimumIdle(Math.min(2, poolSize));
    hc.setConnectionTimeout(CONNECT_TIMEOUT_MS);
    hc.setValidationTimeout(1_000);
    hc.setPoolName("hotbeat-db");
    // Fail on the first attempt with our own message rather than Hikari's stack trace.
    hc.setInitializationFailTimeout(-1);
    if (meters != null) {
      hc.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meters));
    }
    HikariDataSource ds = new HikariDataSource(hc);
    try (Connection c = ds.getConnection()) {
      c.isValid(2);
    } catch (SQLException e) {
      ds.close();
      throw new HotbeatException("cannot connect to the database at " + url + " as " + user + ": "
          + e.getMessage(), e);
    }
    return new Database(ds);
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** Brings the schema up to date; a database without PostGIS gets a message naming the package. */
  public void migrate() {
    requirePostgis();
    try {
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new HotbeatException("database migration failed: " + e.getMessage(), e);
    }
  }

  /**
   * True when the database answers a trivial query within a second or two. Tried twice: after the
   * server restarts, the pool may hand out one connection that died with it (and evicts it when
   * it fails), which says nothing about the server. Asked on a connection of its own, outside the
   * pool, so that a pool busy with long queries is not mistaken for a database that is down.
   */
  public boolean reachable() {
    boolean up = answers() || answers();
    if (up && wasDown) {
      // Back after an outage: connections pooled before it are dead; replace them now rather
      // than fail the next requests with them.
      HikariPoolMXBean pool = dataSource.getHikariPoolMXBean();
      if (pool != null) {
        pool.softEvictConnections();
      }
    }
    wasDown = !up;
    return up;
  }

  /** How busy the pool is, as the health check reports it. */
  public record PoolState(int active, int idle, int waiting, int max) {
    /** Every connection is in use and requests queue for one. */
    public boolean saturated() {
      return active >= max && waiting > 0;
    }
  }

  public PoolState poolState() {
    HikariPoolMXBean pool = dataSource.getHikariPoolMXBean();
    if (pool == null) {
      return new PoolState(0, 0, 0, dataSource.getMaximumPoolSize());
    }
    return new PoolState(pool.getActiveConnections(), pool.getIdleConnections(),
        pool.getThreadsAwaitingConnection(), dataSource.getMaximumPoolSize());
  }

  private boolean answers() {
    Properties props = new Properties();
    props.setProperty("user", dataSource.getUsername());
    props.setProperty("password", dataSource.getPassword() == null ? ""
        : dataSource.getPassword());
    props.setProperty("connectTimeout", "2");
    props.setProperty("socketTimeout", "3");
    try (Connection c = DriverManager.getConnection(dataSource.getJdbcUrl(), props);
         Statement s = c.createStatement()) {
      s.setQueryTimeout(2);
      s.execute("SELECT 1");
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  private void requirePostgis() {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
        var rs = s.executeQuery(
            "SELECT count(*) FROM pg_available_extensions WHERE name = 'postgis'")) {
      rs.next();
      if (rs.getInt(1) == 0) {
        throw new HotbeatException("PostGIS is not installed on the database server at "
            + dataSource.getJdbcUrl() + ": install it there (Debian: 'apt-get install "
            + "postgresql-15-postgis-3', matching the server's major version)");
      }
    } catch (SQLException e) {
      throw new HotbeatException("cannot query the database: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
