package org.hotbeat.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import org.hotbeat.demo.DemoLoader;
import org.hotbeat.testing.PostgisExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hexagon counts on the Chicago Loop demo, checked against PostGIS's own geometry. */
class IncidentAggregatesTest {
  @RegisterExtension static final PostgisExtension db = new PostgisExtension();
  private static IncidentAggregates aggregates;

  @BeforeAll
  static void load() throws Exception {
    DemoLoader.load(db.dataSource(),
        DemoLoader.DataSet.chicagoLoop(Path.of("data/demo/chicago-loop")), null);
    aggregates = new IncidentAggregates(db.dataSource());
  }

  private static IncidentQuery year2017() {
    return new IncidentQuery(null, null, Instant.parse("2017-01-01T00:00:00Z"),
        Instant.parse("2018-01-01T00:00:00Z"), null, null, null, null, null, null, 1);
  }

  @ParameterizedTest
  @ValueSource(doubles = {100, 250, 600})
  void eachIncidentIsCountedOnceInTheHexagonThatCoversIt(double size) throws Exception {
    List<IncidentAggregates.Hexagon> hexagons = aggregates.hexagons(year2017(), size);
    long total = 0;
    long covered = 0;
    try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
        "SELECT count(*) FROM incident WHERE occurred_at >= '2017-01-01Z' "
            + "AND occurred_at < '2018-01-01Z' AND ST_Covers(ST_Transform(ST_GeomFromGeoJSON(?), "
            + "3857), ST_Transform(geom, 3857))")) {
      for (IncidentAggregates.Hexagon h : hexagons) {
        ps.setString(1, h.geoJson());
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          covered += Math.min(rs.getLong(1), h.count());
        }
        total += h.count();
      }
    }
    try (Connection c = db.dataSource().getConnection(); ResultSet rs = c.createStatement()
        .executeQuery("SELECT count(*) FROM incident WHERE occurred_at >= '2017-01-01Z' "
            + "AND occurred_at < '2018-01-01Z'")) {
      rs.next();
      assertEquals(rs.getLong(1), total, "every incident in exactly one hexagon");
    }
    // The outlines come back rounded to 6 decimals (about 0.1 m): points on an edge may fall
    // either side, nothing more.
    assertTrue(covered >= 0.995 * total, covered + " of " + total + " inside their hexagon");
  }

  @Test
  void aHexagonIsAsWideAsAskedOnTheGround() throws Exception {
    IncidentAggregates.Hexagon h = aggregates.hexagons(year2017(), 250).get(0);
    try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
        "SELECT sqrt(ST_Area(ST_GeomFromGeoJSON(?)::geography) / (3 * sqrt(3) / 2))")) {
      ps.setString(1, h.geoJson());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertEquals(250, rs.getDouble(1), 5, "edge from the area of a regular hexagon");
      }
    }
  }
}
