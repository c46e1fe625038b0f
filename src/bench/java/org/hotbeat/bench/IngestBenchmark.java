package org.hotbeat.bench;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.hotbeat.ingest.ImportReport;
import org.hotbeat.ingest.IngestService;
import org.hotbeat.ingest.InputFormat;
import org.hotbeat.ingest.Mappings;
import org.hotbeat.ingest.RecordReader;
import org.hotbeat.store.Database;
import org.hotbeat.store.EmbeddedPostgres;

/**
 * {@code ./hotbeat bench ingest}: imports the five Chicago years (1.38 M rows) from
 * {@code ../shared/data} through the real importer into the indexed {@code incident} table, then
 * loads the same rows with {@code psql \copy} into an identical, identically indexed table, and
 * prints both rates and their ratio (bar: ours ≥ 0.8 of psql's). psql reads a file already in the
 * table's own layout, prepared beforehand and not timed: the reference is PostgreSQL's raw bulk
 * load, with none of our parsing, mapping or validation.
 */
final class IngestBenchmark implements Benchmarks.Benchmark {
  private static final double BAR = 0.8;

  @Override
  public int run(String[] args) throws Exception {
    Path dir = Path.of("..", "shared", "data", "chicago", "incidents");
    List<Path> files = new ArrayList<>();
    for (int year = 2013; year <= 2017; year++) {
      Path f = dir.resolve("chicago_crimes_" + year + ".csv.gz");
      if (!Files.isRegularFile(f)) {
        return Benchmarks.skipped("ingest", f + " is not here");
      }
      files.add(f);
    }
    Path pgDir = Path.of("target", "bench-pg", "pg");
    try (EmbeddedPostgres pg = EmbeddedPostgres.start(pgDir, true,
        EmbeddedPostgres.Sharing.EXCLUSIVE)) {
      pg.createDatabase("bench", null);
      try (Database db = Database.connect(pg.jdbcUrl("bench"), EmbeddedPostgres.SUPERUSER,
          pg.password(), 4, null)) {
        db.migrate();
        sql(db, "TRUNCATE incident, ingest_run");
        sql(db, "DROP TABLE IF EXISTS incident_ref");
        sql(db, "CHECKPOINT");

        IngestService ingest = new IngestService(db.dataSource(), Clock.systemUTC());
        long rows = 0;
        long stored = 0;
        long t0 = System.nanoTime();
        for (Path f : files) {
          try (InputStream in = new GZIPInputStream(new BufferedInputStream(
              Files.newInputStream(f), 1 << 16), 1 << 16); RecordReader r = InputFormat.CSV.open(in)) {
            ImportReport rep = ingest.ingest(r, Mappings.load("chicago"), null, null,
                new IngestService.Source(f.getFileName().toString(), "bench"),
                new IngestService.Listener() { });
            rows += rep.rows();
            stored += rep.inserted();
          }
        }
        double ours = (System.nanoTime() - t0) / 1e9;

        // The reference: the stored rows, dumped in the table's own layout (not timed), then
        // loaded by psql into a copy of the table with the same indexes.
        Path dump = Path.of("target", "bench-pg", "incident-ref.csv").toAbsolutePath();
        Files.deleteIfExists(dump);
        String cols = "agency, source_id, occurred_at, offense, category, geom, "
            + "location_precision, attributes, time_precision";
        sql(db, "CREATE TABLE incident_ref (LIKE incident INCLUDING ALL)");
        psql(pg, "\\copy (SELECT " + cols + " FROM incident) TO '" + dump + "' (FORMAT csv)");
        sql(db, "CHECKPOINT");
        long t1 = System.nanoTime();
        psql(pg, "\\copy incident_ref (" + cols + ") FROM '" + dump + "' (FORMAT csv)");
        double reference = (System.nanoTime() - t1) / 1e9;

        double ourRate = rows / ours;
        double refRate = stored / reference;
        System.out.printf(Locale.ROOT, "hotbeat import: %,d rows read (%,d stored) in %.1f s = "
            + "%,.0f rows/s (parse, validate, upsert, indexes in place)%n", rows, stored, ours,
            ourRate);
        System.out.printf(Locale.ROOT, "psql \\copy:     %,d rows in %.1f s = %,.0f rows/s "
            + "(identical table and indexes)%n", stored, reference, refRate);
        double ratio = ourRate / refRate;
        return Benchmarks.verdict("ingest", ratio, "≥ " + BAR, ratio >= BAR);
      }
    }
  }

  private static void sql(Database db, String sql) throws Exception {
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static void psql(EmbeddedPostgres pg, String command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("psql", "-v", "ON_ERROR_STOP=1", "-q",
        "-h", "127.0.0.1", "-p", Integer.toString(pg.port()), "-U", EmbeddedPostgres.SUPERUSER,
        "-d", "bench", "-c", command).inheritIO();
    pb.environment().put("PGPASSWORD", pg.password());
    int code = pb.start().waitFor();
    if (code != 0) {
      throw new IllegalStateException("psql failed (" + code + "): " + command);
    }
  }
}
