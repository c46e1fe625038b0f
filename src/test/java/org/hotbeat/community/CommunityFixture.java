package org.hotbeat.community;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A small made-up agency 'r' near (0, 0), where 0.01° is about 1.1 km:
 * <pre>
 *   y=0.01 +---------+---------+            +---------+
 *          |  R      |  N      |            |  C      |
 *          |       x*|b        |     f      |         |
 *   y=0    +---------+---------+            +---------+
 *          x=0    0.01      0.02   0.03   0.05      0.06
 * </pre>
 * R is the response beat, N its neighbour, C a control beat far away. Thefts: in R 10 before
 * and 5 after, plus one before on R's east edge (x*, which belongs to R, not the ring); at b, 55 m
 * east of R (inside a 200 m buffer, and inside N) 4 before and 6 after; in C 20 before and 20
 * after; at f, outside everything, 7 before and 7 after. Robberies: 3 in R before. Before is
 * January–March 2017 (90 days), after April–June (2017-04-01 to 2017-06-30, 90 days).
 */
public final class CommunityFixture {
  public static final String BEFORE = "2017-01-01/2017-04-01";
  public static final String AFTER = "2017-04-01/2017-06-30";

  private CommunityFixture() {}

  public static void load(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute("""
          INSERT INTO beat (agency, code, name, geom) VALUES
            ('r', 'R', 'Response', ST_Multi(ST_MakeEnvelope(0, 0, 0.01, 0.01, 4326))),
            ('r', 'N', 'Neighbour', ST_Multi(ST_MakeEnvelope(0.01, 0, 0.02, 0.01, 4326))),
            ('r', 'C', 'Control', ST_Multi(ST_MakeEnvelope(0.05, 0, 0.06, 0.01, 4326)))""");
      incidents(s, "rb", 10, "theft", 0.005, 0.005, "2017-02-10");
      incidents(s, "edge", 1, "theft", 0.01, 0.005, "2017-02-11");
      incidents(s, "ra", 5, "theft", 0.004, 0.006, "2017-05-10");
      incidents(s, "rr", 3, "robbery", 0.005, 0.004, "2017-01-20");
      incidents(s, "bb", 4, "theft", 0.0105, 0.005, "2017-03-15");
      incidents(s, "ba", 6, "theft", 0.0105, 0.005, "2017-06-15");
      incidents(s, "cb", 20, "theft", 0.055, 0.005, "2017-01-05");
      incidents(s, "ca", 20, "theft", 0.055, 0.005, "2017-04-05");
      incidents(s, "fb", 7, "theft", 0.03, 0.005, "2017-02-01");
      incidents(s, "fa", 7, "theft", 0.03, 0.005, "2017-05-01");
    }
  }

  private static void incidents(Statement s, String prefix, int n, String category, double lon,
      double lat, String day) throws SQLException {
    s.execute("INSERT INTO incident (agency, source_id, occurred_at, category, geom) "
        + "SELECT 'r', '" + prefix + "' || g, '" + day + "T12:00:00Z'::timestamptz, '" + category
        + "', ST_SetSRID(ST_MakePoint(" + lon + ", " + lat + "), 4326) "
        + "FROM generate_series(1, " + n + ") g");
  }
}
