package org.hotbeat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.hotbeat.testing.GzipBomb;
import org.hotbeat.testing.PostgisExtension;
import org.hotbeat.testing.TestDirs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code hotbeat import incidents} on files with bad values and on bombs. */
class ImportIncidentsCommandTest {
  @RegisterExtension static final PostgisExtension db = new PostgisExtension();
  private static Map<String, String> env;
  private static Path dir;

  @BeforeAll
  static void setUp() throws Exception {
    env = Map.of("HOTBEAT_DB_URL", db.jdbcUrl(), "HOTBEAT_DB_PASSWORD", db.password());
    dir = TestDirs.fresh("import-incidents-command");
    execute("INSERT INTO beat (agency, code, geom) VALUES ('cli-each', '0111', "
        + "ST_Multi(ST_MakeEnvelope(-87.64, 41.87, -87.62, 41.89, 4326)))");
  }

  private static void execute(String sql) throws Exception {
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static long count(String agency) throws Exception {
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM incident WHERE agency = '" + agency
            + "'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void aFileWithOneBadRowOfEachKindStoresEveryGoodRowAndListsEveryBadOne() throws Exception {
    Path file = dir.resolve("bad-values.csv");
    try (var in = getClass().getResourceAsStream("/ingest/bad-values.csv")) {
      Files.copy(in, file);
    }
    HotbeatCommandTest.Run r = HotbeatCommandTest.run(env, "import", "incidents",
        file.toString(), "--mapping", "generic", "--agency", "cli-each");
    assertEquals(0, r.code(), r.err());
    assertEquals(3, count("cli-each"));
    List<String> rejects = Files.readAllLines(dir.resolve("bad-values.csv.rejects.csv"));
    assertEquals(List.of("row", "2", "3", "4", "5", "6", "8", "9", "10", "11", "12", "13"),
        rejects.stream().map(l -> l.split(",")[0]).toList());
  }

  @Test
  void aGzipBombIsReportedNotAnOutOfMemoryError() throws Exception {
    // 2 GiB without a line break as the whole file (the header is over the line limit), then
    // 256 MiB as one row after a good header (the row is rejected, the file read through).
    Path headless = dir.resolve("bomb.csv.gz");
    Files.write(headless, GzipBomb.of("", 2048, (byte) 'a'));
    HotbeatCommandTest.Run r = HotbeatCommandTest.run(env, "import", "incidents",
        headless.toString(), "--mapping", "generic", "--agency", "cli-bomb");
    assertEquals(1, r.code(), r.err());
    assertTrue(r.err().contains("header row is longer than"), r.err());
    assertTrue(r.err().contains("nothing was imported"), r.err());

    Path oneRow = dir.resolve("row-bomb.csv.gz");
    Files.write(oneRow, GzipBomb.of("id,occurred_at,lon,lat,offense\n", 256, (byte) 'a'));
    long before = GzipBomb.heapUsed();
    long peak = GzipBomb.peakHeapDuring(() -> {
      HotbeatCommandTest.Run run = HotbeatCommandTest.run(env, "import", "incidents",
          oneRow.toString(), "--mapping", "generic", "--agency", "cli-bomb");
      assertEquals(0, run.code(), run.err());
    });
    assertTrue(peak - before < 256L << 20, "heap grew by " + ((peak - before) >> 20) + " MiB");
    List<String> rejects = Files.readAllLines(dir.resolve("row-bomb.csv.rejects.csv"));
    assertTrue(rejects.get(1).startsWith("1,\"the line is longer than 1048576 characters"),
        rejects.toString());
  }
}
