package org.hotbeat.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the street graphs live. */
final class StreetOptions {
  @Option(names = "--graph-dir", paramLabel = "DIR",
      description = "Directory of the street graphs that 'import streets' builds and the server "
          + "routes on. Default: ${DEFAULT-VALUE}.")
  Path graphDir = Path.of("var/graph");
}
