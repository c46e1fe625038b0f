package org.hotbeat.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.hotbeat.geo.LonLat;
import org.hotbeat.store.EmbeddedPostgres;

/**
 * pgRouting's {@code pgr_dijkstraCostMatrix} on the Loop extract (imported once by osm2pgrouting
 * with its car configuration), the reference of the patrol and matrix benchmarks.
 */
final class PgRoutingMatrix {
  static final Path LOOP = Path.of("..", "shared", "data", "chicago", "osm",
      "chicago_loop.osm.pbf");

  private PgRoutingMatrix() {}

  /**
   * The median time of pgRouting's car matrix among {@code points} (each at its nearest vertex),
   * in ms; NaN, with the reason printed, when pgRouting or its tools are not installed.
   */
  static double medianMs(ChicagoBenchData data, List<LonLat> points) throws Exception {
    String why = missing(data);
    if (why != null) {
      System.out.println("pgRouting comparison skipped: " + why);
      return Double.NaN;
    }
    importForPgRouting(data);
    long[] vertices = new long[points.size()];
    try (Connection c = data.db.dataSource().getConnection()) {
      try (PreparedStatement ps = c.prepareStatement("SELECT id FROM pgr.ways_vertices_pgr "
          + "ORDER BY the_geom <-> ST_SetSRID(ST_MakePoint(?, ?), 4326) LIMIT 1")) {
        for (int i = 0; i < vertices.length; i++) {
          ps.setDouble(1, points.get(i).lon());
          ps.setDouble(2, points.get(i).lat());
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            vertices[i] = rs.getLong(1);
          }
        }
      }
      String sql = "SELECT count(*) FROM pgr_dijkstraCostMatrix('SELECT gid AS id, source, "
          + "target, cost_s AS cost, reverse_cost_s AS reverse_cost FROM pgr.ways', ?, true)";
      double[] theirs = new double[5];
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setArray(1, c.createArrayOf("bigint", Arrays.stream(vertices).boxed().toArray()));
        for (int i = -1; i < theirs.length; i++) {
          long t0 = System.nanoTime();
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            if (i < 0) {
              System.out.printf("pgRouting matrix: %d pairs%n", rs.getLong(1));
            }
          }
          if (i >= 0) {
            theirs[i] = (System.nanoTime() - t0) / 1e6;
          }
        }
      }
      Arrays.sort(theirs);
      double t = theirs[theirs.length / 2];
      System.out.printf(Locale.ROOT, "pgRouting pgr_dijkstraCostMatrix: median %.1f ms%n", t);
      return t;
    }
  }


  static String missing(ChicagoBenchData data) throws Exception {
    for (String tool : List.of("osmium", "osm2pgrouting")) {
      if (!onPath(tool)) {
        return tool + " is not installed (Debian: apt-get install osmium-tool osm2pgrouting)";
      }
    }
    try (Connection c = data.db.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(
            "SELECT 1 FROM pg_available_extensions WHERE name = 'pgrouting'")) {
      return rs.next() ? null
          : "pgRouting is not installed (Debian: apt-get install postgresql-15-pgrouting)";
    }
  }

  private static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  /** The same extract into pgRouting's tables with osm2pgrouting's car configuration (once). */
  private static void importForPgRouting(ChicagoBenchData data) throws Exception {
    try (Connection c = data.db.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE EXTENSION IF NOT EXISTS pgrouting");
      s.execute("CREATE EXTENSION IF NOT EXISTS hstore");
      s.execute("CREATE SCHEMA IF NOT EXISTS pgr");
      try (ResultSet rs = s.executeQuery("SELECT to_regclass('pgr.ways') IS NOT NULL")) {
        rs.next();
        if (rs.getBoolean(1)) {
          return;
        }
      }
    }
    Path osm = Path.of("target", "bench-pg", "chicago_loop.osm").toAbsolutePath();
    run(List.of("osmium", "cat", LOOP.toAbsolutePath().toString(), "-o", osm.toString(),
        "--overwrite"));
    EmbeddedPostgres pg = data.pg;
    run(List.of("osm2pgrouting", "-f", osm.toString(), "-c",
        "/usr/share/osm2pgrouting/mapconfig_for_cars.xml", "--schema", "pgr", "-d", "bench",
        "-U", EmbeddedPostgres.SUPERUSER, "-W", pg.password(), "-h", "127.0.0.1", "-p",
        String.valueOf(pg.port()), "--clean"));
  }

  private static void run(List<String> command) throws Exception {
    System.out.println("running " + command.get(0) + " (once)");
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(Path.of("target", "bench-pg", command.get(0) + ".log").toFile()).start();
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException(command.get(0) + " failed: see target/bench-pg/"
          + command.get(0) + ".log");
    }
  }
}
