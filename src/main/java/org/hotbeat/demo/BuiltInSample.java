package org.hotbeat.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import javax.sql.DataSource;

/**
 * A tiny, deterministic, made-up sample around Chicago's Loop so that a fresh {@code hotbeat demo}
 * has something to show before the real demo excerpt is loaded: three planted clusters over a
 * uniform background, and two rectangular sample beats. Agency {@value #AGENCY}; loading twice
 * changes nothing.
 */
public final class BuiltInSample {
  public static final String AGENCY = "sample";
  public static final int INCIDENTS = 900;

  /** Planted cluster centres (lon, lat) and their spread in degrees. */
  private static final double[][] CLUSTERS = {
      {-87.6278, 41.8819, 0.0012}, {-87.6243, 41.8757, 0.0009}, {-87.6358, 41.8786, 0.0015}};
  private static final double WEST = -87.6430, SOUTH = 41.8690, EAST = -87.6160, NORTH = 41.8900;
  private static final String[] CATEGORIES =
      {"theft", "battery", "deceptive practice", "criminal damage", "robbery", "burglary"};
  private static final Instant START = Instant.parse("2017-01-01T06:00:00Z");

  public record Loaded(int incidents, int beats) {}

  private BuiltInSample() {}

  public static Loaded load(DataSource dataSource) throws SQLException {
    SplittableRandom random = new SplittableRandom(20170101);
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      int incidents = 0;
      try (PreparedStatement ps = c.prepareStatement("""
          INSERT INTO incident (agency, source_id, occurred_at, offense, category, geom,
                                location_precision)
          VALUES (?, ?, ?, ?, ?, ST_SetSRID(ST_MakePoint(?, ?), 4326), 'block')
          ON CONFLICT (agency, source_id) DO NOTHING""")) {
        for (int i = 0; i < INCIDENTS; i++) {
          double lon;
          double lat;
          if (i % 3 == 0) {
            lon = WEST + random.nextDouble() * (EAST - WEST);
            lat = SOUTH + random.nextDouble() * (NORTH - SOUTH);
          } else {
            double[] cl = CLUSTERS[random.nextInt(CLUSTERS.length)];
            lon = cl[0] + gaussian(random) * cl[2] * 1.34; // degrees of longitude are shorter here
            lat = cl[1] + gaussian(random) * cl[2];
          }
          String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
          Instant at = START.plus(Duration.ofMinutes(random.nextLong(365L * 24 * 60)));
          ps.setString(1, AGENCY);
          ps.setString(2, String.format("S%06d", i + 1));
          ps.setTimestamp(3, Timestamp.from(at));
          ps.setString(4, category.toUpperCase(java.util.Locale.ROOT));
          ps.setString(5, category);
          ps.setDouble(6, lon);
          ps.setDouble(7, lat);
          ps.addBatch();
        }
        for (int n : ps.executeBatch()) {
          incidents += n;
        }
      }
      int beats = 0;
      try (PreparedStatement ps = c.prepareStatement("""
          INSERT INTO beat (agency, code, name, district, geom)
          VALUES (?, ?, ?, '001', ST_Multi(ST_MakeEnvelope(?, ?, ?, ?, 4326)))
          ON CONFLICT (agency, code) DO NOTHING""")) {
        double midLon = (WEST + EAST) / 2;
        double[][] boxes = {{WEST, SOUTH, midLon, NORTH}, {midLon, SOUTH, EAST, NORTH}};
        for (int b = 0; b < boxes.length; b++) {
          ps.setString(1, AGENCY);
          ps.setString(2, "S0" + (b + 1));
          ps.setString(3, "Sample beat " + (b + 1));
          for (int k = 0; k < 4; k++) {
            ps.setDouble(4 + k, boxes[b][k]);
          }
          beats += ps.executeUpdate();
        }
      }
      c.commit();
      return new Loaded(incidents, beats);
    }
  }

  private static double gaussian(SplittableRandom r) {
    // Box–Muller; SplittableRandom has no nextGaussian on Java 17.
    double u = 1 - r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
  }
}
