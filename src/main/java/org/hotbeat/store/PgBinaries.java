package org.hotbeat.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.hotbeat.HotbeatException;

/**
 * The machine's PostgreSQL server programs ({@code initdb}, {@code pg_ctl}, {@code postgres}) and
 * where its extensions live, found under {@code /usr/lib/postgresql/N/bin} (Debian) or from
 * {@code pg_config} on the PATH.
 */
public record PgBinaries(Path binDir, Path extensionDir, int majorVersion) {

  static final String INSTALL_HINT =
      "install them with 'sudo apt-get install postgresql postgresql-15-postgis-3' "
          + "(./hotbeat demo and ./hotbeat test do this when run as root or with sudo)";

  public Path program(String name) {
    return binDir.resolve(name);
  }

  public boolean hasPostgis() {
    return Files.isRegularFile(extensionDir.resolve("postgis.control"));
  }

  /** Finds the newest server installation; throws with the package to install when none is. */
  public static PgBinaries locate() {
    Optional<Path> bin = debianBinDirs().findFirst().or(PgBinaries::fromPgConfig);
    Path binDir = bin.filter(d -> Files.isExecutable(d.resolve("initdb"))
            && Files.isExecutable(d.resolve("pg_ctl"))
            && Files.isExecutable(d.resolve("postgres")))
        .orElseThrow(() -> new HotbeatException(
            "PostgreSQL server programs (initdb, pg_ctl, postgres) were not found: " + INSTALL_HINT));
    String shareDir = ProcessRunner.output(List.of(binDir.resolve("pg_config").toString(), "--sharedir"))
        .orElseGet(() -> "/usr/share/postgresql/" + binDir.getParent().getFileName());
    int major = ProcessRunner.output(List.of(binDir.resolve("pg_config").toString(), "--version"))
        .map(PgBinaries::majorOf)
        .orElse(0);
    return new PgBinaries(binDir, Path.of(shareDir.trim(), "extension"), major);
  }

  /** Like {@link #locate()}, and also insists on PostGIS. */
  public static PgBinaries locateWithPostgis() {
    return locate().requirePostgis();
  }

  /** This installation, if PostGIS is installed for it; otherwise the package to install. */
  public PgBinaries requirePostgis() {
    if (!hasPostgis()) {
      throw new HotbeatException("PostGIS is not installed for PostgreSQL " + majorVersion
          + " (no " + extensionDir.resolve("postgis.control") + "): install it with "
          + "'sudo apt-get install postgresql-" + majorVersion + "-postgis-3'");
    }
    return this;
  }

  private static Stream<Path> debianBinDirs() {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return Stream.empty();
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions.filter(p -> p.getFileName().toString().matches("\\d+"))
          .sorted(Comparator.comparingInt((Path p) -> Integer.parseInt(p.getFileName().toString()))
              .reversed())
          .map(p -> p.resolve("bin"))
          .filter(p -> Files.isExecutable(p.resolve("initdb")))
          .toList()
          .stream();
    } catch (IOException e) {
      return Stream.empty();
    }
  }

  private static Optional<Path> fromPgConfig() {
    return ProcessRunner.output(List.of("pg_config", "--bindir")).map(s -> Path.of(s.trim()));
  }

  static int majorOf(String pgConfigVersion) {
    // "PostgreSQL 15.18 (Debian 15.18-0+deb12u1)"
    String[] words = pgConfigVersion.trim().split("\\s+");
    if (words.length < 2) {
      return 0;
    }
    try {
      return Integer.parseInt(words[1].split("\\.")[0]);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
