package org.hotbeat.store;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.hotbeat.config.HotbeatConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database a hotbeat process works on, opened from its configuration: the external server of
 * {@code dbUrl}, or the embedded cluster (started here and stopped on {@link #close()}), in both
 * cases connected and migrated.
 */
public final class ManagedDatabase implements AutoCloseable {
  public static final String DATABASE_NAME = "hotbeat";
  private static final Logger log = LoggerFactory.getLogger(ManagedDatabase.class);

  private final EmbeddedPostgres embedded;
  private final Database database;

  private ManagedDatabase(EmbeddedPostgres embedded, Database database) {
    this.embedded = embedded;
    this.database = database;
  }

  /**
   * @param sharing whether a short command may join a cluster that a running server owns
   * @param meters registry for pool metrics, or null
   */
  public static ManagedDatabase open(HotbeatConfig config, EmbeddedPostgres.Sharing sharing,
      MeterRegistry meters) {
    if (!config.embeddedDatabase()) {
      log.info("using the database at {}", config.dbUrl());
      Database db = Database.connect(config.dbUrl(), config.dbUser(), config.dbPassword(),
          config.dbPoolSize(), meters);
      return migrated(null, db);
    }
    EmbeddedPostgres pg = EmbeddedPostgres.start(config.pgDir(), true, sharing);
    try {
      pg.createDatabase(DATABASE_NAME, null);
      Database db = Database.connect(pg.jdbcUrl(DATABASE_NAME), EmbeddedPostgres.SUPERUSER,
          pg.password(), config.dbPoolSize(), meters);
      return migrated(pg, db);
    } catch (RuntimeException e) {
      pg.close();
      throw e;
    }
  }

  private static ManagedDatabase migrated(EmbeddedPostgres pg, Database db) {
    try {
      db.migrate();
      return new ManagedDatabase(pg, db);
    } catch (RuntimeException e) {
      db.close();
      if (pg != null) {
        pg.close();
      }
      throw e;
    }
  }

  public Database database() {
    return database;
  }

  public Optional<EmbeddedPostgres> embedded() {
    return Optional.ofNullable(embedded);
  }

  @Override
  public void close() {
    database.close();
    if (embedded != null) {
      embedded.close();
    }
  }
}
