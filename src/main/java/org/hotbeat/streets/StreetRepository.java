package org.hotbeat.streets;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.hotbeat.geo.LonLat;
import org.hotbeat.geo.TileCoord;
import org.locationtech.jts.io.WKBWriter;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The {@code street} and {@code street_import} tables: replaces the street network in one
 * transaction and cuts it into vector tiles. Thread-safe.
 */
public final class StreetRepository {
  /** Tiles are drawn on a 4096-unit grid with a 64-unit buffer, like most MVT servers. */
  static final int EXTENT = 4096;
  static final int BUFFER = 64;
  /** From this zoom on every edge is its own feature; below it streets are merged and simplified. */
  public static final int DETAIL_ZOOM = 15;

  /** Something that hands every street segment to a sink, once. */
  public interface Segments {
    void forEach(Consumer<StreetSegment> sink);
  }

  private static final String CURRENT = """
      SELECT id, source_file, source_bytes, graph_name, graph_nodes, graph_edges, street_edges,
             fragments, fragment_edges, fragment_metres, closed_edges,
             west, south, east, north, started_at, imported_at
      FROM street_import ORDER BY id DESC LIMIT 1""";

  // The tile envelope is transformed to the column's EPSG:4326 so the GiST index finds the rows
  // (with a margin for the buffer), as martin does; the rows found are drawn from their stored
  // 3857 copy, so no request transforms a street.
  private static final String TILE_ROWS = """
      WITH tile AS (
        SELECT ST_TileEnvelope(p.z, p.x, p.y) AS env,
               ST_Transform(ST_TileEnvelope(p.z, p.x, p.y, margin => %1$s), 4326) AS search,
               p.z
        FROM (SELECT ?::int AS z, ?::int AS x, ?::int AS y) p
      ), hits AS (
        SELECT s.road_class, s.link, s.name, s.oneway, s.environment,
               s.geom_3857 AS geom, tile.env
        FROM street s, tile
        WHERE s.geom && tile.search AND s.min_zoom <= tile.z
      )
      """.formatted((double) BUFFER / EXTENT);

  private static final String DETAILED_TILE = TILE_ROWS + """
      SELECT ST_AsMVT(f, 'streets', %1$d, 'geom') FROM (
        SELECT road_class AS class, name, NULLIF(link, false) AS link,
               NULLIF(oneway, false) AS oneway, NULLIF(environment, 'road') AS environment,
               ST_AsMVTGeom(geom, env, %1$d, %2$d, true) AS geom
        FROM hits) f
      WHERE f.geom IS NOT NULL""".formatted(EXTENT, BUFFER);

  // Below DETAIL_ZOOM the pieces of one street are merged into lines and simplified to the tile's
  // grid, which keeps low-zoom tiles small; one-way and bridge flags are left to the detailed zooms.
  private static final String GENERALISED_TILE = TILE_ROWS + """
      SELECT ST_AsMVT(f, 'streets', %1$d, 'geom') FROM (
        SELECT road_class AS class, name, NULLIF(link, false) AS link,
               ST_AsMVTGeom(ST_Simplify(ST_LineMerge(ST_Collect(geom)), ?), env, %1$d, %2$d, true)
                   AS geom
        FROM hits GROUP BY road_class, name, link, env) f
      WHERE f.geom IS NOT NULL""".formatted(EXTENT, BUFFER);

  private final DataSource dataSource;

  public StreetRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The import in service, if any street import was ever made. */
  public Optional<StreetImport> current() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(CURRENT);
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      return Optional.of(new StreetImport(rs.getLong("id"), rs.getString("source_file"),
          rs.getLong("source_bytes"), rs.getString("graph_name"), rs.getInt("graph_nodes"),
          rs.getInt("graph_edges"), rs.getInt("street_edges"), rs.getInt("fragments"),
          rs.getInt("fragment_edges"), rs.getDouble("fragment_metres"), rs.getInt("closed_edges"),
          new double[] {rs.getDouble("west"), rs.getDouble("south"), rs.getDouble("east"),
              rs.getDouble("north")},
          rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("imported_at").toInstant()));
    }
  }

  /** The street basemap tile at {@code tile} as a Mapbox Vector Tile; empty when no street is in it. */
  public byte[] tile(TileCoord tile) throws SQLException {
    boolean detailed = tile.z() >= DETAIL_ZOOM;
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(detailed ? DETAILED_TILE : GENERALISED_TILE)) {
      ps.setInt(1, tile.z());
      ps.setInt(2, tile.x());
      ps.setInt(3, tile.y());
      if (!detailed) {
        ps.setDouble(4, tile.widthMetres() / EXTENT);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        byte[] mvt = rs.getBytes(1);
        return mvt == null ? new byte[0] : mvt;
      }
    }
  }

  /**
   * Replaces every street with {@code segments} and records {@code meta} as the import in service,
   * in one transaction: readers see the old network until it commits, and a failure leaves it as
   * it was.
   *
   * @return the import as recorded, with its id, time and bounds
   */
  StreetImport replace(StreetImport meta, Segments segments) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM street")) {
          delete.executeUpdate();
        }
        copy(c, segments);
        StreetImport recorded = insertImport(c, meta);
        c.commit();
        // Fresh statistics now rather than at autovacuum's next round: until then the planner
        // misjudges the new rows, and the first nearest-street queries took seconds.
        try (PreparedStatement analyze = c.prepareStatement("ANALYZE street")) {
          analyze.execute();
        }
        return recorded;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  private static void copy(Connection c, Segments segments) throws SQLException {
    CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("""
        COPY street (edge_id, road_class, link, name, oneway, car, foot, environment, metres,
                     min_zoom, geom) FROM STDIN (FORMAT csv)""");
    try {
      WKBWriter wkb = new WKBWriter(2, true);
      StringBuilder buf = new StringBuilder(1 << 17);
      SQLException[] failed = new SQLException[1];
      segments.forEach(s -> {
        if (failed[0] != null) {
          return;
        }
        buf.append(s.edgeId()).append(',').append(csv(s.roadClass())).append(',')
            .append(s.link()).append(',').append(s.name() == null ? "" : csv(s.name()))
            .append(',').append(s.oneway()).append(',').append(s.car()).append(',')
            .append(s.foot()).append(',').append(csv(s.environment())).append(',')
            .append((float) s.metres()).append(',').append(s.minZoom()).append(',')
            .append(WKBWriter.toHex(wkb.write(s.geometry()))).append('\n');
        if (buf.length() > 1 << 16) {
          failed[0] = flush(copy, buf);
        }
      });
      if (failed[0] == null) {
        failed[0] = flush(copy, buf);
      }
      if (failed[0] != null) {
        throw failed[0];
      }
      copy.endCopy();
    } finally {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    }
  }

  private static SQLException flush(CopyIn copy, StringBuilder buf) {
    byte[] bytes = buf.toString().getBytes(StandardCharsets.UTF_8);
    buf.setLength(0);
    try {
      copy.writeToCopy(bytes, 0, bytes.length);
      return null;
    } catch (SQLException e) {
      return e;
    }
  }

  private static String csv(String value) {
    return '"' + value.replace("\"", "\"\"") + '"';
  }

  private static StreetImport insertImport(Connection c, StreetImport m) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("""
        INSERT INTO street_import (source_file, source_bytes, graph_name, graph_nodes, graph_edges,
            street_edges, fragments, fragment_edges, fragment_metres, closed_edges, started_at,
            west, south, east, north)
        SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
               ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)
        FROM (SELECT ST_Extent(geom) AS e FROM street) extent
        RETURNING id, west, south, east, north, imported_at""")) {
      ps.setString(1, m.sourceFile());
      ps.setLong(2, m.sourceBytes());
      ps.setString(3, m.graphName());
      ps.setInt(4, m.graphNodes());
      ps.setInt(5, m.graphEdges());
      ps.setInt(6, m.streetEdges());
      ps.setInt(7, m.fragments());
      ps.setInt(8, m.fragmentEdges());
      ps.setDouble(9, m.fragmentMetres());
      ps.setInt(10, m.closedEdges());
      ps.setTimestamp(11, java.sql.Timestamp.from(m.startedAt()));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new StreetImport(rs.getLong("id"), m.sourceFile(), m.sourceBytes(), m.graphName(),
            m.graphNodes(), m.graphEdges(), m.streetEdges(), m.fragments(), m.fragmentEdges(),
            m.fragmentMetres(), m.closedEdges(), new double[] {rs.getDouble("west"),
                rs.getDouble("south"), rs.getDouble("east"), rs.getDouble("north")},
            m.startedAt(), rs.getTimestamp("imported_at").toInstant());
      }
    }
  }

  /**
   * The name of the nearest named street within {@code metres} of each point (null where none),
   * for telling officers where a stop is.
   */
  public List<String> nearestNames(List<LonLat> points, double metres) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
        SELECT name FROM street
        WHERE name IS NOT NULL
          AND ST_DWithin(geom::geography, ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography, ?)
        ORDER BY geom <-> ST_SetSRID(ST_MakePoint(?, ?), 4326) LIMIT 1""")) {
      for (LonLat p : points) {
        ps.setDouble(1, p.lon());
        ps.setDouble(2, p.lat());
        ps.setDouble(3, metres);
        ps.setDouble(4, p.lon());
        ps.setDouble(5, p.lat());
        try (ResultSet rs = ps.executeQuery()) {
          out.add(rs.next() ? rs.getString(1) : null);
        }
      }
    }
    return out;
  }
}
