package org.hotbeat.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.hotbeat.geo.TileCoord;

/**
 * What the map draws from incidents, cut in PostGIS: vector tiles of points (clustered at low
 * zoom), counts around a point, and hexagon counts for the public. Every filter is a bound
 * parameter of an {@link IncidentQuery}. Thread-safe.
 */
public final class IncidentAggregates {
  /** From this zoom up, tiles carry one feature per incident; below it, clusters with counts. */
  public static final int POINT_ZOOM = 15;
  /** Most features in one tile; a tile over it is cut short (and says so in a tile property). */
  public static final int MAX_TILE_FEATURES = 20_000;
  static final int EXTENT = 4096;
  /** Clusters snap to cells of this many tile units (4096 / 64 = 64 cells across a tile). */
  static final int CLUSTER_UNITS = 64;

  /** One hexagon: its outline (GeoJSON, WGS84) and the number of incidents inside. */
  public record Hexagon(String geoJson, long count) {}

  /** The counts within {@code radiusMetres} of a point: by category, and all together. */
  public record Near(long total, List<IncidentRepository.Count> byCategory) {}

  private final DataSource dataSource;

  public IncidentAggregates(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Mapbox Vector Tile of the incidents of {@code q} (bbox, cursor and limit ignored) in
   * {@code tile}, layer {@code incidents}: below {@link #POINT_ZOOM} one point per occupied
   * cluster cell at the mean position of its incidents with {@code count}; from it, one point per
   * incident with {@code id}, {@code category}, {@code offense}, {@code occurred_at} (ISO-8601) and
   * {@code precision}. Empty array when nothing is in the tile.
   */
  public byte[] tile(IncidentQuery q, TileCoord tile) throws SQLException {
    IncidentFilter f = new IncidentFilter(q.withoutPaging());
    String inTile = " AND i.geom && ST_Transform(ST_TileEnvelope(?, ?, ?), 4326)";
    String sql = tile.z() >= POINT_ZOOM ? """
        SELECT ST_AsMVT(t, 'incidents', 4096, 'geom') FROM (
          SELECT ST_AsMVTGeom(ST_Transform(i.geom, 3857), ST_TileEnvelope(?, ?, ?), 4096, 16,
                   true) AS geom,
                 i.agency || ':' || i.id AS id, i.category, i.offense,
                 to_char(i.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
                   AS occurred_at,
                 i.location_precision AS precision, 1 AS count
          FROM incident i""" + f.where() + inTile + " LIMIT ?) t" : """
        SELECT ST_AsMVT(t, 'incidents', 4096, 'geom') FROM (
          SELECT ST_AsMVTGeom(ST_Centroid(ST_Collect(p)), ST_TileEnvelope(?, ?, ?), 4096, 16,
                   true) AS geom, count(*) AS count
          FROM (SELECT ST_Transform(i.geom, 3857) AS p FROM incident i""" + f.where() + inTile
        + " LIMIT ?) x GROUP BY ST_SnapToGrid(p, ?)) t";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      int n = bindTile(ps, 1, tile);
      n = f.bind(c, ps, n);
      n = bindTile(ps, n, tile);
      // Clusters count every incident in the tile (up to a generous cap); points stop at the cap.
      ps.setInt(n++, tile.z() >= POINT_ZOOM ? MAX_TILE_FEATURES : 50 * MAX_TILE_FEATURES);
      if (tile.z() < POINT_ZOOM) {
        ps.setDouble(n, tile.widthMetres() / EXTENT * CLUSTER_UNITS);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        byte[] mvt = rs.getBytes(1);
        return mvt == null ? new byte[0] : mvt;
      }
    }
  }

  private static int bindTile(PreparedStatement ps, int first, TileCoord t) throws SQLException {
    ps.setInt(first, t.z());
    ps.setInt(first + 1, t.x());
    ps.setInt(first + 2, t.y());
    return first + 3;
  }

  /** Incidents of {@code q} within {@code radiusMetres} (true metres) of lon/lat, by category. */
  public Near near(IncidentQuery q, double lon, double lat, double radiusMetres)
      throws SQLException {
    IncidentFilter f = new IncidentFilter(q.withoutPaging());
    // The bbox test lets the GiST index narrow the search before the exact distance on geography.
    String sql = "SELECT coalesce(i.category, 'unknown'), count(*) FROM incident i" + f.where()
        + " AND i.geom && ST_Expand(ST_SetSRID(ST_MakePoint(?, ?), 4326), ?)"
        + " AND ST_DWithin(i.geom::geography, ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography, ?)"
        + " GROUP BY 1 ORDER BY 2 DESC, 1";
    // Degrees of latitude per metre, widened for longitude at this latitude (and a margin).
    double degrees = radiusMetres / 111_000.0 / Math.max(0.05, Math.cos(Math.toRadians(lat))) * 1.1;
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      int n = f.bind(c, ps, 1);
      ps.setDouble(n++, lon);
      ps.setDouble(n++, lat);
      ps.setDouble(n++, degrees);
      ps.setDouble(n++, lon);
      ps.setDouble(n++, lat);
      ps.setDouble(n, radiusMetres);
      List<IncidentRepository.Count> counts = new ArrayList<>();
      long total = 0;
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          counts.add(new IncidentRepository.Count(rs.getString(1), rs.getLong(2)));
          total += rs.getLong(2);
        }
      }
      return new Near(total, counts);
    }
  }

  /**
   * The side, in Web Mercator metres, of a public cell of {@code ?} true metres: fixed per agency
   * (the query's {@code ?} agency, or all), at the mean latitude of its beats' centroids rounded
   * to a whole degree, or of the points {@code pts (lat)} when there are no beats. So public
   * grids do not move with a filter (docs/privacy.md). Parameters: metres, agency, agency.
   */
  private static final String PUBLIC_SIDE = """
      SELECT ? / cos(radians(round(coalesce(
               (SELECT avg(ST_Y(ST_Centroid(b.geom))) FROM beat b
                WHERE ?::text IS NULL OR b.agency = ?),
               (SELECT avg(lat) FROM pts))::numeric))) AS s""";

  /** Kept cells of {@link #publicCells}: centres in Web Mercator metres, and counts. */
  public record Cells(double[] xs, double[] ys, double[] counts) {
    public int size() {
      return xs.length;
    }
  }

  /**
   * Incidents of {@code q} counted in square cells of {@code cellMetres} (true metres at the
   * agency's fixed reference latitude) on one Web Mercator lattice from the origin, only cells
   * of at least {@code minCount}: what a public heat surface is smoothed from.
   */
  public Cells publicCells(IncidentQuery q, double cellMetres, int minCount) throws SQLException {
    IncidentFilter f = new IncidentFilter(q.withoutPaging());
    String sql = """
        WITH pts AS MATERIALIZED (
          SELECT ST_Transform(i.geom, 3857) AS g, ST_Y(i.geom) AS lat FROM incident i"""
        + f.where() + "),\n grid AS (" + PUBLIC_SIDE + ")\n" + """
        SELECT (floor(ST_X(g) / s) + 0.5) * s, (floor(ST_Y(g) / s) + 0.5) * s, count(*)
        FROM pts CROSS JOIN grid GROUP BY 1, 2 HAVING count(*) >= ? ORDER BY 1, 2""";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      int n = f.bind(c, ps, 1);
      n = bindSide(ps, n, cellMetres, q.agency());
      ps.setInt(n, minCount);
      List<double[]> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(new double[] {rs.getDouble(1), rs.getDouble(2), rs.getLong(3)});
        }
      }
      double[][] cols = new double[3][rows.size()];
      for (int i = 0; i < rows.size(); i++) {
        for (int k = 0; k < 3; k++) {
          cols[k][i] = rows.get(i)[k];
        }
      }
      return new Cells(cols[0], cols[1], cols[2]);
    }
  }

  private static int bindSide(PreparedStatement ps, int first, double metres, String agency)
      throws SQLException {
    ps.setDouble(first, metres);
    ps.setString(first + 1, agency);
    ps.setString(first + 2, agency);
    return first + 3;
  }

  /**
   * Incidents of {@code q} counted in a grid of flat-topped hexagons of {@code sizeMetres} edge
   * (true metres at the agency's fixed reference latitude, as {@link #publicCells}), laid out in
   * Web Mercator from its origin as PostGIS's {@code ST_Hexagon} lays them; only hexagons with
   * at least one incident. The grid does not depend on the filter: periods compare cell by cell.
   *
   * <p>Each point goes to the hexagon with the nearest centre (a hexagon grid is the Voronoi
   * diagram of its centres), found by arithmetic: of the two columns around the point, the nearest
   * row in each, then the nearer of the two. One pass over the points and no spatial join, so the
   * cost grows with the incidents, not with incidents × hexagons.
   */
  public List<Hexagon> hexagons(IncidentQuery q, double sizeMetres) throws SQLException {
    IncidentFilter f = new IncidentFilter(q.withoutPaging());
    // Columns are 1.5 s apart; odd columns are shifted up by half a row (h = s·√3).
    String sql = """
        WITH pts AS MATERIALIZED (
          SELECT ST_X(g) AS x, ST_Y(g) AS y, lat FROM (
            SELECT ST_Transform(i.geom, 3857) AS g, ST_Y(i.geom) AS lat FROM incident i"""
        + f.where() + """
        ) q),
        grid AS ("""
        + PUBLIC_SIDE + """
        ),
        cols AS (
          SELECT x, y, s, s * sqrt(3) AS h, floor(x / (1.5 * s))::int AS i0
          FROM pts CROSS JOIN grid),
        rows AS (
          SELECT x, y, s, h, i0, i0 + 1 AS i1,
                 round((y - CASE WHEN i0 % 2 <> 0 THEN h / 2 ELSE 0 END) / h)::int AS j0,
                 round((y - CASE WHEN (i0 + 1) % 2 <> 0 THEN h / 2 ELSE 0 END) / h)::int AS j1
          FROM cols),
        cells AS (
          SELECT s,
                 CASE WHEN d0 <= d1 THEN i0 ELSE i1 END AS i,
                 CASE WHEN d0 <= d1 THEN j0 ELSE j1 END AS j
          FROM (SELECT s, i0, i1, j0, j1,
                  (x - 1.5 * s * i0) ^ 2
                    + (y - h * j0 - CASE WHEN i0 % 2 <> 0 THEN h / 2 ELSE 0 END) ^ 2 AS d0,
                  (x - 1.5 * s * i1) ^ 2
                    + (y - h * j1 - CASE WHEN i1 % 2 <> 0 THEN h / 2 ELSE 0 END) ^ 2 AS d1
                FROM rows) d)
        SELECT ST_AsGeoJSON(ST_Transform(ST_SetSRID(ST_Hexagon(s, i, j), 3857), 4326), 6),
               count(*)
        FROM cells GROUP BY s, i, j ORDER BY i, j""";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      int n = f.bind(c, ps, 1);
      bindSide(ps, n, sizeMetres, q.agency());
      List<Hexagon> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Hexagon(rs.getString(1), rs.getLong(2)));
        }
      }
      return out;
    }
  }

  /**
   * Who published each agency's incidents, and the span of their dates: as instants, and as the
   * first and last months ({@code YYYY-MM}) on the agency's own clock ({@code timeZone}, IANA).
   */
  public record Source(String agency, String attribution, String timeZone,
      java.time.Instant first, java.time.Instant last, String firstMonth, String lastMonth,
      long incidents) {}

  /** One row per agency with incidents, by agency code. */
  public List<Source> sources() throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
        SELECT i.agency, a.attribution, coalesce(a.time_zone, 'UTC'),
               min(i.occurred_at), max(i.occurred_at),
               to_char(min(i.occurred_at) AT TIME ZONE coalesce(a.time_zone, 'UTC'), 'YYYY-MM'),
               to_char(max(i.occurred_at) AT TIME ZONE coalesce(a.time_zone, 'UTC'), 'YYYY-MM'),
               count(*)
        FROM incident i LEFT JOIN agency a ON a.code = i.agency
        GROUP BY i.agency, a.attribution, a.time_zone ORDER BY i.agency""");
        ResultSet rs = ps.executeQuery()) {
      List<Source> out = new ArrayList<>();
      while (rs.next()) {
        out.add(new Source(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), rs.getString(6),
            rs.getString(7), rs.getLong(8)));
      }
      return out;
    }
  }
}
