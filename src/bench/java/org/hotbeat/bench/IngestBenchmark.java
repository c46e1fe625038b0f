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

        long[] small = streamBody(db, 100L << 20);
        long[] big = streamBody(db, 1L << 30);
        boolean flat = big[0] <= small[0] * 1.5 + (64L << 20);
        System.out.printf(Locale.ROOT, "server memory while a body streams into POST "
            + "/api/incidents: live heap after GC at most %,d MiB for 100 MiB (%,d rows), "
            + "%,d MiB for 1 GiB (%,d rows): %s%n", small[0] >> 20, small[1], big[0] >> 20,
            big[1], flat ? "flat" : "GROWS WITH THE BODY");
        return Benchmarks.verdict("ingest", ratio, "≥ " + BAR + ", memory flat",
            ratio >= BAR && flat);
      }
    }
  }

  /**
   * POSTs a generated CSV body of {@code bytes} (wide rows, as records-management exports are;
   * the extra column is not stored) to a server in this JVM, and samples the old generation's
   * live size after each GC meanwhile.
   *
   * @return {peak live bytes, rows stored}
   */
  private static long[] streamBody(Database db, long bytes) throws Exception {
    var meters = new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(
        io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT);
    org.hotbeat.web.WebApp.Services services = org.hotbeat.web.WebApp.Services.of(db, meters);
    String token = services.tokens().create("bench", org.hotbeat.access.Role.ANALYST).secret();
    var app = org.hotbeat.web.WebApp.create(org.hotbeat.config.HotbeatConfig.defaults()
        .withPort(0), services);
    app.start("127.0.0.1", 0);
    java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
    Thread sampler = new Thread(() -> {
      while (running.get()) {
        for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
          var after = pool.getCollectionUsage();
          if (after != null && pool.getType() == java.lang.management.MemoryType.HEAP
              && (pool.getName().contains("Old") || pool.getName().contains("Tenured"))) {
            peak.accumulateAndGet(after.getUsed(), Math::max);
          }
        }
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    try {
      System.gc();
      sampler.start();
      String agency = "stream" + (bytes >> 20);
      var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
              + app.port() + "/api/incidents?agency=" + agency))
          .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
          .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new WideCsv(bytes)))
          .build();
      var response = java.net.http.HttpClient.newHttpClient().send(request,
          java.net.http.HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("upload failed: " + response.body());
      }
      long rows = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body())
          .get("inserted").asLong();
      sql(db, "DELETE FROM incident WHERE agency = '" + agency + "'");
      return new long[] {peak.get(), rows};
    } finally {
      running.set(false);
      sampler.join();
      app.stop();
    }
  }

  /** A CSV of about {@code size} bytes, generated as it is read. */
  private static final class WideCsv extends InputStream {
    private static final String PAD = "x".repeat(900);
    private final long size;
    private long produced;
    private long row;
    private byte[] chunk = "id,occurred_at,lon,lat,offense,notes\n".getBytes(
        java.nio.charset.StandardCharsets.UTF_8);
    private int pos;

    WideCsv(long size) {
      this.size = size;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (pos == chunk.length) {
        if (produced >= size) {
          return -1;
        }
        row++;
        chunk = (row + ",2017-06-01T10:00:00Z," + (-87.7 + (row % 1000) * 1e-4) + ","
            + (41.8 + (row / 1000 % 1000) * 1e-4) + ",0820," + PAD + "\n")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        pos = 0;
      }
      int n = Math.min(len, chunk.length - pos);
      System.arraycopy(chunk, pos, b, off, n);
      pos += n;
      produced += n;
      return n;
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
