package org.hotbeat.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Run the HTTP server (API, tiles and map) until Ctrl-C.")
final class ServeCommand implements Callable<Integer> {
  @Mixin ServerOptions server;
  @Mixin DatabaseOptions db;
  @Mixin StreetOptions streets;
  @Mixin LimitOptions limits;
  @Mixin IngestOptions ingest;
  @Mixin PatrolOptions patrol;
  @Mixin AccessOptions access;

  @Override
  public Integer call() throws Exception {
    return ServerRunner.run(ConfigOptions.toConfig(db, server, streets, limits, ingest, patrol,
        access),
        (store, services) -> { },
        url -> System.out.println("hotbeat is serving " + url + " (Ctrl-C stops it)"));
  }
}
