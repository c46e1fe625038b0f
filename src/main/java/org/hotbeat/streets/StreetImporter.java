package org.hotbeat.streets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.hotbeat.HotbeatException;
import org.hotbeat.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code hotbeat import streets}: builds a street graph from an OSM extract and puts it, with the
 * street table, in service in one step.
 *
 * <ol>
 *   <li>Check the file: it exists and starts like OSM PBF, OSM XML or gzip.
 *   <li>Build the GraphHopper graph into a new subdirectory {@code streets-TIME-RANDOM} of the graph
 *       directory ({@link StreetGraph#build}); {@link MainNetwork} sets stray fragments apart.
 *   <li>In one transaction, replace the {@code street} rows and add the {@code street_import} row
 *       that names the new subdirectory ({@link StreetRepository#replace}). This commit is the
 *       switch: before it, the server keeps routing and drawing the previous import; after it,
 *       {@link StreetNetwork} loads the new graph.
 *   <li>Delete the graph subdirectories of earlier imports.
 * </ol>
 * If any step fails, the new subdirectory is deleted and the previous import stays in service.
 * Only one import runs at a time (a PostgreSQL advisory lock). Not thread-safe.
 */
public final class StreetImporter {
  private static final Logger log = LoggerFactory.getLogger(StreetImporter.class);
  private static final String PREFIX = "streets-";
  /** Key of the advisory lock that keeps street imports one at a time. */
  static final long LOCK_KEY = 0x5354_5245_4554L;

  private final DataSource dataSource;
  private final StreetRepository streets;
  private final Path graphDir;

  public StreetImporter(DataSource dataSource, Path graphDir) {
    this.dataSource = dataSource;
    this.streets = new StreetRepository(dataSource);
    this.graphDir = graphDir;
  }

  /** Imports {@code osmFile}; a {@link HotbeatException} says what went wrong and what to do. */
  public StreetImport importFile(Path osmFile, Progress progress) {
    Instant started = Instant.now();
    long bytes = checkFile(osmFile);
    try (Connection lock = dataSource.getConnection()) {
      if (!tryLock(lock)) {
        throw new HotbeatException("another street import is running on this database; "
            + "wait for it to finish");
      }
      Path dir = newGraphDir();
      try {
        StreetImport done = build(osmFile, bytes, dir, started, progress);
        removeOldGraphs(dir);
        return done;
      } catch (RuntimeException | SQLException e) {
        deleteTree(dir);
        throw e;
      } finally {
        unlock(lock);
      }
    } catch (SQLException e) {
      throw new HotbeatException("database error during the street import (the previous streets "
          + "stay in service): " + e.getMessage(), e);
    } finally {
      progress.finish();
    }
  }

  private StreetImport build(Path osmFile, long bytes, Path dir, Instant started,
      Progress progress)
      throws SQLException {
    progress.phase("building the street graph", 0);
    try (StreetGraph graph = buildGraph(osmFile, dir)) {
      MainNetwork.Result network = graph.network();
      log.info("street graph of {}: {} nodes, {} edges; {}", osmFile, graph.nodes(),
          graph.edges(), network);
      if (network.streetEdges() == 0) {
        throw new HotbeatException(osmFile + " holds no streets that cars or pedestrians may use; "
            + "the previous streets stay in service");
      }
      progress.phase("writing streets", network.streetEdges());
      StreetImport meta = new StreetImport(0, osmFile.toString(), bytes,
          dir.getFileName().toString(), graph.nodes(), graph.edges(), network.streetEdges(),
          network.fragments(), network.fragmentEdges(), network.fragmentMetres(),
          network.closedEdges(), null, started, null);
      return streets.replace(meta, sink -> graph.forEachSegment(s -> {
        sink.accept(s);
        progress.advance(1);
      }));
    }
  }

  private static StreetGraph buildGraph(Path osmFile, Path dir) {
    try {
      return StreetGraph.build(osmFile, dir);
    } catch (RuntimeException e) {
      log.debug("GraphHopper failed on {}", osmFile, e);
      throw new HotbeatException("cannot read " + osmFile + " as OSM data (" + rootMessage(e)
          + "); is the file complete? The previous streets stay in service", e);
    }
  }

  /** The file's size, after checking that it exists and looks like OSM data. */
  static long checkFile(Path osmFile) {
    if (!Files.exists(osmFile)) {
      throw new HotbeatException("no such file: " + osmFile);
    }
    if (!Files.isRegularFile(osmFile) || !Files.isReadable(osmFile)) {
      throw new HotbeatException(osmFile + " is not a readable file");
    }
    byte[] head = new byte[64];
    int n;
    try (InputStream in = Files.newInputStream(osmFile)) {
      n = in.readNBytes(head, 0, head.length);
      long size = Files.size(osmFile);
      if (!looksLikeOsm(head, n)) {
        throw new HotbeatException(osmFile + " is not an OSM file: expected OSM PBF "
            + "(.osm.pbf) or OSM XML (.osm), optionally gzipped");
      }
      return size;
    } catch (IOException e) {
      throw new HotbeatException("cannot read " + osmFile + ": " + e.getMessage(), e);
    }
  }

  private static boolean looksLikeOsm(byte[] head, int n) {
    if (n >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
      return true; // gzip; GraphHopper checks what is inside
    }
    // PBF: a 4-byte big-endian header length, then the BlobHeader field 1 "OSMHeader".
    String text = new String(head, 0, Math.max(n, 0), java.nio.charset.StandardCharsets.ISO_8859_1);
    if (n >= 15 && head[0] == 0 && head[1] == 0 && text.startsWith("OSMHeader", 6)) {
      return true;
    }
    String xml = text.stripLeading();
    if (xml.startsWith("\uFEFF") || xml.startsWith("\u00EF\u00BB\u00BF")) {
      xml = xml.substring(xml.charAt(0) == '\uFEFF' ? 1 : 3);
    }
    return xml.startsWith("<?xml") || xml.startsWith("<osm");
  }

  private static boolean tryLock(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
      ps.setLong(1, LOCK_KEY);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  /** Pooled connections outlive the import, so the session lock is released by hand. */
  private static void unlock(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
      ps.setLong(1, LOCK_KEY);
      ps.execute();
    }
  }

  private Path newGraphDir() {
    try {
      Files.createDirectories(graphDir);
    } catch (IOException e) {
      throw new HotbeatException("cannot create the graph directory " + graphDir + " (--graph-dir): "
          + e.getMessage(), e);
    }
    Path dir;
    do {
      dir = graphDir.resolve(PREFIX
          + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
          + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000)));
    } while (Files.exists(dir));
    return dir;
  }

  /** Deletes the graphs of earlier (and of failed, killed) imports; a running server holds its own in memory. */
  private void removeOldGraphs(Path keep) {
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(graphDir, PREFIX + "*")) {
      for (Path d : dirs) {
        if (!d.equals(keep) && Files.isDirectory(d)) {
          deleteTree(d);
        }
      }
    } catch (IOException e) {
      log.warn("could not remove old street graphs in {}: {}", graphDir, e.getMessage());
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          log.warn("could not delete {}: {}", p, e.getMessage());
        }
      });
    } catch (IOException e) {
      log.warn("could not delete {}: {}", dir, e.getMessage());
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    if (t instanceof java.io.EOFException) {
      return "it ends in the middle of its data";
    }
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    m = m.replaceAll("\\s+", " ").strip();
    return m.length() > 200 ? m.substring(0, 200) + "…" : m;
  }
}
