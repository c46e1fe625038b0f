package org.hotbeat.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import org.hotbeat.testing.PostgisExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class IngestServiceTest {
  @RegisterExtension static final PostgisExtension db = new PostgisExtension();
  private final IngestService ingest = new IngestService(db.dataSource(), Clock.systemUTC());

  private ImportReport csv(String agency, String text) throws Exception {
    try (RecordReader r = InputFormat.CSV.open(new ByteArrayInputStream(
        text.getBytes(StandardCharsets.UTF_8)))) {
      return ingest.ingest(r, Mappings.load("generic"), agency, null,
          new IngestService.Source("test", "tester"), new IngestService.Listener() { });
    }
  }

  private String scalar(String sql) throws Exception {
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void resendingRecordsUpdatesThemAndNeverDuplicates() throws Exception {
    String v1 = """
        id,occurred_at,lon,lat,offense,category
        a,2017-06-01T10:00:00-05:00,-87.63,41.88,0820,theft
        b,2017-06-02T10:00:00-05:00,-87.62,41.87,0610,burglary
        """;
    ImportReport first = csv("resend", v1);
    assertEquals(2, first.inserted());
    ImportReport same = csv("resend", v1);
    assertEquals(0, same.inserted());
    assertEquals(2, same.unchanged());
    ImportReport corrected = csv("resend", v1.replace("0610,burglary", "0320,robbery"));
    assertEquals(1, corrected.updated());
    assertEquals(1, corrected.unchanged());
    assertEquals("2", scalar("SELECT count(*) FROM incident WHERE agency = 'resend'"));
    assertEquals("robbery", scalar("SELECT category FROM incident WHERE source_id = 'b'"));
  }

  @Test
  void badRowsAreReportedByNumberAndGoodRowsKept() throws Exception {
    ImportReport r = csv("mixed", """
        id,occurred_at,lon,lat,offense
        1,2017-06-01T10:00:00-05:00,-87.63,41.88,0820
        2,2017-06-01T10:00:00-05:00,,,0820
        3,not a date,-87.63,41.88,0820
        4,2017-06-01T10:00:00-05:00,-87.63,41.88
        5,2017-06-01T10:00:00-05:00,-87.64,41.89,0820
        """);
    assertEquals(5, r.rows());
    assertEquals(2, r.inserted());
    assertEquals(3, r.rejected());
    assertEquals(java.util.List.of(2L, 3L, 4L),
        r.issues().stream().map(ImportReport.RowIssue::row).toList());
    assertTrue(r.issues().get(2).reason().contains("has 4 fields"), r.issues().toString());
  }

  @Test
  void aRepeatedIdInOneInputKeepsTheLastRowAndReportsTheOthers() throws Exception {
    ImportReport r = csv("dups", """
        id,occurred_at,lon,lat,offense
        x,2017-06-01T10:00:00-05:00,-87.63,41.88,FIRST
        y,2017-06-01T10:00:00-05:00,-87.63,41.88,ONLY
        x,2017-06-01T10:00:00-05:00,-87.63,41.88,LAST
        """);
    assertEquals(2, r.inserted());
    assertEquals(1, r.duplicates());
    assertEquals(new ImportReport.RowIssue(1,
        "duplicate id x: another row with this id wins (the last one)"), r.issues().get(0));
    assertEquals("LAST", scalar("SELECT offense FROM incident WHERE agency = 'dups' "
        + "AND source_id = 'x'"));
  }

  @Test
  void repeatsFarApartInALongInputAreCaughtToo() throws Exception {
    // More rows than one writer batch, so the repeats land in different batches.
    StringBuilder in = new StringBuilder("id,occurred_at,lon,lat,offense\n");
    int n = 45_000;
    for (int i = 1; i <= n; i++) {
      in.append("r").append(i).append(",2017-06-01T10:00:00Z,-87.63,41.88,A\n");
    }
    in.append("r1,2017-06-01T10:00:00Z,-87.63,41.88,LATE\n");     // repeats row 1
    in.append("r44999,2017-06-01T10:00:00Z,-87.63,41.88,B\n");  // repeats row 44999
    ImportReport r = csv("far", in.toString());
    assertEquals(n + 2, r.rows());
    assertEquals(n, r.inserted());
    assertEquals(2, r.duplicates());
    assertEquals(0, r.updated() + r.unchanged());
    assertEquals(java.util.List.of(1L, 44_999L),
        r.issues().stream().map(ImportReport.RowIssue::row).toList());
    assertEquals("LATE", scalar("SELECT offense FROM incident WHERE agency = 'far' "
        + "AND source_id = 'r1'"));
  }

  @Test
  void sqlMetacharactersAreStoredVerbatim() throws Exception {
    String evil = "'; DROP TABLE incident; --\\\\t";
    csv("evil", "id,occurred_at,lon,lat,offense\n\"" + evil + "\",2017-06-01T10:00:00Z,"
        + "-87.63,41.88,\"" + evil + "\"\n");
    assertEquals(evil, scalar("SELECT source_id FROM incident WHERE agency = 'evil'"));
    assertEquals(evil, scalar("SELECT offense FROM incident WHERE agency = 'evil'"));
  }

  @Test
  void aBrokenInputStoresNothing() throws Exception {
    byte[] good = ("id,occurred_at,lon,lat,offense\n"
        + "1,2017-06-01T10:00:00Z,-87.63,41.88,0820\n".repeat(20_000)).getBytes(StandardCharsets.UTF_8);
    InputStream failing = new InputStream() {
      private final ByteArrayInputStream in = new ByteArrayInputStream(good);

      @Override
      public int read() throws IOException {
        int b = in.read();
        if (b < 0) {
          throw new IOException("connection reset");
        }
        return b;
      }
    };
    try (RecordReader r = InputFormat.CSV.open(failing)) {
      assertThrows(IOException.class, () -> ingest.ingest(r, Mappings.load("generic"), "broken",
          null, new IngestService.Source("test", "tester"), new IngestService.Listener() { }));
    }
    assertEquals("0", scalar("SELECT count(*) FROM incident WHERE agency = 'broken'"));
    assertEquals("0", scalar("SELECT count(*) FROM ingest_run WHERE agency = 'broken'"));
  }

  @Test
  void geoJsonFeaturesAndNdjsonLoadThroughTheGenericMapping() throws Exception {
    String geojson = """
        {"type": "FeatureCollection", "name": "x", "features": [
          {"type": "Feature", "id": "g1", "geometry": {"type": "Point", "coordinates": [-87.63, 41.88]},
           "properties": {"occurred_at": "2017-06-01T10:00:00Z", "offense": "0820"}},
          {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[0, 0], [1, 1]]},
           "properties": {"id": "g2", "occurred_at": "2017-06-01T10:00:00Z"}}]}""";
    try (RecordReader r = InputFormat.JSON.open(new ByteArrayInputStream(
        geojson.getBytes(StandardCharsets.UTF_8)))) {
      ImportReport rep = ingest.ingest(r, Mappings.load("generic"), "geo", null,
          new IngestService.Source("test", "tester"), new IngestService.Listener() { });
      assertEquals(1, rep.inserted());
      assertTrue(rep.issues().get(0).reason().contains("LineString"), rep.issues().toString());
    }
    String ndjson = """
        {"id": "n1", "occurred_at": "2017-06-01T10:00:00Z", "lon": -87.63, "lat": 41.88}
        {"id": "n2", "occurred_at": "2017-06-01T10:00:00Z", "lon": "x", "lat": 41.88}
        """;
    try (RecordReader r = InputFormat.NDJSON.open(new ByteArrayInputStream(
        ndjson.getBytes(StandardCharsets.UTF_8)))) {
      ImportReport rep = ingest.ingest(r, Mappings.load("generic"), "nd", null,
          new IngestService.Source("test", "tester"), new IngestService.Listener() { });
      assertEquals(1, rep.inserted());
      assertEquals(1, rep.rejected());
    }
  }

  @Test
  void anImportWithOneBadRowOfEachKindStoresEveryGoodRowAndListsEveryBadOne() throws Exception {
    // Before these rows were checked, a NUL, the year -99999 or a 9,000-character offence code
    // failed the database's statement and the whole import with it.
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO beat (agency, code, geom) VALUES ('each', '0111', "
          + "ST_Multi(ST_MakeEnvelope(-87.64, 41.87, -87.62, 41.89, 4326)))");
    }
    ImportReport r;
    try (RecordReader reader = InputFormat.CSV.open(
        IngestServiceTest.class.getResourceAsStream("/ingest/bad-values.csv"))) {
      r = ingest.ingest(reader, Mappings.load("generic"), "each", null,
          new IngestService.Source("test", "tester"), new IngestService.Listener() { });
    }
    java.util.Map<Long, String> why = new java.util.TreeMap<>();
    r.issues().forEach(i -> why.put(i.row(), i.reason()));
    assertEquals(java.util.Map.ofEntries(
        java.util.Map.entry(2L, "column 'offense' contains a NUL byte (\\u0000), which "
            + "PostgreSQL text cannot hold"),
        java.util.Map.entry(3L, "column 'id' contains a NUL byte (\\u0000), which PostgreSQL "
            + "text cannot hold"),
        java.util.Map.entry(4L, "date +294277-01-01T00:00:00Z is in the future"),
        java.util.Map.entry(5L, "date -99999-01-01T00:00:00Z is before 1900"),
        java.util.Map.entry(6L, "date 1899-12-31T23:59:59Z is before 1900"),
        java.util.Map.entry(8L, "offence code longer than 200 characters"),
        java.util.Map.entry(9L, "id longer than 200 characters"),
        java.util.Map.entry(10L, "placeholder point (0, 0)"),
        java.util.Map.entry(11L, "latitude 95.0 is out of range: latitude and longitude look "
            + "swapped"),
        java.util.Map.entry(12L, "point (41.88, -87.63) is 14828 km outside the agency's beats "
            + "(more than 50 km): latitude and longitude look swapped"),
        java.util.Map.entry(13L, "point (2.3522, 48.8566) is 6649 km outside the agency's beats "
            + "(more than 50 km)")), why);
    assertEquals(14, r.rows());
    assertEquals(3, r.inserted());
    assertEquals(11, r.rejected());
    assertEquals("good1,good2,good3", scalar("SELECT string_agg(source_id, ',' ORDER BY "
        + "source_id) FROM incident WHERE agency = 'each'"));
  }
}
