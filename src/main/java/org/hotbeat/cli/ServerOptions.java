package org.hotbeat.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How the HTTP server listens and what it serves. */
final class ServerOptions {
  @Option(names = "--host", paramLabel = "ADDRESS",
      description = "Address to listen on; 0.0.0.0 for every interface. Default: ${DEFAULT-VALUE}.")
  String host = "127.0.0.1";

  @Option(names = "--port", paramLabel = "PORT",
      description = "HTTP port; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
  int port = 8080;

  @Option(names = "--web-dir", paramLabel = "DIR",
      description = "Directory of the web map (its node_modules holds MapLibre). "
          + "Default: ${DEFAULT-VALUE}.")
  Path webDir = Path.of("web");

  @Option(names = "--max-body-mib", paramLabel = "MIB",
      description = "Largest request body read into memory, in MiB (streamed uploads are not "
          + "bound by it). Default: ${DEFAULT-VALUE}.")
  int maxBodyMib = 16;

  @Option(names = "--shutdown-grace-seconds", paramLabel = "S",
      description = "How long requests in flight may finish after a stop is asked for. "
          + "Default: ${DEFAULT-VALUE}.")
  int shutdownGraceSeconds = 10;
}
