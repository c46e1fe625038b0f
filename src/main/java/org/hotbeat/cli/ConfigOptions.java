package org.hotbeat.cli;

import java.time.Duration;
import org.hotbeat.config.HotbeatConfig;

/** Turns parsed options into the one validated configuration record. */
final class ConfigOptions {
  private ConfigOptions() {}

  static HotbeatConfig toConfig(DatabaseOptions db, ServerOptions server, StreetOptions streets,
      LimitOptions limits, IngestOptions ingest, PatrolOptions patrol, AccessOptions access) {
    return new HotbeatConfig(server.host, server.port, server.webDir,
        (long) server.maxBodyMib << 20, ingest.toLimits(), limits.toLimits(),
        patrol.toDefaults(), Duration.ofSeconds(server.shutdownGraceSeconds), db.dbUrl,
        db.dbUser, db.dbPassword, db.dbPoolSize, db.pgDir, streets.graphDir, access.toSettings());
  }

  static HotbeatConfig toConfig(DatabaseOptions db, ServerOptions server, StreetOptions streets,
      LimitOptions limits, IngestOptions ingest, PatrolOptions patrol) {
    return toConfig(db, server, streets, limits, ingest, patrol, new AccessOptions());
  }

  static HotbeatConfig toConfig(DatabaseOptions db, ServerOptions server, StreetOptions streets,
      LimitOptions limits, IngestOptions ingest) {
    return toConfig(db, server, streets, limits, ingest, new PatrolOptions());
  }

  static HotbeatConfig toConfig(DatabaseOptions db, ServerOptions server, StreetOptions streets,
      LimitOptions limits) {
    return toConfig(db, server, streets, limits, new IngestOptions(), new PatrolOptions());
  }

  static HotbeatConfig toConfig(DatabaseOptions db, StreetOptions streets) {
    return toConfig(db, new ServerOptions(), streets, new LimitOptions());
  }

  static HotbeatConfig toConfig(DatabaseOptions db, LimitOptions limits) {
    return toConfig(db, new ServerOptions(), new StreetOptions(), limits);
  }

  static HotbeatConfig toConfig(DatabaseOptions db, IngestOptions ingest) {
    return toConfig(db, new ServerOptions(), new StreetOptions(), new LimitOptions(), ingest);
  }

  static HotbeatConfig toConfig(DatabaseOptions db) {
    return toConfig(db, new LimitOptions());
  }
}
