package org.hotbeat.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the database is: an external server, or the embedded cluster's directory. */
final class DatabaseOptions {
  @Option(names = "--db-url", paramLabel = "URL",
      description = "JDBC URL of an external PostgreSQL + PostGIS server "
          + "(jdbc:postgresql://host:port/db). Without it hotbeat runs its own cluster in --pg-dir.")
  String dbUrl;

  @Option(names = "--db-user", paramLabel = "USER",
      description = "User for --db-url. Default: ${DEFAULT-VALUE}.")
  String dbUser = "postgres";

  @Option(names = "--db-password", paramLabel = "PASSWORD",
      description = "Password for --db-url (prefer the environment variable HOTBEAT_DB_PASSWORD).")
  String dbPassword = "";

  @Option(names = "--db-pool-size", paramLabel = "N",
      description = "Maximum database connections. Default: ${DEFAULT-VALUE}.")
  int dbPoolSize = 10;

  @Option(names = "--pg-dir", paramLabel = "DIR",
      description = "Data directory of the embedded PostgreSQL cluster (created on first start). "
          + "Default: ${DEFAULT-VALUE}.")
  Path pgDir = Path.of("var/pg");
}
