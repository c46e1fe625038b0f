package org.hotbeat.tiles;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.hotbeat.geo.TileCoord;
import org.hotbeat.geo.WebMercator;

/**
 * Gi* cells as Mapbox Vector Tiles (layer {@code gistar}), encoded by PostGIS's
 * {@code ST_AsMVT}/{@code ST_AsMVTGeom} as the street basemap is. The cells come from an analysis
 * of the whole filter (Gi* of a cell depends on every other), so only the encoding is per tile:
 * the cells touching the tile go to the database as WKT with their properties. Thread-safe.
 */
public final class GiStarTiles {
  static final int EXTENT = 4096;
  static final int BUFFER = 64;

  /**
   * One cell to draw: its outline (closed lon/lat ring) and properties. Count and z are null for
   * the public, and then left out of the whole tile.
   */
  public record Cell(double[][] ring, String label, int giBin, Long count, Double z) {}

  // Two column lists: ST_AsMVT writes a key for every column, even one that is always null.
  private static final String SQL = """
      SELECT ST_AsMVT(f, 'gistar', %1$d, 'geom') FROM (
        SELECT c.label AS class, c.gi_bin AS "giBin", %3$s
               ST_AsMVTGeom(ST_Transform(ST_GeomFromText(c.wkt, 4326), 3857),
                            ST_TileEnvelope(?, ?, ?), %1$d, %2$d, true) AS geom
        FROM unnest(?::text[], ?::text[], ?::int[], ?::bigint[], ?::float8[])
             AS c(wkt, label, gi_bin, count, z)) f
      WHERE f.geom IS NOT NULL""";
  private static final String FULL = SQL.formatted(EXTENT, BUFFER, "c.count, c.z,");
  private static final String CLASSES = SQL.formatted(EXTENT, BUFFER, "");

  private final DataSource dataSource;

  public GiStarTiles(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The tile's MVT bytes; empty when no cell touches it. */
  public byte[] tile(TileCoord t, List<Cell> cells) throws SQLException {
    long n = 1L << t.z();
    double size = WebMercator.WORLD / n;
    double west = WebMercator.lon(-WebMercator.WORLD / 2 + t.x() * size);
    double east = WebMercator.lon(-WebMercator.WORLD / 2 + (t.x() + 1) * size);
    double north = WebMercator.lat(WebMercator.WORLD / 2 - t.y() * size);
    double south = WebMercator.lat(WebMercator.WORLD / 2 - (t.y() + 1) * size);
    double mx = (east - west) * BUFFER / EXTENT;
    double my = (north - south) * BUFFER / EXTENT;
    List<Cell> hits = new ArrayList<>();
    for (Cell c : cells) {
      double[] b = bounds(c.ring());
      if (b[2] >= west - mx && b[0] <= east + mx && b[3] >= south - my && b[1] <= north + my) {
        hits.add(c);
      }
    }
    if (hits.isEmpty()) {
      return new byte[0];
    }
    String[] wkt = new String[hits.size()];
    String[] label = new String[hits.size()];
    Integer[] bin = new Integer[hits.size()];
    Long[] count = new Long[hits.size()];
    Double[] z = new Double[hits.size()];
    for (int i = 0; i < wkt.length; i++) {
      Cell c = hits.get(i);
      StringBuilder s = new StringBuilder("POLYGON((");
      for (int k = 0; k < c.ring().length; k++) {
        s.append(k == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.8f %.8f",
            c.ring()[k][0], c.ring()[k][1]));
      }
      wkt[i] = s.append("))").toString();
      label[i] = c.label();
      bin[i] = c.giBin();
      count[i] = c.count();
      z[i] = c.z();
    }
    try (Connection con = dataSource.getConnection();
        PreparedStatement ps = con.prepareStatement(hits.get(0).count() == null ? CLASSES
            : FULL)) {
      ps.setInt(1, t.z());
      ps.setInt(2, t.x());
      ps.setInt(3, t.y());
      Array[] arrays = {con.createArrayOf("text", wkt), con.createArrayOf("text", label),
          con.createArrayOf("int4", bin), con.createArrayOf("int8", count),
          con.createArrayOf("float8", z)};
      for (int k = 0; k < arrays.length; k++) {
        ps.setArray(4 + k, arrays[k]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        byte[] out = rs.next() ? rs.getBytes(1) : null;
        return out == null ? new byte[0] : out;
      }
    }
  }

  private static double[] bounds(double[][] ring) {
    double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    for (double[] p : ring) {
      b[0] = Math.min(b[0], p[0]);
      b[1] = Math.min(b[1], p[1]);
      b[2] = Math.max(b[2], p[0]);
      b[3] = Math.max(b[3], p[1]);
    }
    return b;
  }
}
