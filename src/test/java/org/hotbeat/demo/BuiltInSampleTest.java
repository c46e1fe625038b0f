package org.hotbeat.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.hotbeat.testing.PostgisExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BuiltInSampleTest {
  @RegisterExtension static final PostgisExtension db = new PostgisExtension();

  @Test
  void loadingTwiceAddsNothingTheSecondTime() throws Exception {
    BuiltInSample.load(db.dataSource());
    assertEquals(new BuiltInSample.Loaded(0, 0), BuiltInSample.load(db.dataSource()));
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT source_id) FROM incident")) {
      rs.next();
      assertEquals(BuiltInSample.INCIDENTS, rs.getInt(1));
      assertEquals(BuiltInSample.INCIDENTS, rs.getInt(2));
    }
  }

  @Test
  void everyIncidentLiesInsideASampleBeat() throws Exception {
    BuiltInSample.load(db.dataSource());
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("""
            SELECT count(*) FILTER (WHERE NOT EXISTS (
                     SELECT 1 FROM beat b WHERE b.agency = i.agency
                     AND ST_Covers(b.geom, i.geom))),
                   count(*)
            FROM incident i WHERE agency = 'sample'""")) {
      rs.next();
      assertEquals(0, rs.getInt(1), "incidents outside every beat");
      assertEquals(BuiltInSample.INCIDENTS, rs.getInt(2));
    }
  }
}
