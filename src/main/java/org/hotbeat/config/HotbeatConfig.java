package org.hotbeat.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hotbeat.HotbeatException;

/**
 * Every setting of a hotbeat process, validated once when built and immutable afterwards.
 *
 * <p>Values come from command-line flags, then {@code HOTBEAT_*} environment variables, then the
 * defaults below (see {@code cli.EnvironmentDefaults}); {@code hotbeat serve --help} lists them.
 *
 * @param host address the HTTP server binds to
 * @param port HTTP port; 0 picks a free one
 * @param webDir directory of the web front end (static files, {@code node_modules} for MapLibre)
 * @param maxBodyBytes largest request body read into memory, in bytes
 * @param ingestLimits how much one import may read: bytes and rows per request (counted after
 *     decompression), line and field length
 * @param limits bounds on work and the public floors (see {@link Limits})
 * @param patrol what patrol plan requests get for settings they leave out (see
 *     {@link PatrolDefaults})
 * @param shutdownGrace how long in-flight requests may run on after a stop is asked for
 * @param dbUrl JDBC URL of an external PostgreSQL + PostGIS server, or {@code null} to run the
 *     embedded cluster in {@code pgDir}
 * @param dbUser user for {@code dbUrl}
 * @param dbPassword password for {@code dbUrl}; never printed
 * @param dbPoolSize maximum connections in the pool
 * @param pgDir data directory of the embedded cluster (ignored with {@code dbUrl})
 * @param graphDir directory of the street graphs built by {@code hotbeat import streets}
 * @param access sessions, lock-out, token lifetime, cookies (see {@link AccessSettings})
 */
public record HotbeatConfig(
    String host,
    int port,
    Path webDir,
    long maxBodyBytes,
    IngestLimits ingestLimits,
    Limits limits,
    PatrolDefaults patrol,
    Duration shutdownGrace,
    String dbUrl,
    String dbUser,
    String dbPassword,
    int dbPoolSize,
    Path pgDir,
    Path graphDir,
    AccessSettings access) {

  public static final int DEFAULT_PORT = 8080;

  public HotbeatConfig {
    List<String> errors = new ArrayList<>();
    if (host == null || host.isBlank()) {
      errors.add("--host must not be empty");
    }
    if (port < 0 || port > 65535) {
      errors.add("--port must be between 0 and 65535, got " + port);
    }
    if (maxBodyBytes < 1024) {
      errors.add("--max-body-mib must be at least 1");
    }
    if (ingestLimits == null) {
      errors.add("the ingest limits must be set");
    }
    if (limits == null || patrol == null) {
      errors.add("limits and patrol defaults must be set");
    }
    if (shutdownGrace == null || shutdownGrace.isNegative()) {
      errors.add("--shutdown-grace-seconds must be 0 or more");
    }
    if (dbUrl != null && dbUrl.isBlank()) {
      dbUrl = null;
    }
    if (dbUrl != null && !dbUrl.startsWith("jdbc:postgresql:")) {
      errors.add("--db-url must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db), got '"
          + dbUrl + "'");
    }
    if (dbPoolSize < 1 || dbPoolSize > 500) {
      errors.add("--db-pool-size must be between 1 and 500, got " + dbPoolSize);
    }
    if (access == null) {
      errors.add("access settings must be set");
    }
    if (webDir == null || pgDir == null || graphDir == null) {
      errors.add("--web-dir, --pg-dir and --graph-dir must be set");
    }
    if (!errors.isEmpty()) {
      throw new HotbeatException("invalid configuration: " + String.join("; ", errors));
    }
    webDir = webDir.toAbsolutePath().normalize();
    pgDir = pgDir.toAbsolutePath().normalize();
    graphDir = graphDir.toAbsolutePath().normalize();
  }

  /** The defaults, as a test or an embedding program would start from. */
  public static HotbeatConfig defaults() {
    return new HotbeatConfig("127.0.0.1", DEFAULT_PORT, Path.of("web"), 16L << 20,
        IngestLimits.DEFAULTS, Limits.defaults(), PatrolDefaults.defaults(), Duration.ofSeconds(10), null, "postgres", "", 10, Path.of("var/pg"),
        Path.of("var/graph"), AccessSettings.defaults());
  }

  public boolean embeddedDatabase() {
    return dbUrl == null;
  }

  public HotbeatConfig withPort(int newPort) {
    return new HotbeatConfig(host, newPort, webDir, maxBodyBytes, ingestLimits,
        limits, patrol, shutdownGrace,
        dbUrl, dbUser, dbPassword, dbPoolSize, pgDir, graphDir, access);
  }

  public HotbeatConfig withDatabase(String url, String user, String password) {
    return new HotbeatConfig(host, port, webDir, maxBodyBytes, ingestLimits,
        limits, patrol, shutdownGrace, url,
        user, password, dbPoolSize, pgDir, graphDir, access);
  }

  public HotbeatConfig withPgDir(Path dir) {
    return new HotbeatConfig(host, port, webDir, maxBodyBytes, ingestLimits,
        limits, patrol, shutdownGrace,
        dbUrl, dbUser, dbPassword, dbPoolSize, dir, graphDir, access);
  }

  public HotbeatConfig withGraphDir(Path dir) {
    return new HotbeatConfig(host, port, webDir, maxBodyBytes, ingestLimits,
        limits, patrol, shutdownGrace,
        dbUrl, dbUser, dbPassword, dbPoolSize, pgDir, dir, access);
  }

  public HotbeatConfig withIngestLimits(IngestLimits newIngestLimits) {
    return new HotbeatConfig(host, port, webDir, maxBodyBytes, newIngestLimits,
        limits, patrol, shutdownGrace, dbUrl,
        dbUser, dbPassword, dbPoolSize, pgDir, graphDir, access);
  }

  public HotbeatConfig withLimits(Limits newLimits) {
    return new HotbeatConfig(host, port, webDir, maxBodyBytes, ingestLimits,
        newLimits, patrol, shutdownGrace, dbUrl,
        dbUser, dbPassword, dbPoolSize, pgDir, graphDir, access);
  }

  public HotbeatConfig withAccess(AccessSettings settings) {
    return new HotbeatConfig(host, port, webDir, maxBodyBytes, ingestLimits, limits, patrol,
        shutdownGrace, dbUrl, dbUser, dbPassword, dbPoolSize, pgDir, graphDir, settings);
  }

  public HotbeatConfig withPatrol(PatrolDefaults newPatrol) {
    return new HotbeatConfig(host, port, webDir, maxBodyBytes, ingestLimits, limits, newPatrol,
        shutdownGrace, dbUrl, dbUser, dbPassword, dbPoolSize, pgDir, graphDir, access);
  }

  public HotbeatConfig withWebDir(Path dir) {
    return new HotbeatConfig(host, port, dir, maxBodyBytes, ingestLimits,
        limits, patrol, shutdownGrace, dbUrl,
        dbUser, dbPassword, dbPoolSize, pgDir, graphDir, access);
  }

  @Override
  public String toString() {
    return "HotbeatConfig[host=" + host + ", port=" + port + ", webDir=" + webDir
        + ", maxBodyBytes=" + maxBodyBytes + ", ingestLimits=" + ingestLimits
        + ", limits=" + limits + ", patrol=" + patrol
        + ", shutdownGrace=" + shutdownGrace
        + ", db=" + (dbUrl == null ? "embedded " + pgDir : dbUrl + " as " + dbUser)
        + ", dbPoolSize=" + dbPoolSize + ", graphDir=" + graphDir + ", access=" + access + "]";
  }
}
