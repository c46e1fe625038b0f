package org.hotbeat.bench;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.zip.GZIPInputStream;
import org.hotbeat.ingest.IngestService;
import org.hotbeat.ingest.InputFormat;
import org.hotbeat.ingest.Mappings;
import org.hotbeat.ingest.RecordReader;
import org.hotbeat.store.Database;
import org.hotbeat.store.EmbeddedPostgres;

/**
 * The benchmarks' database: a cluster in {@code target/bench-pg} holding the five Chicago years
 * from {@code ../shared/data} (loaded on first use, reused after).
 */
final class ChicagoBenchData implements AutoCloseable {
  static final long CHICAGO_ROWS_STORED = 1_370_156;
  final EmbeddedPostgres pg;
  final Database db;

  private ChicagoBenchData(EmbeddedPostgres pg, Database db) {
    this.pg = pg;
    this.db = db;
  }

  /** Null when the Chicago files are not on this machine. */
  static Path[] files() {
    Path dir = Path.of("..", "shared", "data", "chicago", "incidents");
    Path[] files = new Path[5];
    for (int i = 0; i < 5; i++) {
      files[i] = dir.resolve("chicago_crimes_" + (2013 + i) + ".csv.gz");
      if (!Files.isRegularFile(files[i])) {
        return null;
      }
    }
    return files;
  }

  static ChicagoBenchData open(boolean load) throws Exception {
    EmbeddedPostgres pg = EmbeddedPostgres.start(Path.of("target", "bench-pg", "pg"), true,
        EmbeddedPostgres.Sharing.EXCLUSIVE);
    pg.createDatabase("bench", null);
    Database db = Database.connect(pg.jdbcUrl("bench"), EmbeddedPostgres.SUPERUSER, pg.password(),
        8, null);
    db.migrate();
    ChicagoBenchData data = new ChicagoBenchData(pg, db);
    if (load && chicagoRows(db) < CHICAGO_ROWS_STORED) {
      System.out.println("loading the five Chicago years into " + pg.dataDir() + " (once)");
      IngestService ingest = new IngestService(db.dataSource(), Clock.systemUTC());
      for (Path f : files()) {
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(f),
            1 << 16), 1 << 16); RecordReader r = InputFormat.CSV.open(in)) {
          ingest.ingest(r, Mappings.load("chicago"), null, null,
              new IngestService.Source(f.getFileName().toString(), "bench"),
              new IngestService.Listener() { });
        }
      }
    }
    return data;
  }

  private static long chicagoRows(Database db) throws java.sql.SQLException {
    try (var c = db.dataSource().getConnection(); var s = c.createStatement();
        var rs = s.executeQuery("SELECT count(*) FROM incident WHERE agency = 'chicago'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Override
  public void close() {
    db.close();
    pg.close();
  }
}
