package org.hotbeat.cli;

import java.util.concurrent.Callable;
import org.hotbeat.config.HotbeatConfig;
import org.hotbeat.store.EmbeddedPostgres;
import org.hotbeat.store.ManagedDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "migrate", mixinStandardHelpOptions = true,
    description = "Create or update the database schema (the server also does this at start).")
final class MigrateCommand implements Callable<Integer> {
  @Mixin DatabaseOptions db;

  @Override
  public Integer call() {
    HotbeatConfig config = ConfigOptions.toConfig(db);
    try (ManagedDatabase ignored = ManagedDatabase.open(config, EmbeddedPostgres.Sharing.JOIN_RUNNING, null)) {
      System.out.println("database schema is up to date ("
          + (config.embeddedDatabase() ? "embedded cluster in " + config.pgDir() : config.dbUrl())
          + ")");
    }
    return 0;
  }
}
