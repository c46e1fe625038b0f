package org.hotbeat.streets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The street graph in service, for the server: the graph of the newest street import, loaded into
 * memory on first use and reloaded when a new import has been committed (by this process or by
 * {@code hotbeat import streets} beside it). Thread-safe.
 */
public final class StreetNetwork {
  private static final Logger log = LoggerFactory.getLogger(StreetNetwork.class);

  private record Loaded(long importId, StreetGraph graph, StreetRouter router) {}

  private final StreetRepository streets;
  private final Path graphDir;
  private volatile Loaded loaded;

  public StreetNetwork(StreetRepository streets, Path graphDir) {
    this.streets = streets;
    this.graphDir = graphDir;
  }

  /**
   * A router on the graph in service. Take one per request and use it throughout, so one plan is
   * computed on one graph even if an import commits meanwhile.
   *
   * @throws NoStreetGraphException when no import was made or its graph is not on this machine
   */
  public StreetRouter router() throws SQLException {
    StreetImport current = streets.current()
        .orElseThrow(() -> new NoStreetGraphException("no street graph has been imported"));
    Loaded l = loaded;
    if (l != null && l.importId() == current.id()) {
      return l.router();
    }
    return load(current).router();
  }

  /** The import in service, if any. */
  public Optional<StreetImport> current() throws SQLException {
    return streets.current();
  }

  private synchronized Loaded load(StreetImport current) {
    Loaded l = loaded;
    if (l != null && l.importId() == current.id()) {
      return l;
    }
    Path dir = graphDir.resolve(current.graphName());
    if (!Files.isDirectory(dir)) {
      throw new NoStreetGraphException("the street graph of import " + current.id() + " ("
          + current.sourceFile() + ") is not in " + graphDir + " on this machine");
    }
    long t0 = System.nanoTime();
    StreetGraph graph = StreetGraph.load(dir);
    log.info("loaded street graph {} ({} nodes, {} edges) in {} ms", current.graphName(),
        graph.nodes(), graph.edges(), (System.nanoTime() - t0) / 1_000_000);
    // The previous graph is not closed: requests may still route on it; the GC frees it.
    loaded = new Loaded(current.id(), graph, graph.router());
    return loaded;
  }
}
